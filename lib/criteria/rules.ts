// Scoring rules of the NTM criteria, pure and table-tested (tests/unit/criteria-rules.test.ts).
// Vocabulary: tiêu chí = criterion, chỉ tiêu = indicator, đạt / cơ bản đạt / chưa đạt = MET / BASIC / NOT_MET.

export type IndicatorKind = "NUMBER" | "PERCENT" | "BOOLEAN";
export type Comparison = "GTE" | "LTE" | "EQ";
export type CriterionStatus = "MET" | "BASIC" | "NOT_MET";
export type GroupingScheme = "REGION_7" | "COMMUNE_GROUP_3";
export type NtmRegion = "TDMNPB" | "DBSH" | "BTB" | "DHNTB" | "TN" | "DNB" | "DBSCL";

export interface ThresholdRow {
  region: NtmRegion | null;
  communeGroup: number | null;
  provinceId: number | null;
  value: number | null;
}

/** What about a commune decides its thresholds. */
export interface CommuneContext {
  region: NtmRegion | null;
  communeGroup: number | null;
  /** the province whose overrides apply */
  provinceId: number | null;
}

/**
 * The threshold that applies to a commune: a province override beats the national value;
 * within each, the value for the commune's region (2016–2025) or group (2026–2030) beats the
 * general one.
 */
export function resolveThreshold<T extends ThresholdRow>(
  rows: readonly T[],
  commune: CommuneContext,
  scheme: GroupingScheme,
): T | null {
  const specific = (r: ThresholdRow) =>
    scheme === "REGION_7"
      ? r.region !== null && r.region === commune.region
      : r.communeGroup !== null && r.communeGroup === commune.communeGroup;
  const general = (r: ThresholdRow) => r.region === null && r.communeGroup === null;
  const ofProvince = rows.filter((r) => r.provinceId !== null && r.provinceId === commune.provinceId);
  const national = rows.filter((r) => r.provinceId === null);
  return (
    ofProvince.find(specific) ?? ofProvince.find(general) ?? national.find(specific) ?? national.find(general) ?? null
  );
}

export type IndicatorValue = number | boolean | null;

export interface IndicatorRule {
  kind: IndicatorKind;
  comparison: Comparison;
}

/** Met from value and threshold; null while no value has been entered. */
export function isIndicatorMet(rule: IndicatorRule, threshold: number | null, value: IndicatorValue): boolean | null {
  if (value === null || value === undefined) return null;
  if (rule.kind === "BOOLEAN" || rule.comparison === "EQ") {
    return rule.kind === "BOOLEAN" ? value === true : value === threshold;
  }
  if (typeof value !== "number" || threshold === null) return null;
  return rule.comparison === "GTE" ? value >= threshold : value <= threshold;
}

/**
 * How far a numeric value is from its threshold, relative to the threshold (0 when met):
 * 85% against "≥ 90%" → 0.0556. Yes/no indicators have no distance (null).
 */
export function relativeGap(rule: IndicatorRule, threshold: number | null, value: IndicatorValue): number | null {
  if (rule.kind === "BOOLEAN" || typeof value !== "number" || threshold === null) return null;
  const shortfall = rule.comparison === "GTE" ? threshold - value : value - threshold;
  if (shortfall <= 0) return 0;
  return threshold === 0 ? Infinity : shortfall / Math.abs(threshold);
}

/** An unmet numeric indicator within this share of its threshold counts toward "cơ bản đạt". */
export const BASIC_TOLERANCE = 0.1;

export interface IndicatorOutcome {
  met: boolean | null;
  /** relativeGap of the value; null for yes/no indicators or missing values */
  gap: number | null;
}

/**
 * Criterion status from its indicators: đạt when every indicator is met; cơ bản đạt when every
 * unmet indicator has a value and is a number within BASIC_TOLERANCE of its threshold;
 * otherwise chưa đạt (missing values never count as met).
 */
export function criterionStatus(indicators: readonly IndicatorOutcome[]): CriterionStatus {
  if (indicators.length === 0) return "NOT_MET";
  if (indicators.every((i) => i.met === true)) return "MET";
  const unmet = indicators.filter((i) => i.met !== true);
  const nearlyMet = unmet.every((i) => i.met === false && i.gap !== null && i.gap <= BASIC_TOLERANCE);
  return nearlyMet ? "BASIC" : "NOT_MET";
}

export interface StatusOverride {
  status: CriterionStatus | null;
  reason: string | null;
}

