import { db } from "@/lib/db";

export function getUnit(id: number) {
  return db.adminUnit.findUnique({
    where: { id },
    include: { province: { select: { id: true, fullName: true } }, district: { select: { id: true, fullName: true } } },
  });
}

/** Provinces valid on a date, by name (for selectors). */
export function listProvinces(on: Date) {
  return db.adminUnit.findMany({
    where: { level: "PROVINCE", validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
    orderBy: { name: "asc" },
    select: { id: true, code: true, fullName: true },
  });
}
