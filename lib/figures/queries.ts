// The official figures of a scope (the nation, provinces with the provinces they succeeded, or a
// district) for a year, as at a day: titles in force, the programme list they are divided by,
// and the confirmed annual reports. Definitions and names: lib/figures/definitions.ts.
import { figuresRead } from "@/lib/cache/cached-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { bandsFor, communeSetCodeForYear } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { unitsDateForYear } from "@/lib/units/rules";
import { communesDay, percentOf } from "./definitions";

/** Which communes: the nation, provinces (their rows of every period), or a district. */
export interface FigureScope {
  provinceIds?: number[];
  districtId?: number;
}

export interface ProgrammeDenominator {
  size: number;
  phase: string;
  /** the phase's first day: the default list is the xã valid then */
  start: Date;
  /** provinces of the scope at the phase's start, and how many keep a list of their own */
  provinces: number;
  withList: number;
  /** the lists' sources (the plans' decisions) */
  sources: string[];
  isDefault: boolean;
}

export interface OfficialFigures {
  year: number;
  asOf: Date;
  /** the day whose communes are counted (see communesDay) */
  unitsDay: Date;
  set: { code: string; name: string; decision: string; total: number; provisionalBands: boolean };
  programme: ProgrammeDenominator;
  /** xã of the scope on the day, as the official unit list has them */
  communesOnDay: number;
  recognised: number;
  recognisedPercent: number;
  advanced: number;
  model: number;
  /** confirmed annual reports of the year (as at the day) and what they say */
  reports: {
    confirmed: number;
    /** sent by the commune, not yet confirmed */
    pending: number;
    fullCriteria: number;
    fullCriteriaPercent: number;
    averageCriteria: number;
    bands: Record<string, number>;
  };
  notMaintained: number;
}

const endOfDay = (d: Date) => new Date(d.getTime() + 86_400_000);

function communeScope(scope: FigureScope, alias: string) {
  const u = Prisma.raw(alias);
  const parts: Prisma.Sql[] = [];
  if (scope.provinceIds) parts.push(Prisma.sql`${u}."provinceId" = ANY(${scope.provinceIds})`);
  if (scope.districtId) parts.push(Prisma.sql`${u}."districtId" = ${scope.districtId}`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

const validOnSql = (alias: string, day: Date) => {
  const u = Prisma.raw(alias);
  return Prisma.sql`${u}."validFrom" <= ${day}::date AND (${u}."validTo" IS NULL OR ${u}."validTo" > ${day}::date)`;
};

/** The commune criteria set of a year. */
export const setForYear = figuresRead("setForYear", async (year: number) => {
  const s = await db.criteriaSet.findUnique({
    where: { code: communeSetCodeForYear(year) },
    select: { id: true, code: true, name: true, decision: true, _count: { select: { criteria: true } } },
  });
  return s ? { id: s.id, code: s.code, name: s.name, decision: s.decision, total: s._count.criteria } : null;
});

/** The programme's phase of a year (2016–2020, 2021–2025, 2026–2030). */
export async function phaseOfYear(year: number) {
  return db.phase.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, select: { id: true, code: true, startYear: true } });
}

/**
 * The denominator of official percentages: for each province of the scope at the phase's start,
 * its programme list for the phase, or — without one — the xã valid that day.
 */