/** A manual status needs a written reason; without one the computed status stands. */
export function effectiveStatus(computed: CriterionStatus, override?: StatusOverride | null): CriterionStatus {
  if (override?.status && override.reason && override.reason.trim().length > 0) return override.status;
  return computed;
}

// ───────────── commune results and bands ─────────────

export interface Band {
  key: string;
  label: string;
  min: number;
  max: number;
  /** cut-offs of our own, not an official grouping: show "tạm tính" wherever the band is shown */
  provisional: boolean;
}

/** The bands provinces report for the 19-criteria sets: 19 · 15–18 · 10–14 · 5–9 · dưới 5. */
export const BANDS_19: readonly Band[] = [
  { key: "19", label: "19 tiêu chí", min: 19, max: 19, provisional: false },
  { key: "15-18", label: "15–18 tiêu chí", min: 15, max: 18, provisional: false },
  { key: "10-14", label: "10–14 tiêu chí", min: 10, max: 14, provisional: false },
  { key: "5-9", label: "5–9 tiêu chí", min: 5, max: 9, provisional: false },
  { key: "<5", label: "Dưới 5 tiêu chí", min: 0, max: 4, provisional: false },
];

/**
 * Bands for the 10-criteria set of 2026–2030: no official grouping exists yet, so these
 * proportional cut-offs are provisional ("tạm tính") until one is published.
 */
export const BANDS_10: readonly Band[] = [
  { key: "10", label: "10 tiêu chí", min: 10, max: 10, provisional: true },
  { key: "8-9", label: "8–9 tiêu chí", min: 8, max: 9, provisional: true },
  { key: "5-7", label: "5–7 tiêu chí", min: 5, max: 7, provisional: true },
  { key: "3-4", label: "3–4 tiêu chí", min: 3, max: 4, provisional: true },
  { key: "<3", label: "Dưới 3 tiêu chí", min: 0, max: 2, provisional: true },
];

export const PROVISIONAL_LABEL = "tạm tính";
/** What "tạm tính" means, for a title or a footnote next to provisional bands. */
export const PROVISIONAL_BANDS_NOTE =
  "Nhóm xã theo số tiêu chí đạt của bộ 10 tiêu chí (2026–2030) là tạm tính: chưa có cách phân nhóm chính thức.";

export function bandsFor(criteriaTotal: number): readonly Band[] {
  return criteriaTotal === 10 ? BANDS_10 : BANDS_19;
}

/** True when the bands of a set with this many criteria are provisional (the 10-criteria set). */
export function bandsAreProvisional(criteriaTotal: number): boolean {
  return bandsFor(criteriaTotal).some((b) => b.provisional);
}

/** "8–9 tiêu chí (tạm tính)" for a provisional band, the plain label otherwise. */
export function bandLabel(band: Band): string {
  return band.provisional ? `${band.label} (${PROVISIONAL_LABEL})` : band.label;
}

export function bandOf(criteriaMet: number, bands: readonly Band[]): Band {
  const band = bands.find((b) => criteriaMet >= b.min && criteriaMet <= b.max);
  if (!band) throw new RangeError(`${criteriaMet} criteria fall in no band`);
  return band;
}

export interface CommuneResult {
  criteriaMet: number;
  criteriaTotal: number;
  reachedStandard: boolean;
  band: string;
}

/** x/19 (or x/10): only "đạt" counts; the standard is reached when every criterion is met. */
export function communeResult(statuses: readonly CriterionStatus[], criteriaTotal: number, bands = bandsFor(criteriaTotal)): CommuneResult {
  const criteriaMet = statuses.filter((s) => s === "MET").length;
  return {
    criteriaMet,
    criteriaTotal,
    reachedStandard: criteriaTotal > 0 && criteriaMet === criteriaTotal,
    band: bandOf(criteriaMet, bands).key,
  };
}

export type Tier = "NONE" | "NTM" | "ADVANCED" | "MODEL";
const TIER_ORDER: Tier[] = ["NONE", "NTM", "ADVANCED", "MODEL"];

/** The highest level the data supports: recognitions at advanced/model level count only while the standard holds. */
export function tierOf(reachedStandard: boolean, recognisedTiers: readonly Tier[]): Tier {
  if (!reachedStandard) return "NONE";
  return recognisedTiers.reduce<Tier>((best, t) => (TIER_ORDER.indexOf(t) > TIER_ORDER.indexOf(best) ? t : best), "NTM");
}

