import { figuresRead } from "@/lib/cache/cached-read";
import { db } from "@/lib/db";
import { validOn } from "./rules";

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

/**
 * The province filter of a staff page (`?tinh=<id>`): a national viewer chooses among today's
 * provinces (none chosen: the whole country); anyone else works in their own scope and gets none.
 */
export async function provinceFilter(viewer: { unitId: number | null }, tinh: string | undefined, on: Date) {
  if (viewer.unitId !== null) return { provinces: [], provinceId: undefined };
  const provinces = await listProvinces(on);
  return { provinces, provinceId: provinces.find((p) => String(p.id) === tinh)?.id };
}

/**
 * The version of a unit that stood on a date: the unit itself when valid then, otherwise the one
 * of the same level and code among the units it succeeded (Huyện Mộc Châu for Thị xã Mộc Châu at
 * the end of 2024, prisma/seed/units-history.ts); null when none stood then.
 */
export async function unitVersionOn(unitId: number, on: Date) {
  const unit = await db.adminUnit.findUnique({ where: { id: unitId }, select: { level: true, code: true } });
  if (!unit) return null;
  return db.adminUnit.findFirst({
    where: { id: { in: await unitWithPredecessors(unitId) }, level: unit.level, code: unit.code, ...validOn(on) },
    include: { province: { select: { id: true, fullName: true } } },
  });
}

/** Unit ids of a unit and of every unit it succeeded, transitively (history survives mergers). */
export const unitWithPredecessors = figuresRead("unitWithPredecessors", async (unitId: number): Promise<number[]> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT ${unitId}::int
      UNION
      SELECT s."predecessorId" FROM "UnitSuccession" s JOIN chain c ON s."successorId" = c.id
    )
    SELECT id FROM chain`;
  return rows.map((r) => r.id);
});
