// Which unit a dashboard shows: chosen in the URL (tinh, huyen), bounded by the viewer's scope.
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { isUnitInScope } from "@/lib/authz";
import { provinceScope, type DashboardScope } from "./queries";

export interface DashboardUnit {
  level: "NATION" | "PROVINCE" | "DISTRICT";
  unitId: number | null;
  /** official code (as the unit stood: codes were reused by the 2025 reform) */
  code: string | null;
  name: string;
  /** the province of a district view (for the breadcrumb) */
  province?: { id: number; name: string };
  scope: DashboardScope;
}

export const NATION: DashboardUnit = { level: "NATION", unitId: null, code: null, name: "Toàn quốc", scope: {} };

/** A unit id from the query string: a positive safe integer, or nothing ("1e309", "-1", "abc"). */
function unitIdParam(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * The unit to show. Anonymous (public pages) and national viewers may pick any province or
 * district; other viewers are held to their own unit and what lies inside it.
 */
export async function resolveDashboardUnit(viewer: Viewer | null, params: { tinh?: string; huyen?: string }): Promise<DashboardUnit> {
  const wanted = unitIdParam(params.huyen) ?? unitIdParam(params.tinh);
  const fallback = viewer && viewer.unitId !== null ? viewer.unitId : null;
  for (const id of [wanted, fallback]) {
    if (!id) continue;
    const unit = await db.adminUnit.findUnique({ where: { id }, include: { province: { select: { id: true, fullName: true } } } });
    if (!unit || unit.level === "COMMUNE") continue;
    if (viewer && viewer.unitId !== null && !isUnitInScope(viewer, unit)) continue;
    return toDashboardUnit({ ...unit, level: unit.level });
  }
  return viewer && viewer.unitId !== null && viewer.unitLevel === "COMMUNE" ? { ...NATION, scope: { provinceIds: [-1] } } : NATION;
}

/** A province or district as a dashboard unit (a province's scope includes the provinces it succeeded). */
export async function toDashboardUnit(unit: {
  id: number;
  level: "PROVINCE" | "DISTRICT";
  code: string;
  fullName: string;
  province: { id: number; fullName: string } | null;
}): Promise<DashboardUnit> {
  if (unit.level === "PROVINCE") return { level: "PROVINCE", unitId: unit.id, code: unit.code, name: unit.fullName, scope: await provinceScope(unit.id) };
  return {
    level: "DISTRICT",
    unitId: unit.id,
    code: unit.code,
    name: unit.fullName,
    province: unit.province ? { id: unit.province.id, name: unit.province.fullName } : undefined,
    scope: { districtId: unit.id },
  };
}