// ───────────── aggregates ─────────────

export interface CommuneFigure {
  communeId: number;
  districtId: number | null;
  criteriaMet: number;
  criteriaTotal: number;
  reachedStandard: boolean;
  /** numbers of the criteria not met (for "criteria most often unmet") */
  unmetCriteria?: readonly number[];
}

export interface Aggregate {
  communesAssessed: number;
  communesReached: number;
  /** percent, one decimal as reports write it (72,0%) */
  reachedPercent: number;
  /** criteria met per commune, two decimals (17,23 tiêu chí/xã) */
  averageCriteria: number;
  bands: Record<string, number>;
  /** districts (of those given) with no commune reaching the standard — "huyện trắng" */
  districtsWithoutReached: number[];
  /** criterion number → communes not meeting it, most frequent first */
  mostUnmet: { criterion: number; communes: number }[];
}

export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((value + Number.EPSILON) * f) / f;
}

export function aggregate(communes: readonly CommuneFigure[], opts: { districtIds?: readonly number[]; bands?: readonly Band[] } = {}): Aggregate {
  const bands = opts.bands ?? bandsFor(communes[0]?.criteriaTotal ?? 19);
  const bandCounts: Record<string, number> = Object.fromEntries(bands.map((b) => [b.key, 0]));
  let reached = 0;
  let criteriaSum = 0;
  const reachedDistricts = new Set<number>();
  const unmet = new Map<number, number>();
  for (const c of communes) {
    bandCounts[bandOf(c.criteriaMet, bands).key]++;
    criteriaSum += c.criteriaMet;
    if (c.reachedStandard) {
      reached++;
      if (c.districtId !== null) reachedDistricts.add(c.districtId);
    }
    for (const n of c.unmetCriteria ?? []) unmet.set(n, (unmet.get(n) ?? 0) + 1);
  }
  const districts = opts.districtIds ?? [...new Set(communes.map((c) => c.districtId).filter((d): d is number => d !== null))];
  const n = communes.length;
  return {
    communesAssessed: n,
    communesReached: reached,
    reachedPercent: n ? roundTo((reached * 100) / n, 1) : 0,
    averageCriteria: n ? roundTo(criteriaSum / n, 2) : 0,
    bands: bandCounts,
    districtsWithoutReached: districts.filter((d) => !reachedDistricts.has(d)),
    mostUnmet: [...unmet.entries()]
      .map(([criterion, count]) => ({ criterion, communes: count }))
      .sort((a, b) => b.communes - a.communes || a.criterion - b.criterion),
  };
}

export interface AggregateChange {
  communesReached: number;
  reachedPercent: number;
  averageCriteria: number;
}

/** Change against the previous year (positive = better). */
export function changeAgainst(current: Aggregate, previous: Aggregate | null): AggregateChange | null {
  if (!previous) return null;
  return {
    communesReached: current.communesReached - previous.communesReached,
    reachedPercent: roundTo(current.reachedPercent - previous.reachedPercent, 1),
    averageCriteria: roundTo(current.averageCriteria - previous.averageCriteria, 2),
  };
}

// ───────────── revocation (QĐ 18/2022/QĐ-TTg) ─────────────

export interface RevocationInput {
  recognised: boolean;
  criteria: readonly { status: CriterionStatus; isKey: boolean }[];
}

export interface RevocationCheck {
  flagged: boolean;
  failing: number;
  failingShare: number;
  keyFailing: boolean;
  reason: string | null;
}

/**
 * A recognised commune is flagged for revocation when ≥ 50% of its criteria are no longer met,
 * or 30% to under 50% are not met and one of them is a key criterion (Thu nhập, Môi trường và
 * an toàn thực phẩm, Môi trường, Chất lượng môi trường sống, Quốc phòng và An ninh).
 */
export function checkRevocation(input: RevocationInput): RevocationCheck {
  const total = input.criteria.length;
  const failing = input.criteria.filter((c) => c.status !== "MET");
  const share = total ? failing.length / total : 0;
  const keyFailing = failing.some((c) => c.isKey);
  let reason: string | null = null;
  if (input.recognised && total > 0) {
    if (share >= 0.5) reason = `${failing.length}/${total} tiêu chí không còn đạt (từ 50% trở lên)`;
    else if (share >= 0.3 && keyFailing)
      reason = `${failing.length}/${total} tiêu chí không còn đạt (từ 30% đến dưới 50%), trong đó có tiêu chí trọng yếu`;
  }
  return { flagged: reason !== null, failing: failing.length, failingShare: share, keyFailing, reason };
}

