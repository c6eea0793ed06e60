// DEMO annual reports and titles (isDemo = true): deterministic, plausible criteria histories for
// 2019–2025. Most communes improve year by year, the 318/2022 set costs some criteria when it
// arrives, and a few communes slip back. Indicator values are generated first and every status is
// then computed with the portal's own scoring rules; titles come only through the procedure's
// rules (a confirmed report meeting every criterion, then dossier, council and decision), and
// slipped communes are revoked under QĐ 18/2022 — so the demo data obeys the rules it shows.
import {
  checkRevocation,
  communeResult,
  communeSetCodeForYear,
  criterionStatus,
  isIndicatorMet,
  relativeGap,
  resolveThreshold,
  type CriterionStatus,
  type NtmRegion,
} from "../../lib/criteria/rules.ts";
import type { SeededCriterion, SeededIndicator, SeededSet } from "./criteria.ts";
import { createRandom, insertRows, type Random, type Sql } from "./sql.ts";

/** The administrative unit an assessment is written on. */
export interface DemoUnit {
  id: number;
  provinceId: number;
  districtId: number | null;
  region: NtmRegion | null;
  communeGroup: number | null;
}

export interface DemoCommune extends DemoUnit {
  code: string;
  provinceCode: string;
  /**
   * The unit of each year the commune was a xã (prisma/seed.ts loadDemoCommunesByYear); without
   * it every year is written on the commune's own unit. The story is drawn for every year either
   * way, so a commune's figures do not depend on which of its years are written.
   */
  years?: Map<number, DemoUnit>;
}

/**
 * Share of a province's xã that have reached the standard by 2019, 2020 and 2025 (demo values,
 * loosely shaped on published figures such as Thái Nguyên's 72% in 2020 and the national 79%
 * of 6/2025). Each commune draws the year it reaches the standard from this curve.
 */
interface ProvinceProfile {
  reached: [number, number, number];
}
const PROFILES: Record<string, ProvinceProfile> = {
  "19": { reached: [0.6, 0.72, 0.92] }, // Thái Nguyên
  "44": { reached: [0.45, 0.55, 0.72] }, // Quảng Bình
  "45": { reached: [0.42, 0.5, 0.7] }, // Quảng Trị
  "58": { reached: [0.38, 0.48, 0.66] }, // Ninh Thuận
  "04": { reached: [0.1, 0.16, 0.36] }, // Cao Bằng
};
const DEFAULT_PROFILE: ProvinceProfile = { reached: [0.45, 0.55, 0.8] };

/** Cumulative share reached by a year: linear between 2019, 2020 and 2025, then +3 points a year. */
function reachedShare(p: ProvinceProfile, year: number): number {
  const [a, b, c] = p.reached;
  if (year <= 2019) return a;
  if (year <= 2020) return b;
  if (year <= 2025) return b + ((c - b) * (year - 2020)) / 5;
  // the 2026–2030 set starts afresh; the programme aims at about 65% of xã by 2030
  return Math.min(0.65, 0.08 + 0.12 * (year - 2026));
}

/** Criteria numbers from easiest to hardest to reach (19-criteria sets). */
const EASE_19 = [4, 8, 19, 1, 12, 18, 15, 16, 7, 14, 9, 3, 11, 6, 5, 2, 17, 13, 10];
const EASE_10 = [1, 10, 9, 5, 4, 7, 6, 2, 8, 3];

