// What the import screen offers: the provinces and districts of a year the viewer may import for,
// and the viewer's recent import runs.
import { isUnitInScope, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { unitsDateForYear, validOn } from "@/lib/units/rules";

export interface ImportUnit {
  id: number;
  name: string;
  level: "PROVINCE" | "DISTRICT";
  provinceName: string | null;
}

export async function importUnits(viewer: Viewer, year: number): Promise<ImportUnit[]> {
  const units = await db.adminUnit.findMany({
    where: { level: { in: ["PROVINCE", "DISTRICT"] }, ...validOn(unitsDateForYear(year)) },
    select: { id: true, name: true, level: true, provinceId: true, districtId: true, province: { select: { name: true } } },
    orderBy: [{ provinceId: "asc" }, { name: "asc" }],
  });
  return units
    .filter((u) => isUnitInScope(viewer, u))
    .map((u) => ({ id: u.id, name: u.name, level: u.level as ImportUnit["level"], provinceName: u.province?.name ?? null }))
    .sort((a, b) => (a.provinceName ?? a.name).localeCompare(b.provinceName ?? b.name, "vi") || (a.level === "PROVINCE" ? -1 : 1) || a.name.localeCompare(b.name, "vi"));
}

export function recentImports(viewer: Viewer, take = 10) {
  return db.importJob.findMany({
    where: { kind: "assessments", createdById: viewer.id },
    orderBy: { id: "desc" },
    take,
    select: { id: true, fileName: true, status: true, createdAt: true, appliedAt: true, report: true },
  });
}