// ───────────── which commune set applies: the legal dates ─────────────

export type CommuneSetCode = "XA_2010_2015" | "XA_2016_2020" | "XA_2021_2025" | "XA_2026_2030";

export interface SetAmendment {
  decision: string;
  decisionDate: string;
  inForceFrom: string;
  summary: string;
  /** false: the portal does not hold the indicators the amendment changed */
  indicatorsHeld: boolean;
}

export interface CommuneSetTerm {
  code: CommuneSetCode;
  decision: string;
  /** ISO dates */
  decisionDate: string;
  inForceFrom: string;
  /** last day in force; null while in force */
  inForceTo: string | null;
  /** true when inForceFrom is the decision's date, not a date read in the decision's text */
  inForceFromIsDecisionDate: boolean;
  amendments: readonly SetAmendment[];
}

/**
 * The national commune criteria sets and their legal dates (docs/domain.md §0, §1a). Each set is
 * in force until the day before the next one takes effect.
 */
export const COMMUNE_SET_TERMS: readonly CommuneSetTerm[] = [
  { code: "XA_2010_2015", decision: "491/QĐ-TTg", decisionDate: "2009-04-16", inForceFrom: "2009-04-16", inForceTo: "2016-10-16",
    inForceFromIsDecisionDate: true, amendments: [] },
  { code: "XA_2016_2020", decision: "1980/QĐ-TTg", decisionDate: "2016-10-17", inForceFrom: "2016-10-17", inForceTo: "2022-03-07",
    inForceFromIsDecisionDate: true, amendments: [] },
  { code: "XA_2021_2025", decision: "318/QĐ-TTg", decisionDate: "2022-03-08", inForceFrom: "2022-03-08", inForceTo: "2026-02-14",
    inForceFromIsDecisionDate: false,
    amendments: [{
      decision: "211/QĐ-TTg", decisionDate: "2024-03-01", inForceFrom: "2024-03-01", indicatorsHeld: false,
      summary: "Sửa đổi, bổ sung một số tiêu chí, chỉ tiêu của Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025.",
    }] },
  { code: "XA_2026_2030", decision: "51/2025/QĐ-TTg", decisionDate: "2025-12-29", inForceFrom: "2026-02-15", inForceTo: null,
    inForceFromIsDecisionDate: false, amendments: [] },
];

const isoDay = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The commune set in force on a day (before the first set: the first set, as the portal holds nothing earlier). */
export function communeSetCodeForDate(date: string | Date): CommuneSetCode {
  const day = isoDay(date);
  let code = COMMUNE_SET_TERMS[0].code;
  for (const t of COMMUNE_SET_TERMS) if (t.inForceFrom <= day) code = t.code;
  return code;
}

/**
 * The commune criteria set of an annual report (assessment year): the set in force on 31 December
 * of that year, when the year's assessment is made. So 2021 is judged by QĐ 1980/QĐ-TTg (QĐ 318
 * took effect on 8/3/2022), 2022–2025 by QĐ 318/QĐ-TTg, from 2026 by QĐ 51/2025/QĐ-TTg (in
 * force 15/2/2026), and up to 2015 by QĐ 491/QĐ-TTg.
 */
export function communeSetCodeForYear(year: number): CommuneSetCode {
  return communeSetCodeForDate(`${String(year).padStart(4, "0")}-12-31`);
}

/** The report years a set applies to under communeSetCodeForYear (last null: still in force). */
export function reportYearsOf(code: CommuneSetCode): { first: number; last: number | null } {
  const t = COMMUNE_SET_TERMS.find((x) => x.code === code);
  if (!t) throw new RangeError(`Unknown criteria set ${code}`);
  const year = (d: string) => Number(d.slice(0, 4));
  return {
    first: year(t.inForceFrom),
    last: t.inForceTo === null ? null : t.inForceTo.slice(5) === "12-31" ? year(t.inForceTo) : year(t.inForceTo) - 1,
  };
}

/** Amendments in force on 31 December of a report year, for the year's set. */
export function amendmentsForYear(year: number): SetAmendment[] {
  const code = communeSetCodeForYear(year);
  const end = `${year}-12-31`;
  return COMMUNE_SET_TERMS.find((t) => t.code === code)!.amendments.filter((a) => a.inForceFrom <= end);
}