async function readProgrammeDenominator(scope: FigureScope, year: number): Promise<ProgrammeDenominator> {
  const phase = await phaseOfYear(year);
  if (!phase) return { size: 0, phase: "", start: new Date(Date.UTC(year, 0, 1)), provinces: 0, withList: 0, sources: [], isDefault: true };
  const start = new Date(Date.UTC(phase.startYear, 0, 1));
  const provinces = scope.districtId
    ? Prisma.sql`SELECT d."provinceId" AS id FROM "AdminUnit" d WHERE d.id = ${scope.districtId}`
    : Prisma.sql`SELECT p.id FROM "AdminUnit" p WHERE p.level = 'PROVINCE' AND ${validOnSql("p", start)}${scope.provinceIds ? Prisma.sql` AND p.id = ANY(${scope.provinceIds})` : Prisma.empty}`;
  const district = scope.districtId ? Prisma.sql` AND c."districtId" = ${scope.districtId}` : Prisma.empty;
  const [row] = await db.$queryRaw<{ listed: number; defaulted: number; provinces: number; withList: number; sources: string[] | null }[]>`
    WITH prov AS (${provinces}),
    lists AS (SELECT l.id, l."provinceId", l.source FROM "ProgrammeList" l WHERE l."phaseId" = ${phase.id} AND l."provinceId" IN (SELECT id FROM prov))
    SELECT
      (SELECT count(*)::int FROM "ProgrammeListEntry" e JOIN lists l ON l.id = e."listId"
         ${scope.districtId ? Prisma.sql`JOIN "AdminUnit" c ON c.id = e."unitId" WHERE c."districtId" = ${scope.districtId}` : Prisma.empty}) AS listed,
      (SELECT count(*)::int FROM "AdminUnit" c
        WHERE c.level = 'COMMUNE' AND c.type = 'XA' AND ${validOnSql("c", start)}
          AND c."provinceId" IN (SELECT id FROM prov) AND c."provinceId" NOT IN (SELECT "provinceId" FROM lists)${district}) AS defaulted,
      (SELECT count(*)::int FROM prov) AS provinces,
      (SELECT count(*)::int FROM lists) AS "withList",
      (SELECT array_agg(DISTINCT source) FROM lists) AS sources`;
  return {
    size: row.listed + row.defaulted,
    phase: phase.code.replace("-", "–"),
    start,
    provinces: row.provinces,
    withList: row.withList,
    sources: row.sources ?? [],
    isDefault: row.withList === 0,
  };
}

/** Titles in force on a day, on xã of the scope standing on `unitsDay`. */
async function titlesOn(scope: FigureScope, asOf: Date, unitsDay: Date) {
  const [row] = await db.$queryRaw<{ recognised: number; advanced: number; model: number; communes: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "AdminUnit" u WHERE u.level = 'COMMUNE' AND u.type = 'XA' AND ${validOnSql("u", unitsDay)}${communeScope(scope, "u")}) AS communes,
      count(DISTINCT r."unitId")::int AS recognised,
      count(DISTINCT r."unitId") FILTER (WHERE r.level IN ('ADVANCED', 'MODEL'))::int AS advanced,
      count(DISTINCT r."unitId") FILTER (WHERE r.level = 'MODEL')::int AS model
    FROM "Recognition" r JOIN "AdminUnit" u ON u.id = r."unitId"
    WHERE r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
      AND u.type = 'XA' AND ${validOnSql("u", unitsDay)}${communeScope(scope, "u")}`;
  return row;
}

/** Confirmed annual reports of a year as at a day (confirmed by its end). */
async function reportsOn(scope: FigureScope, year: number, setId: number, asOf: Date) {
  const [row] = await db.$queryRaw<{ confirmed: number; pending: number; full: number; criteria: number; b0: number; b1: number; b2: number; b3: number; b4: number }[]>`
    SELECT
      count(*) FILTER (WHERE c)::int AS confirmed,
      count(*) FILTER (WHERE a.status = 'SUBMITTED')::int AS pending,
      count(*) FILTER (WHERE c AND a."reachedStandard")::int AS full,
      coalesce(sum(a."criteriaMet") FILTER (WHERE c), 0)::int AS criteria,
      count(*) FILTER (WHERE c AND ntm_band(a."criteriaMet", a."criteriaTotal") = 0)::int AS b0,
      count(*) FILTER (WHERE c AND ntm_band(a."criteriaMet", a."criteriaTotal") = 1)::int AS b1,
      count(*) FILTER (WHERE c AND ntm_band(a."criteriaMet", a."criteriaTotal") = 2)::int AS b2,
      count(*) FILTER (WHERE c AND ntm_band(a."criteriaMet", a."criteriaTotal") = 3)::int AS b3,
      count(*) FILTER (WHERE c AND ntm_band(a."criteriaMet", a."criteriaTotal") = 4)::int AS b4
    FROM "Assessment" a
    JOIN "AdminUnit" u ON u.id = a."unitId" AND u.level = 'COMMUNE'
    CROSS JOIN LATERAL (SELECT a.status = 'CONFIRMED' AND a."confirmedAt" < ${endOfDay(asOf)} AS c) x
    WHERE a.year = ${year} AND a."setId" = ${setId}${communeScope(scope, "u")}`;
  return row;
}

/** Holding the title on the day, while their latest confirmed report falls short. */
async function notMaintainedOn(scope: FigureScope, year: number, asOf: Date, unitsDay: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    WITH titled AS (
      SELECT DISTINCT r."unitId" FROM "Recognition" r JOIN "AdminUnit" u ON u.id = r."unitId"
      WHERE r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
        AND u.type = 'XA' AND ${validOnSql("u", unitsDay)}${communeScope(scope, "u")}
    ), latest AS (
      SELECT DISTINCT ON (a."unitId") a."reachedStandard" FROM "Assessment" a JOIN titled t ON t."unitId" = a."unitId"
      WHERE a.status = 'CONFIRMED' AND a.year <= ${year} AND a."confirmedAt" < ${endOfDay(asOf)}
      ORDER BY a."unitId", a.year DESC
    )
    SELECT count(*) FILTER (WHERE NOT "reachedStandard")::int AS n FROM latest`;
  return row.n;
}

