// Reads only reports need: the communes holding a recognition decision in a year, and the units a
// viewer can pick on the report pages. Figures shared with the dashboards come from lib/dashboard.
import { isUnitInScope, type Viewer } from "@/lib/authz";
import { setOfYear, type DashboardScope } from "@/lib/dashboard/queries";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { db } from "@/lib/db";
import type { Tier } from "@/lib/generated/prisma/enums";
import { REFORM_DATE, unitsDateForYear, validOn } from "@/lib/units/rules";

export interface RecognisedCommune {
  communeId: number;
  commune: string;
  district: string | null;
  province: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  tier: Tier;
  decisionNumber: string | null;
  decisionDate: Date | null;
  decisionSigner: string | null;
}

const byVietnamese = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "", "vi");

/**
 * Communes whose assessment of `year` (the commune criteria set of that year) holds a recognition
 * (status RECOGNISED), with the decision that recognised them, by province, district and name.
 */
export async function listRecognisedCommunes(year: number, scope: DashboardScope): Promise<RecognisedCommune[]> {
  const set = await setOfYear(year);
  if (!set) return [];
  const rows = await db.assessment.findMany({
    where: {
      year,
      setId: set.id,
      status: "RECOGNISED",
      unit: {
        level: "COMMUNE",
        ...(scope.provinceIds ? { provinceId: { in: scope.provinceIds } } : {}),
        ...(scope.districtId ? { districtId: scope.districtId } : {}),
      },
    },
    select: {
      unitId: true,
      criteriaMet: true,
      criteriaTotal: true,
      tier: true,
      decisionNumber: true,
      decisionDate: true,
      decisionSigner: true,
      unit: { select: { fullName: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } } },
    },
  });
  return rows
    .map((r) => ({
      communeId: r.unitId,
      commune: r.unit.fullName,
      district: r.unit.district?.fullName ?? null,
      province: r.unit.province?.fullName ?? null,
      criteriaMet: r.criteriaMet,
      criteriaTotal: r.criteriaTotal,
      tier: r.tier,
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate,
      decisionSigner: r.decisionSigner,
    }))
    .sort((a, b) => byVietnamese(a.province, b.province) || byVietnamese(a.district, b.district) || byVietnamese(a.commune, b.commune));
}

export interface UnitOption {
  id: number;
  name: string;
}

/**
 * What the unit selectors offer for a year: provinces (national viewers only) and the districts
 * of the chosen province (before 1/7/2025), as they stood that year and within the viewer's scope.
 */
export async function listReportUnitOptions(viewer: Viewer, unit: DashboardUnit, year: number): Promise<{ provinces: UnitOption[]; districts: UnitOption[] }> {
  const date = unitsDateForYear(year);
  const provinces =
    viewer.unitId === null
      ? await db.adminUnit.findMany({ where: { level: "PROVINCE", ...validOn(date) }, select: { id: true, fullName: true } })
      : [];
  let districts: { id: number; fullName: string; provinceId: number | null; districtId: number | null }[] = [];
  // beside a district: the districts of the viewer's province, or of the district's own province
  const provinceIds =
    unit.level === "PROVINCE" ? unit.scope.provinceIds
    : unit.level !== "DISTRICT" ? undefined
    : viewer.unitLevel === "PROVINCE" ? viewer.scopeUnitIds
    : unit.province ? [unit.province.id] : undefined;
  if (provinceIds && date < REFORM_DATE && viewer.unitLevel !== "DISTRICT") {
    districts = await db.adminUnit.findMany({
      where: { level: "DISTRICT", provinceId: { in: provinceIds }, ...validOn(date) },
      select: { id: true, fullName: true, provinceId: true, districtId: true },
    });
  }
  const sorted = (xs: { id: number; fullName: string }[]) => xs.map((x) => ({ id: x.id, name: x.fullName })).sort((a, b) => byVietnamese(a.name, b.name));
  return { provinces: sorted(provinces), districts: sorted(districts.filter((d) => isUnitInScope(viewer, d))) };
}
