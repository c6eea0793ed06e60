// Dashboard figures read from the summaries maintained on write (CommuneYearSummary,
// CriterionYearSummary — see the *_dashboard_summary_triggers migration): a national page sums
// a few hundred rows instead of scanning ~50,000 assessments.
import { figuresRead } from "@/lib/cache/cached-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { bandsFor, communeSetCodeForYear, roundTo, type Aggregate } from "@/lib/criteria/rules";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { unitWithPredecessors } from "@/lib/units/queries";

/**
 * A report counts in public figures once the level above has confirmed it. The summaries keep
 * these counts apart (the pub* columns, maintained by the triggers of migration
 * *_reports_and_recognition): with `publicOnly`, every query below reads only them, so a draft
 * never moves a public figure and every public table divides by the same communes.
 */
export const PUBLIC_STATUSES: ReportStatus[] = ["CONFIRMED"];

/** Which communes: the nation, provinces (with the old provinces they succeeded), or a district. */
export interface DashboardScope {
  provinceIds?: number[];
  districtId?: number;
}

/** What the annual reports of a year say (titles and their denominator: lib/figures). */
export interface Figures extends Omit<Aggregate, "districtsWithoutReached" | "mostUnmet"> {
  year: number;
  criteriaTotal: number;
}

interface SumRow {
  assessed: number;
  reached: number;
  criteriaSum: number;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
}

/** The commune criteria set of a year and its number of criteria. */
export const setOfYear = figuresRead("setOfYear", async (year: number) => {
  const s = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(year) }, select: { id: true, _count: { select: { criteria: true } } } });
  return s ? { id: s.id, total: s._count.criteria } : null;
});

function sums(publicOnly: boolean) {
  return publicOnly
    ? Prisma.sql`coalesce(sum("pubAssessed"),0)::int AS assessed, coalesce(sum("pubReached"),0)::int AS reached,
        coalesce(sum("pubCriteriaSum"),0)::int AS "criteriaSum", coalesce(sum("pubBand0"),0)::int AS b0, coalesce(sum("pubBand1"),0)::int AS b1,
        coalesce(sum("pubBand2"),0)::int AS b2, coalesce(sum("pubBand3"),0)::int AS b3, coalesce(sum("pubBand4"),0)::int AS b4`
    : Prisma.sql`coalesce(sum(assessed),0)::int AS assessed, coalesce(sum(reached),0)::int AS reached,
        coalesce(sum("criteriaSum"),0)::int AS "criteriaSum", coalesce(sum(band0),0)::int AS b0, coalesce(sum(band1),0)::int AS b1,
        coalesce(sum(band2),0)::int AS b2, coalesce(sum(band3),0)::int AS b3, coalesce(sum(band4),0)::int AS b4`;
}