function hashCode(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

interface GeneratedValue {
  indicatorId: number;
  numberValue: number | null;
  boolValue: boolean | null;
  met: boolean | null;
}

function valuesForCriterion(indicators: SeededIndicator[], commune: DemoUnit, scheme: SeededSet["scheme"], meet: boolean, rng: Random) {
  // an unmet criterion fails one or two of its indicators
  const failing = new Set<number>();
  if (!meet) {
    const n = Math.min(indicators.length, rng.chance(0.7) ? 1 : 2);
    while (failing.size < n) failing.add(rng.int(0, indicators.length - 1));
  }
  const ctx = { region: commune.region, communeGroup: commune.communeGroup, provinceId: commune.provinceId };
  return indicators.map((ind, i): GeneratedValue & { gap: number | null } => {
    const fail = failing.has(i);
    if (ind.kind === "BOOLEAN") {
      return { indicatorId: ind.id, numberValue: null, boolValue: !fail, met: !fail, gap: null };
    }
    const t = resolveThreshold(ind.thresholds, ctx, scheme)?.value ?? 0;
    const cap = ind.kind === "PERCENT" ? 100 : Infinity;
    let v: number;
    if (ind.comparison === "GTE") {
      v = fail ? t * (1 - (rng.chance(0.5) ? 0.02 + rng.next() * 0.08 : 0.1 + rng.next() * 0.35)) : t + rng.next() * (Math.min(cap, t * 1.4) - t);
    } else {
      v = fail ? t * (1.03 + rng.next() * 0.5) + 0.2 : t * (0.2 + rng.next() * 0.75);
    }
    v = clamp(round1(v), 0, cap);
    // rounding may land exactly on the threshold: keep the intended outcome
    if (fail && isIndicatorMet(ind, t, v)) v = ind.comparison === "GTE" ? round1(t - 0.1) : round1(t + 0.1);
    if (!fail && !isIndicatorMet(ind, t, v)) v = t;
    const met = isIndicatorMet(ind, t, v);
    return { indicatorId: ind.id, numberValue: v, boolValue: null, met, gap: relativeGap(ind, t, v) };
  });
}

/**
 * The criteria sets as seedCriteria returned them, read back from a seeded database (criteria in
 * insertion order, indicators by sortOrder): what seedDemoAssessments needs to add demo data later.
 */
export async function loadSeededSets(sql: Sql): Promise<Map<string, SeededSet>> {
  const { rows } = await sql.query<{
    setId: number; setCode: string; scheme: SeededSet["scheme"]; criterionId: number; number: number; isKey: boolean;
    indicatorId: number | null; code: string | null; kind: SeededIndicator["kind"] | null; comparison: SeededIndicator["comparison"] | null;
    thresholds: { region: NtmRegion | null; communeGroup: number | null; provinceId: number | null; value: string | null }[] | null;
  }>(
    `SELECT s.id AS "setId", s.code AS "setCode", s."groupingScheme" AS scheme, c.id AS "criterionId", c.number, c."isKey",
            i.id AS "indicatorId", i.code, i.kind, i.comparison,
            (SELECT json_agg(json_build_object('region', t.region, 'communeGroup', t."communeGroup", 'provinceId', t."provinceId",
                                               'value', t.value::text) ORDER BY t.id)
               FROM "IndicatorThreshold" t WHERE t."indicatorId" = i.id) AS thresholds
       FROM "CriteriaSet" s JOIN "Criterion" c ON c."setId" = s.id LEFT JOIN "Indicator" i ON i."criterionId" = c.id
      WHERE s.level = 'COMMUNE'
      ORDER BY s.id, c.id, i."sortOrder", i.id`,
  );
  const sets = new Map<string, SeededSet>();
  let criterion = null as SeededCriterion | null;
  for (const r of rows) {
    let set = sets.get(r.setCode);
    if (!set) sets.set(r.setCode, (set = { id: r.setId, code: r.setCode, scheme: r.scheme, criteria: [] }));
    if (criterion?.id !== r.criterionId) {
      criterion = { id: r.criterionId, number: r.number, isKey: r.isKey, indicators: [] };
      set.criteria.push(criterion);
    }
    if (r.indicatorId === null) continue;
    criterion.indicators.push({
      id: r.indicatorId,
      code: r.code!,
      kind: r.kind!,
      comparison: r.comparison!,
      thresholds: (r.thresholds ?? []).map((t) => ({ ...t, value: t.value === null ? null : Number(t.value) })),
    });
  }
  return sets;
}

export interface DemoOptions {
  years: number[];
  /** the most recent year: its reports are spread over their states, some dossiers under way */
  currentYear: number;
  seed?: number;
  /** the seed's clock: no date is generated after it */
  now?: Date;
  /** communes whose story is written by hand (by official code), e.g. for the guided journeys */
  scripted?: Record<string, ScriptedCommune>;
}

export interface ScriptedCommune {
  /** the year it reaches the standard (Infinity: not within the demo years) */
  reachYear: number;
  /** criteria left unmet in a year (all others met) */
  unmet?: Record<number, number[]>;
  /** the state of its annual report in a year */
  status?: Record<number, string>;
}

/** Communes generated and written per round: bounds memory at national scale (~7,700 communes). */
const BATCH_COMMUNES = 500;

interface GeneratedAssessment {
  row: unknown[];
  key: string;
  results: { criterionId: number; status: CriterionStatus }[];
  values: GeneratedValue[];
}

/**
 * A title, produced by the procedure's rules: on a confirmed report meeting every criterion, a
 * dossier (verified by the district while districts existed), the council's vote, then the
 * decision — or, for a commune recognised before the portal's years, a decision entered from the
 * office's records (no dossier).
 */
interface GeneratedTitle {
  reportKey: string | null;
  level: "NTM" | "ADVANCED" | "MODEL";
  setCode: string;
  decisionNumber: string;
  decisionDate: Date;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  appraisedOn: Date | null;
  revocation: { number: string; date: Date; reason: string } | null;
  unitId: number;
}

/** A dossier under way at the end of the demo years. */
interface GeneratedDossier {
  reportKey: string;
  unitId: number;
  status: "SUBMITTED" | "VERIFIED" | "APPRAISED";
  submittedAt: Date;
  verifiedAt: Date | null;
  appraisedOn: Date | null;
}

interface GeneratedCommune {
  assessments: GeneratedAssessment[];
  titles: GeneratedTitle[];
  dossiers: GeneratedDossier[];
}

/**
 * Generates the reports (and titles) of the given communes and writes them BATCH_COMMUNES
 * communes at a time, in the same order as one big insert would (same ids, same values). Each
 * commune's values depend only on its code and the seed; `decisionSeq` (decision numbers per
 * province and year) runs on across batches.
 */
export async function seedDemoAssessments(sql: Sql, sets: Map<string, SeededSet>, communes: DemoCommune[], opts: DemoOptions) {
  const now = opts.now ?? new Date();
  const decisionSeq = new Map<string, number>();
  const setIds = new Map((await sql.query<{ id: number; code: string }>(`SELECT id, code FROM "CriteriaSet"`)).rows.map((r) => [r.code, r.id]));
  const counts = { assessments: 0, criterionResults: 0, indicatorValues: 0, recognitions: 0, dossiers: 0 };
  for (let start = 0; start < communes.length; start += BATCH_COMMUNES) {
    const generated = communes.slice(start, start + BATCH_COMMUNES).map((c) => generateCommune(c, sets, opts, decisionSeq, now));
    const written = await writeAssessments(sql, generated, setIds, now);
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += written[k];
  }
  return counts;
}

const SIGNER = "Chủ tịch UBND tỉnh (dữ liệu mẫu)";
const REFORM = Date.UTC(2025, 6, 1);
const day = (y: number, m: number, d: number, now: Date) => new Date(Math.min(Date.UTC(y, m - 1, d), now.getTime()));

function generateCommune(
  commune: DemoCommune,
  sets: Map<string, SeededSet>,
  opts: DemoOptions,
  decisionSeq: Map<string, number>,
  now: Date,
): GeneratedCommune {
  const out: GeneratedAssessment[] = [];
  const titles: GeneratedTitle[] = [];
  const dossiers: GeneratedDossier[] = [];
  const rng = createRandom(hashCode(`${opts.seed ?? 1}:${commune.code}`));
  const profile = PROFILES[commune.provinceCode] ?? DEFAULT_PROFILE;
  const u = rng.next();
  const later = [2026, 2027, 2028, 2029, 2030];
  // communes formed on 1/7/2025 start with the 2026–2030 set
  const candidates = opts.years[0] >= 2026 ? later : [2015, ...opts.years.filter((y) => y <= 2025), ...later];
  const script = opts.scripted?.[commune.code];
  const reachYear = script ? script.reachYear : (candidates.find((y) => reachedShare(profile, y) >= u) ?? Infinity);
  const pace = 0.8 + rng.next() * 1.7; // criteria gained per year on the way to the standard
  const floor = 7 + rng.int(0, 6);
  const ease = (order: number[]) => [...order].sort((a, b) => order.indexOf(a) + rng.next() * 5 - (order.indexOf(b) + rng.next() * 5));
  const order19 = ease(EASE_19);
  const order10 = ease(EASE_10);
  // some communes recognised under the 2016–2020 set miss the harder 2021–2025 criteria for a while
  const setChangeDip = reachYear < 2022 && rng.chance(0.35) ? { loss: rng.int(1, 3), until: 2022 + rng.int(0, 2) } : null;
  const aimsHigher = rng.chance(0.35);
  const nextDecision = (year: number) => {
    const seq = (decisionSeq.get(`${commune.provinceCode}:${year}`) ?? 0) + 1;
    decisionSeq.set(`${commune.provinceCode}:${year}`, seq);
    return { number: `${1800 + seq}/QĐ-UBND`, dayOfMonth: 10 + (seq % 18) };
  };
  let title: GeneratedTitle | null = null; // the NTM title in force
  let higher: GeneratedTitle | null = null; // nâng cao or kiểu mẫu in force
  let titleYear = 0;

  // reached before the portal's years: a decision entered from the records (2010–2015 or 2016–2020 set)
  if (reachYear < opts.years[0] && reachYear !== Infinity) {
    const year = rng.int(Math.max(2014, reachYear - 1), opts.years[0] - 1);
    const d = nextDecision(year);
    const first = commune.years ? (commune.years.get(opts.years[0]) ?? [...commune.years.values()][0]) : commune;
    title = { reportKey: null, unitId: first.id, level: "NTM", setCode: year <= 2015 ? "XA_2010_2015" : "XA_2016_2020", decisionNumber: d.number, decisionDate: day(year, 12, d.dayOfMonth, now), submittedAt: null, verifiedAt: null, appraisedOn: null, revocation: null };
    titles.push(title);
    titleYear = year;
  }

  for (const year of opts.years) {
    const written = commune.years ? commune.years.get(year) : commune;
    const unit = written ?? commune;
    const setCode = communeSetCodeForYear(year);
    const set = sets.get(setCode)!;
    let level = year >= reachYear ? 19 : Math.max(floor, 19 - Math.ceil(pace * (reachYear === Infinity ? 2031 - year : reachYear - year)));
    if (setChangeDip && year <= setChangeDip.until) level -= year >= 2022 ? setChangeDip.loss : 0;
    const slip = title !== null && rng.chance(0.03) ? rng.int(1, 9) : 0;
    level -= slip;
    const total = set.criteria.length;
    const metCount = clamp(Math.round(level * (total / 19)), 0, total);
    const order = total === 19 ? order19 : order10;
    const scriptedUnmet = script?.unmet?.[year];
    const metNumbers = new Set(scriptedUnmet ? order.filter((n) => !scriptedUnmet.includes(n)) : order.slice(0, metCount));

    const results: { criterionId: number; status: CriterionStatus }[] = [];
    const values: GeneratedValue[] = [];
    let metMask = 0;
    for (const criterion of set.criteria) {
      const generated = valuesForCriterion(criterion.indicators, unit, set.scheme, metNumbers.has(criterion.number), rng);
      const criterionResult = criterionStatus(generated);
      results.push({ criterionId: criterion.id, status: criterionResult });
      if (criterionResult === "MET") metMask |= 1 << (criterion.number - 1);
      for (const { gap: _gap, ...v } of generated) values.push(v);
    }
    const outcome = communeResult(results.map((r) => r.status), total);

    // the annual report: confirmed for past years; spread over its states in the current year
    let status = year < opts.currentYear ? "CONFIRMED" : rng.pick(["DRAFT", "SUBMITTED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    if (script?.status?.[year]) status = script.status[year];
    const submittedAt = status === "DRAFT" ? null : day(year, 11, 5 + rng.int(0, 10), now);
    const confirmedAt = status === "CONFIRMED" ? day(year, 11, 20 + rng.int(0, 8), now) : null;
    if (!written) continue; // not a xã of the demo provinces that year
    const key = `${written.id}:${year}:${set.id}`;
    out.push({
      row: [written.id, year, set.id, status, outcome.criteriaMet, total, outcome.reachedStandard, metMask, submittedAt, confirmedAt, true, now],
      key,
      results,
      values,
    });

    if (status !== "CONFIRMED") continue;
    const keyFailing = set.criteria.some((c) => c.isKey && !(metMask & (1 << (c.number - 1))));
    if (title && checkRevocation({ recognised: true, criteria: set.criteria.map((c) => ({ isKey: c.isKey, status: metMask & (1 << (c.number - 1)) ? "MET" : "NOT_MET" })) }).flagged && rng.chance(0.6)) {
      // QĐ 18/2022: the province revokes a title whose commune no longer meets its criteria
      const d = nextDecision(year);
      const revocation = { number: `${d.number.replace("/QĐ-UBND", "")}/QĐ-UBND`, date: day(year + 1, 1, d.dayOfMonth, now), reason: `Không còn đạt ${total - outcome.criteriaMet}/${total} tiêu chí${keyFailing ? ", trong đó có tiêu chí trọng yếu" : ""} (Quyết định 18/2022/QĐ-TTg; dữ liệu mẫu).` };
      for (const t of titles) if (t.revocation === null) t.revocation = revocation;
      title = null;
      higher = null;
      continue;
    }
    if (!title && outcome.reachedStandard) {
      // the procedure, on this confirmed report: dossier → (district) → council → decision
      const submitted = day(year, 12, 1, now);
      const districtStep = commune.districtId !== null && submitted.getTime() < REFORM;
      const decideNow = year < opts.currentYear || rng.chance(0.5);
      if (decideNow) {
        const d = nextDecision(year);
        title = {
          reportKey: key, unitId: written.id, level: "NTM", setCode, decisionNumber: d.number,
          decisionDate: day(year, 12, Math.max(d.dayOfMonth, 10), now), submittedAt: submitted,
          verifiedAt: districtStep ? day(year, 12, 4, now) : null, appraisedOn: day(year, 12, 8, now), revocation: null,
        };
        titles.push(title);
        titleYear = year;
      } else {
        const state = rng.pick(districtStep ? ["SUBMITTED", "VERIFIED", "APPRAISED"] as const : ["SUBMITTED", "APPRAISED"] as const);
        dossiers.push({ reportKey: key, unitId: written.id, status: state, submittedAt: submitted, verifiedAt: state !== "SUBMITTED" && districtStep ? day(year, 12, 4, now) : null, appraisedOn: state === "APPRAISED" ? day(year, 12, 8, now) : null });
      }
      continue;
    }
    // nâng cao, then kiểu mẫu: decisions of their own, entered from the records (the portal
    // holds no criteria of those sets)
    if (title && outcome.reachedStandard && aimsHigher && year >= 2022 && year - titleYear >= 2 && (!higher || (higher.level === "ADVANCED" && year - titleYear >= 4 && rng.chance(0.15)))) {
      const d = nextDecision(year);
      const rank: "ADVANCED" | "MODEL" = higher ? "MODEL" : "ADVANCED";
      higher = { reportKey: null, unitId: written.id, level: rank, setCode, decisionNumber: d.number, decisionDate: day(year, 12, d.dayOfMonth, now), submittedAt: null, verifiedAt: null, appraisedOn: null, revocation: null };
      titles.push(higher);
    }
  }
  return { assessments: out, titles, dossiers };
}

async function writeAssessments(sql: Sql, generated: GeneratedCommune[], setIds: Map<string, number>, now: Date) {
  const all = generated.flatMap((g) => g.assessments);
  const inserted = await insertRows<{ id: number; unitId: number; year: number; setId: number }>(
    sql,
    "Assessment",
    [
      { name: "unitId", type: "int" },
      { name: "year", type: "int" },
      { name: "setId", type: "int" },
      { name: "status", type: "ReportStatus" },
      { name: "criteriaMet", type: "int" },
      { name: "criteriaTotal", type: "int" },
      { name: "reachedStandard", type: "boolean" },
      { name: "metMask", type: "int" },
      { name: "submittedAt", type: "timestamp" },
      { name: "confirmedAt", type: "timestamp" },
      { name: "isDemo", type: "boolean" },
      { name: "updatedAt", type: "timestamp" },
    ],
    all.map((g) => g.row),
    { returning: `id, "unitId", year, "setId"` },
  );
  const idByKey = new Map(inserted.map((r) => [`${r.unitId}:${r.year}:${r.setId}`, r.id]));

  const resultRows: unknown[][] = [];
  const valueRows: unknown[][] = [];
  for (const g of all) {
    const assessmentId = idByKey.get(g.key)!;
    for (const r of g.results) resultRows.push([assessmentId, r.criterionId, r.status, r.status, now]);
    for (const v of g.values) valueRows.push([assessmentId, v.indicatorId, v.numberValue, v.boolValue, v.met, now]);
  }
  await insertRows(
    sql,
    "CriterionResult",
    [
      { name: "assessmentId", type: "int" },
      { name: "criterionId", type: "int" },
      { name: "computedStatus", type: "CriterionStatus" },
      { name: "status", type: "CriterionStatus" },
      { name: "updatedAt", type: "timestamp" },
    ],
    resultRows,
    { chunk: 20000 },
  );
  await insertRows(
    sql,
    "IndicatorValue",
    [
      { name: "assessmentId", type: "int" },
      { name: "indicatorId", type: "int" },
      { name: "numberValue", type: "numeric" },
      { name: "boolValue", type: "boolean" },
      { name: "met", type: "boolean" },
      { name: "updatedAt", type: "timestamp" },
    ],
    valueRows,
    { chunk: 20000 },
  );

  // dossiers: those that ended in a decision, and those still under way
  const titles = generated.flatMap((g) => g.titles);
  const decided = titles.filter((t) => t.reportKey !== null);
  const open = generated.flatMap((g) => g.dossiers);
  const dossierRows = [
    ...decided.map((t) => [t.unitId, "NTM", idByKey.get(t.reportKey!)!, "DECIDED", t.submittedAt, t.verifiedAt, t.appraisedOn, 15, 15, true, now]),
    ...open.map((d) => [d.unitId, "NTM", idByKey.get(d.reportKey)!, d.status, d.submittedAt, d.verifiedAt, d.appraisedOn, d.appraisedOn ? 15 : null, d.appraisedOn ? 15 : null, true, now]),
  ];
  const dossiers = await insertRows<{ id: number; reportId: number }>(
    sql,
    "RecognitionDossier",
    [
      { name: "unitId", type: "int" },
      { name: "level", type: "TitleLevel" },
      { name: "reportId", type: "int" },
      { name: "status", type: "DossierStatus" },
      { name: "submittedAt", type: "timestamp" },
      { name: "verifiedAt", type: "timestamp" },
      { name: "appraisedOn", type: "date" },
      { name: "councilVotesFor", type: "int" },
      { name: "councilVotesTotal", type: "int" },
      { name: "isDemo", type: "boolean" },
      { name: "updatedAt", type: "timestamp" },
    ],
    dossierRows,
    { returning: `id, "reportId"` },
  );
  const dossierOf = new Map(dossiers.map((d) => [d.reportId, d.id]));
  const fallbackSet = setIds.get("XA_2016_2020")!;
  await insertRows(
    sql,
    "Recognition",
    [
      { name: "unitId", type: "int" },
      { name: "level", type: "TitleLevel" },
      { name: "setId", type: "int" },
      { name: "decisionNumber", type: "text" },
      { name: "decisionDate", type: "date" },
      { name: "signer", type: "text" },
      { name: "dossierId", type: "int" },
      { name: "source", type: "RecognitionSource" },
      { name: "revocationNumber", type: "text" },
      { name: "revocationDate", type: "date" },
      { name: "revocationReason", type: "text" },
      { name: "isDemo", type: "boolean" },
    ],
    titles.map((t) => {
      const dossierId = t.reportKey ? (dossierOf.get(idByKey.get(t.reportKey)!) ?? null) : null;
      return [
        t.unitId, t.level, setIds.get(t.setCode) ?? fallbackSet, t.decisionNumber, t.decisionDate, SIGNER, dossierId,
        dossierId ? "PROCEDURE" : "IMPORT", t.revocation?.number ?? null, t.revocation?.date ?? null, t.revocation?.reason ?? null, true,
      ];
    }),
  );
  return { assessments: inserted.length, criterionResults: resultRows.length, indicatorValues: valueRows.length, recognitions: titles.length, dossiers: dossiers.length };
}
