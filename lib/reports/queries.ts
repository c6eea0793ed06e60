// Reads only reports need: the communes holding a recognition decision on a day, and the units a
// viewer can pick on the report pages. Figures shared with the dashboards come from lib/dashboard.
import { isUnitInScope, type Viewer } from "@/lib/authz";
import type { DashboardScope } from "@/lib/dashboard/queries";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { db } from "@/lib/db";
import { communesDay } from "@/lib/figures/definitions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TitleLevel } from "@/lib/recognition/rules";
import { REFORM_DATE, unitsDateForYear, validOn } from "@/lib/units/rules";

const byVietnamese = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "", "vi");

export interface RecognisedCommune {
  communeId: number;
  commune: string;
  district: string | null;
  province: string | null;
  level: TitleLevel;
  decisionNumber: string;
  decisionDate: Date;
  signer: string;
  /** the latest confirmed report up to the year (null: none) */
  reportYear: number | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
}

/**
 * Communes holding a recognition decision in force on a day (xã of the year's units, in scope —
 * the communes the official figure counts: lib/figures/definitions.ts communesDay), each with its
 * highest title, the decision, and its latest confirmed report up to the year.
 */
export async function listRecognisedCommunes(year: number, scope: DashboardScope, asOf: Date): Promise<RecognisedCommune[]> {
  const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
  const where = [
    scope.provinceIds ? Prisma.sql`u."provinceId" = ANY(${scope.provinceIds})` : Prisma.sql`TRUE`,
    scope.districtId ? Prisma.sql`u."districtId" = ${scope.districtId}` : Prisma.sql`TRUE`,
  ];
  const rows = await db.$queryRaw<RecognisedCommune[]>`
    SELECT DISTINCT ON (u.id) u.id AS "communeId", u."fullName" AS commune, d."fullName" AS district, p."fullName" AS province,
           r.level::text AS level, r."decisionNumber", r."decisionDate", r.signer,
           a.year AS "reportYear", a."criteriaMet", a."criteriaTotal"
    FROM "Recognition" r
    JOIN "AdminUnit" u ON u.id = r."unitId"
    LEFT JOIN "AdminUnit" d ON d.id = u."districtId"
    LEFT JOIN "AdminUnit" p ON p.id = u."provinceId"
    LEFT JOIN LATERAL (
      SELECT a.year, a."criteriaMet", a."criteriaTotal" FROM "Assessment" a
      WHERE a."unitId" = u.id AND a.status = 'CONFIRMED' AND a.year <= ${year} ORDER BY a.year DESC LIMIT 1
    ) a ON TRUE
    WHERE r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
      AND u.type = 'XA' AND u."validFrom" <= ${unitsDay}::date AND (u."validTo" IS NULL OR u."validTo" > ${unitsDay}::date)
      AND ${Prisma.join(where, " AND ")}
    ORDER BY u.id, array_position(ARRAY['NTM', 'ADVANCED', 'MODEL'], r.level::text) DESC`;
  return rows.sort((a, b) => byVietnamese(a.province, b.province) || byVietnamese(a.district, b.district) || byVietnamese(a.commune, b.commune));
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