/** Every official figure of a scope for a year, as at a day. */
async function readOfficialFigures(scope: FigureScope, year: number, asOf: Date): Promise<OfficialFigures> {
  const set = await setForYear(year);
  const total = set?.total ?? 19;
  const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
  const [programme, titles, reports, notMaintained] = await Promise.all([
    programmeDenominator(scope, year),
    titlesOn(scope, asOf, unitsDay),
    set ? reportsOn(scope, year, set.id, asOf) : null,
    notMaintainedOn(scope, year, asOf, unitsDay),
  ]);
  const bands = bandsFor(total);
  const r = reports ?? { confirmed: 0, pending: 0, full: 0, criteria: 0, b0: 0, b1: 0, b2: 0, b3: 0, b4: 0 };
  const counts = [r.b0, r.b1, r.b2, r.b3, r.b4];
  return {
    year,
    asOf,
    unitsDay,
    set: { code: set?.code ?? "", name: set?.name ?? "", decision: set?.decision ?? "", total, provisionalBands: total === 10 },
    programme,
    communesOnDay: titles.communes,
    recognised: titles.recognised,
    recognisedPercent: percentOf(titles.recognised, programme.size),
    advanced: titles.advanced,
    model: titles.model,
    reports: {
      confirmed: r.confirmed,
      pending: r.pending,
      fullCriteria: r.full,
      fullCriteriaPercent: percentOf(r.full, r.confirmed),
      averageCriteria: r.confirmed ? Math.round((r.criteria / r.confirmed) * 100) / 100 : 0,
      bands: Object.fromEntries(bands.map((b, i) => [b.key, counts[i]])),
    },
    notMaintained,
  };
}

export interface NotMaintainedRow {
  communeId: number;
  name: string;
  decisionNumber: string;
  decisionDate: Date;
  reportYear: number;
  criteriaMet: number;
  criteriaTotal: number;
  /** QĐ 18/2022: share of criteria not met, and whether a key criterion is among them */
  keyFailing: boolean;
}