function scopeSql(scope: DashboardScope) {
  const parts: Prisma.Sql[] = [];
  if (scope.provinceIds) parts.push(Prisma.sql`s."provinceId" = ANY(${scope.provinceIds})`);
  if (scope.districtId) parts.push(Prisma.sql`s."districtId" = ${scope.districtId}`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function toFigures(row: SumRow | undefined, year: number, total: number): Figures {
  const r = row ?? { assessed: 0, reached: 0, criteriaSum: 0, b0: 0, b1: 0, b2: 0, b3: 0, b4: 0 };
  const keys = bandsFor(total).map((b) => b.key);
  const counts = [r.b0, r.b1, r.b2, r.b3, r.b4];
  return {
    year,
    criteriaTotal: total,
    communesAssessed: r.assessed,
    communesReached: r.reached,
    reachedPercent: r.assessed ? roundTo((r.reached * 100) / r.assessed, 1) : 0,
    averageCriteria: r.assessed ? roundTo(r.criteriaSum / r.assessed, 2) : 0,
    bands: Object.fromEntries(keys.map((k, i) => [k, counts[i]])),
  };
}

/** Scope of a province id: the province and the old provinces it succeeded. */
export async function provinceScope(provinceId: number): Promise<DashboardScope> {
  return { provinceIds: await unitWithPredecessors(provinceId) };
}

/** Headline figures of a scope for a year. */
async function readSummaryFigures(year: number, scope: DashboardScope, publicOnly = false): Promise<Figures> {
  const set = await setOfYear(year);
  if (!set) return toFigures(undefined, year, 19);
  const [row] = await db.$queryRaw<SumRow[]>`
    SELECT ${sums(publicOnly)} FROM "CommuneYearSummary" s
    WHERE s.year = ${year} AND s."setId" = ${set.id}${scopeSql(scope)}`;
  return toFigures(row, year, set.total);
}

export interface FigureFilter {
  year: number;
  provinceId?: number;
  districtId?: number;
  publicOnly?: boolean;
}

/** Convenience form: a province id is widened to its predecessors. */
export async function figuresFor(filter: FigureFilter): Promise<Figures> {
  const scope: DashboardScope = filter.provinceId ? await provinceScope(filter.provinceId) : {};
  if (filter.districtId) scope.districtId = filter.districtId;
  return summaryFigures(filter.year, scope, filter.publicOnly ?? false);
}

export interface UnitFigures extends Figures {
  unitId: number;
  code: string;
  name: string;
}

/**
 * Figures of the units one level down: provinces of the nation (as they were that year, or
 * grouped into today's 34 provinces with `byTodaysProvinces`), or districts of a province.
 * Province mergers of 1/7/2025 were all whole provinces, so adding old provinces into new ones
 * counts every commune exactly once.
 */
async function readBreakdown(year: number, scope: DashboardScope, opts: { by: "province" | "district"; byTodaysProvinces?: boolean; publicOnly?: boolean }): Promise<UnitFigures[]> {
  const set = await setOfYear(year);
  if (!set) return [];
  const key =
    opts.by === "district"
      ? Prisma.sql`s."districtId"`
      : opts.byTodaysProvinces
        ? Prisma.sql`coalesce((SELECT us."successorId" FROM "UnitSuccession" us WHERE us."predecessorId" = s."provinceId" LIMIT 1), s."provinceId")`
        : Prisma.sql`s."provinceId"`;
  const rows = await db.$queryRaw<(SumRow & { unitId: number; code: string; name: string })[]>`
    SELECT k."unitId", u.code, u."fullName" AS name, k.*
    FROM (
      SELECT ${key} AS "unitId", ${sums(opts.publicOnly ?? false)}
      FROM "CommuneYearSummary" s
      WHERE s.year = ${year} AND s."setId" = ${set.id}${scopeSql(scope)}
      GROUP BY 1
    ) k JOIN "AdminUnit" u ON u.id = k."unitId"
    WHERE k.assessed > 0
    ORDER BY u."fullName"`;
  return rows.map((r) => ({ ...toFigures(r, year, set.total), unitId: r.unitId, code: r.code, name: r.name }));
}

/** One row per year from `from` to `to` — years without data are present, with zeros. */
async function readTrend(from: number, to: number, scope: DashboardScope, publicOnly = false): Promise<Figures[]> {
  const rows = await db.$queryRaw<(SumRow & { year: number })[]>`
    SELECT y.year, ${sums(publicOnly)}
    FROM generate_series(${from}::int, ${to}::int) AS y(year)
    LEFT JOIN "CommuneYearSummary" s ON s.year = y.year${scopeSql(scope)}
      AND s."setId" = (SELECT cs.id FROM "CriteriaSet" cs JOIN "Phase" p ON p.id = cs."phaseId"
                       WHERE cs.level = 'COMMUNE' AND y.year BETWEEN p."startYear" AND p."endYear" LIMIT 1)
    GROUP BY y.year ORDER BY y.year`;
  const out: Figures[] = [];
  for (const r of rows) out.push(toFigures(r, r.year, (await setOfYear(r.year))?.total ?? 19));
  return out;
}

export interface HeatRow {
  unitId: number;
  name: string;
  assessed: number;
  /** criterion number → communes meeting it */
  met: Record<number, number>;
}

/** Unit × criterion: communes meeting each criterion (for the heat-map of % met). */
async function readCriterionHeatmap(year: number, scope: DashboardScope, by: "province" | "district", publicOnly = false): Promise<{ criteria: { number: number; name: string }[]; rows: HeatRow[] }> {
  const set = await setOfYear(year);
  if (!set) return { criteria: [], rows: [] };
  const key = by === "district" ? Prisma.sql`"districtId"` : Prisma.sql`"provinceId"`;
  const assessedCol = publicOnly ? Prisma.sql`s."pubAssessed"` : Prisma.sql`s.assessed`;
  const metCol = publicOnly ? Prisma.sql`s."pubMet"` : Prisma.sql`s.met`;
  const [criteria, assessed, met] = await Promise.all([
    db.criterion.findMany({ where: { setId: set.id }, orderBy: { number: "asc" }, select: { number: true, name: true } }),
    db.$queryRaw<{ unitId: number; name: string; assessed: number }[]>`
      SELECT k."unitId", u."fullName" AS name, k.assessed FROM (
        SELECT s.${key} AS "unitId", sum(${assessedCol})::int AS assessed FROM "CommuneYearSummary" s
        WHERE s.year = ${year} AND s."setId" = ${set.id}${scopeSql(scope)} GROUP BY 1
      ) k JOIN "AdminUnit" u ON u.id = k."unitId" WHERE k.assessed > 0 ORDER BY u."fullName"`,
    db.$queryRaw<{ unitId: number; n: number; met: number }[]>`
      SELECT s.${key} AS "unitId", s."criterionNumber" AS n, sum(${metCol})::int AS met FROM "CriterionYearSummary" s
      WHERE s.year = ${year} AND s."setId" = ${set.id}${scopeSql(scope)} GROUP BY 1, 2`,
  ]);
  const byUnit = new Map(assessed.map((a) => [a.unitId, { ...a, met: {} as Record<number, number> }]));
  for (const m of met) {
    const row = byUnit.get(m.unitId);
    if (row) row.met[m.n] = m.met;
  }
  return { criteria, rows: [...byUnit.values()] };
}

/**
 * The latest year whose figures are mostly reviewed (at least half of its assessments public):
 * a year still being assessed would show a misleading handful of communes.
 */
async function readLatestPublicYear(): Promise<number | null> {
  const [row] = await db.$queryRaw<{ year: number | null }[]>`
    SELECT max(year) AS year FROM (
      SELECT year FROM "CommuneYearSummary" GROUP BY year HAVING sum("pubAssessed") * 2 >= sum(assessed) AND sum("pubAssessed") > 0
    ) y`;
  return row?.year ?? null;
}

export interface CommuneRow {
  communeId: number;
  name: string;
  criteriaMet: number;
  criteriaTotal: number;
  reached: boolean;
  status: ReportStatus;
  /** bit n-1 set when criterion n is met */
  metMask: number;
}

/** The communes of a scope with their result (district views; provinces after 1/7/2025). */
async function readCommunesOf(year: number, scope: DashboardScope, publicOnly = false): Promise<CommuneRow[]> {
  const set = await setOfYear(year);
  if (!set) return [];
  // From the scope's communes to each one's assessment by its unique key: joined the other way,
  // PostgreSQL reads every assessment of the year (7,692) to keep a province's ~200.
  // (LIMIT 1 keeps the planner from flattening the lateral join back into that.)
  return db.$queryRaw<CommuneRow[]>`
    SELECT u.id AS "communeId", u."fullName" AS name, a."criteriaMet", a."criteriaTotal", a."reachedStandard" AS reached,
           a.status::text AS status, a."metMask"
    FROM "AdminUnit" u
    CROSS JOIN LATERAL (
      SELECT * FROM "Assessment" a WHERE a."unitId" = u.id AND a.year = ${year} AND a."setId" = ${set.id} LIMIT 1
    ) a
    WHERE u.level = 'COMMUNE'
      ${publicOnly ? Prisma.sql`AND a.status::text = ANY(${PUBLIC_STATUSES})` : Prisma.empty}
      ${scope.provinceIds ? Prisma.sql`AND u."provinceId" = ANY(${scope.provinceIds})` : Prisma.empty}
      ${scope.districtId ? Prisma.sql`AND u."districtId" = ${scope.districtId}` : Prisma.empty}
    ORDER BY a."criteriaMet" DESC, u.name
    LIMIT 500`;
}

// cached until the data they are read from changes (lib/cache/cached-read.ts)
export const summaryFigures = figuresRead("summaryFigures", readSummaryFigures);
export const breakdown = figuresRead("breakdown", readBreakdown);
export const trend = figuresRead("trend", readTrend);
export const criterionHeatmap = figuresRead("criterionHeatmap", readCriterionHeatmap);
export const communesOf = figuresRead("communesOf", readCommunesOf);
export const latestPublicYear = figuresRead("latestPublicYear", readLatestPublicYear);