/** The communes behind "đã đạt chuẩn nhưng chưa duy trì đủ tiêu chí", with their decision. */
async function readNotMaintainedList(scope: FigureScope, year: number, asOf: Date): Promise<NotMaintainedRow[]> {
  const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
  return db.$queryRaw<NotMaintainedRow[]>`
    WITH titled AS (
      SELECT DISTINCT ON (r."unitId") r."unitId", r."decisionNumber", r."decisionDate", u."fullName" AS name
      FROM "Recognition" r JOIN "AdminUnit" u ON u.id = r."unitId"
      WHERE r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
        AND u.type = 'XA' AND ${validOnSql("u", unitsDay)}${communeScope(scope, "u")}
      ORDER BY r."unitId", r."decisionDate"
    ), latest AS (
      SELECT DISTINCT ON (a."unitId") a."unitId", a.year, a."criteriaMet", a."criteriaTotal", a."reachedStandard", a."metMask", a."setId"
      FROM "Assessment" a JOIN titled t ON t."unitId" = a."unitId"
      WHERE a.status = 'CONFIRMED' AND a.year <= ${year} AND a."confirmedAt" < ${endOfDay(asOf)}
      ORDER BY a."unitId", a.year DESC
    )
    SELECT t."unitId" AS "communeId", t.name, t."decisionNumber", t."decisionDate", l.year AS "reportYear", l."criteriaMet", l."criteriaTotal",
           EXISTS (SELECT 1 FROM "Criterion" c WHERE c."setId" = l."setId" AND c."isKey" AND ((l."metMask" >> (c.number - 1)) & 1) = 0) AS "keyFailing"
    FROM latest l JOIN titled t ON t."unitId" = l."unitId"
    WHERE NOT l."reachedStandard"
    ORDER BY l."criteriaMet", t.name`;
}

export interface UnitOfficialFigures {
  /** the unit's row as it stood on the day (its code names it across periods) */
  unitId: number;
  code: string;
  name: string;
  programme: number;
  recognised: number;
  recognisedPercent: number;
  confirmed: number;
  fullCriteria: number;
  averageCriteria: number;
}

/**
 * Official figures of the units one level down, keyed by their code (a province keeps its code
 * through the years; a district too): provinces of the nation — as they stood on the day, or
 * grouped into today's provinces with `byTodaysProvinces` — or districts of a province.
 */
async function readOfficialBreakdown(scope: FigureScope, year: number, asOf: Date, opts: { by: "province" | "district"; byTodaysProvinces?: boolean }): Promise<UnitOfficialFigures[]> {
  const [phase, set] = await Promise.all([phaseOfYear(year), setForYear(year)]);
  const start = new Date(Date.UTC(phase?.startYear ?? year, 0, 1));
  const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
  const today = opts.by === "province" && opts.byTodaysProvinces;
  // the group of a commune: its province's (or district's) code; today's province through succession
  const keyOf = (alias: string) => {
    const u = Prisma.raw(alias);
    if (opts.by === "district") return Prisma.sql`(SELECT d.code FROM "AdminUnit" d WHERE d.id = ${u}."districtId")`;
    if (today) {
      return Prisma.sql`coalesce((SELECT s.code FROM "UnitSuccession" us JOIN "AdminUnit" s ON s.id = us."successorId" WHERE us."predecessorId" = ${u}."provinceId" AND s.level = 'PROVINCE' LIMIT 1),
                                 (SELECT p.code FROM "AdminUnit" p WHERE p.id = ${u}."provinceId"))`;
    }
    return Prisma.sql`(SELECT p.code FROM "AdminUnit" p WHERE p.id = ${u}."provinceId")`;
  };
  const level = opts.by === "district" ? Prisma.sql`'DISTRICT'` : Prisma.sql`'PROVINCE'`;
  const rows = await db.$queryRaw<{ code: string; programme: number; recognised: number; confirmed: number; full: number; criteria: number }[]>`
    WITH lists AS (
      SELECT l.id, l."provinceId" FROM "ProgrammeList" l WHERE l."phaseId" = ${phase?.id ?? -1}
    ), programme AS (
      SELECT ${keyOf("c")} AS code, count(*)::int AS n FROM "AdminUnit" c
      WHERE c.level = 'COMMUNE' AND c.type = 'XA' AND ${validOnSql("c", start)} AND c."provinceId" NOT IN (SELECT "provinceId" FROM lists)${communeScope(scope, "c")}
      GROUP BY 1
      UNION ALL
      SELECT ${keyOf("c")} AS code, count(*)::int FROM "ProgrammeListEntry" e JOIN lists l ON l.id = e."listId" JOIN "AdminUnit" c ON c.id = e."unitId"
      WHERE TRUE${communeScope(scope, "c")}
      GROUP BY 1
    ), titles AS (
      SELECT ${keyOf("u")} AS code, count(DISTINCT r."unitId")::int AS n
      FROM "Recognition" r JOIN "AdminUnit" u ON u.id = r."unitId"
      WHERE r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
        AND u.type = 'XA' AND ${validOnSql("u", unitsDay)}${communeScope(scope, "u")}
      GROUP BY 1
    ), reports AS (
      SELECT ${keyOf("u")} AS code, count(*)::int AS confirmed, count(*) FILTER (WHERE a."reachedStandard")::int AS full, sum(a."criteriaMet")::int AS criteria
      FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId" AND u.level = 'COMMUNE'
      WHERE a.year = ${year} AND a."setId" = ${set?.id ?? -1} AND a.status = 'CONFIRMED' AND a."confirmedAt" < ${endOfDay(asOf)}${communeScope(scope, "u")}
      GROUP BY 1
    ), codes AS (SELECT code FROM programme UNION SELECT code FROM titles UNION SELECT code FROM reports)
    SELECT k.code,
      coalesce((SELECT sum(n) FROM programme p WHERE p.code = k.code), 0)::int AS programme,
      coalesce((SELECT n FROM titles t WHERE t.code = k.code), 0) AS recognised,
      coalesce(r.confirmed, 0) AS confirmed, coalesce(r.full, 0) AS full, coalesce(r.criteria, 0) AS criteria
    FROM codes k LEFT JOIN reports r ON r.code = k.code
    WHERE k.code IS NOT NULL`;
  if (rows.length === 0) return [];
  // each code's name as it stood on the day (or today's province)
  const on = today ? new Date() : unitsDay;
  const units = await db.$queryRaw<{ id: number; code: string; name: string }[]>`
    SELECT DISTINCT ON (u.code) u.id, u.code, u."fullName" AS name FROM "AdminUnit" u
    WHERE u.level::text = ${level} AND u.code = ANY(${rows.map((r) => r.code)}) AND u."validFrom" <= ${on}::date
    ORDER BY u.code, u."validFrom" DESC`;
  const byCode = new Map(units.map((u) => [u.code, u]));
  return rows
    .map((r) => {
      const unit = byCode.get(r.code);
      return {
        unitId: unit?.id ?? 0,
        code: r.code,
        name: unit?.name ?? r.code,
        programme: r.programme,
        recognised: r.recognised,
        recognisedPercent: percentOf(r.recognised, r.programme),
        confirmed: r.confirmed,
        fullCriteria: r.full,
        averageCriteria: r.confirmed ? Math.round((r.criteria / r.confirmed) * 100) / 100 : 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/**
 * "Huyện trắng": districts (before 1/7/2025) of the scope with xã but none holding the title on
 * the day — with the number of their xã.
 */
async function readDistrictsWithoutTitle(scope: FigureScope, year: number, asOf: Date): Promise<{ id: number; name: string; communes: number }[]> {
  const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
  return db.$queryRaw`
    SELECT d.id, d."fullName" AS name, count(u.id)::int AS communes
    FROM "AdminUnit" u JOIN "AdminUnit" d ON d.id = u."districtId"
    WHERE u.level = 'COMMUNE' AND u.type = 'XA' AND ${validOnSql("u", unitsDay)}${communeScope(scope, "u")}
    GROUP BY d.id, d."fullName"
    HAVING NOT bool_or(EXISTS (
      SELECT 1 FROM "Recognition" r WHERE r."unitId" = u.id AND r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
    ))
    ORDER BY d."fullName"`;
}

export interface TrendYear {
  year: number;
  set: string;
  asOf: Date;
  programme: number;
  recognised: number;
  recognisedPercent: number;
  /** confirmed reports of the year (as confirmed so far), and what they say */
  confirmed: number;
  fullCriteria: number;
  averageCriteria: number;
}

/**
 * Year by year in few queries: titles held at each year's end (today for the year under way) on
 * the communes of that year, over the programme list of the year's phase; the year's reports as
 * confirmed so far (the summaries' confirmed counts).
 */
async function readOfficialTrend(scope: FigureScope, from: number, to: number, today: Date): Promise<TrendYear[]> {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const days = years.map((y) => {
    const end = new Date(Date.UTC(y, 11, 31));
    const asOf = end < today ? end : today;
    return { year: y, asOf, unitsDay: communesDay(y, asOf, unitsDateForYear(y)) };
  });
  const sets = await Promise.all(years.map((y) => setForYear(y)));
  const parts: Prisma.Sql[] = [];
  if (scope.provinceIds) parts.push(Prisma.sql`s."provinceId" = ANY(${scope.provinceIds})`);
  if (scope.districtId) parts.push(Prisma.sql`s."districtId" = ${scope.districtId}`);
  const summaryScope = parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
  const [titles, reports, phases] = await Promise.all([
    db.$queryRaw<{ year: number; n: number }[]>`
      SELECT d.year, count(DISTINCT r."unitId")::int AS n
      FROM unnest(${years}::int[], ${days.map((d) => d.asOf)}::date[], ${days.map((d) => d.unitsDay)}::date[]) AS d(year, "asOf", "unitsDay")
      JOIN "Recognition" r ON r."decisionDate" <= d."asOf" AND (r."revocationDate" IS NULL OR r."revocationDate" > d."asOf")
      JOIN "AdminUnit" u ON u.id = r."unitId" AND u.type = 'XA' AND u."validFrom" <= d."unitsDay" AND (u."validTo" IS NULL OR u."validTo" > d."unitsDay")${communeScope(scope, "u")}
      GROUP BY d.year`,
    db.$queryRaw<{ year: number; setId: number; confirmed: number; full: number; criteria: number }[]>`
      SELECT s.year, s."setId", sum(s."pubAssessed")::int AS confirmed, sum(s."pubReached")::int AS full, sum(s."pubCriteriaSum")::int AS criteria
      FROM "CommuneYearSummary" s WHERE s.year BETWEEN ${from} AND ${to}${summaryScope}
      GROUP BY s.year, s."setId"`,
    Promise.all([...new Set(years.map((y) => (y <= 2020 ? 2016 : y <= 2025 ? 2021 : 2026)))].map(async (start) => [start, await programmeDenominator(scope, start)] as const)),
  ]);
  const titleOf = new Map(titles.map((t) => [t.year, t.n]));
  const programmeOf = new Map(phases);
  return years.map((year, i) => {
    const set = sets[i];
    const r = reports.find((x) => x.year === year && x.setId === set?.id);
    const programme = programmeOf.get(year <= 2020 ? 2016 : year <= 2025 ? 2021 : 2026)?.size ?? 0;
    const recognised = titleOf.get(year) ?? 0;
    return {
      year,
      set: set?.decision ?? "",
      asOf: days[i].asOf,
      programme,
      recognised,
      recognisedPercent: percentOf(recognised, programme),
      confirmed: r?.confirmed ?? 0,
      fullCriteria: r?.full ?? 0,
      averageCriteria: r?.confirmed ? Math.round((r.criteria / r.confirmed) * 100) / 100 : 0,
    };
  });
}

// cached until the data they are read from changes (lib/cache/cached-read.ts)
export const officialFigures = figuresRead("officialFigures", readOfficialFigures);
export const notMaintainedList = figuresRead("notMaintainedList", readNotMaintainedList);
export const officialBreakdown = figuresRead("officialBreakdown", readOfficialBreakdown);
export const districtsWithoutTitle = figuresRead("districtsWithoutTitle", readDistrictsWithoutTitle);
export const officialTrend = figuresRead("officialTrend", readOfficialTrend);
export const programmeDenominator = figuresRead("programmeDenominator", readProgrammeDenominator);
