// Year plans (kế hoạch xã đăng ký đạt chuẩn), roadmaps and the projection of the year a commune
// reaches the standard — pure and unit-tested (tests/unit/plan-rules.test.ts).

export type PlanTarget = "NTM" | "ADVANCED" | "MODEL";
export const PLAN_TARGETS: PlanTarget[] = ["NTM", "ADVANCED", "MODEL"];

export const PLAN_TARGET_LABELS: Record<PlanTarget, string> = {
  NTM: "Đạt chuẩn NTM",
  ADVANCED: "Đạt chuẩn NTM nâng cao",
  MODEL: "Đạt chuẩn NTM kiểu mẫu",
};
/** Short forms for table headings: "9 xã đạt chuẩn, 11 xã nâng cao". */
export const PLAN_TARGET_SHORT: Record<PlanTarget, string> = { NTM: "đạt chuẩn", ADVANCED: "nâng cao", MODEL: "kiểu mẫu" };

const TARGET_RANK: Record<PlanTarget, number> = { NTM: 1, ADVANCED: 2, MODEL: 3 };

/** What is known of a commune in the plan year. */
export interface YearResult {
  /** its annual report of the plan year (null: none) */
  report: { status: string; reachedStandard: boolean } | null;
  /** the highest title it holds at the end of the plan year (null: none) */
  title: PlanTarget | null;
}

export type PlanOutcome = "REACHED" | "AWAITING_RECOGNITION" | "NOT_REACHED" | "NO_ASSESSMENT";

/**
 * Has a registered commune reached its target in the plan year? Reached = it holds, at the end of
 * the year, a title at least at the target (NTM ≤ nâng cao ≤ kiểu mẫu). Every criterion met in the
 * year's report but no decision yet = awaiting recognition (not reached yet).
 */
export function planOutcome(target: PlanTarget, result: YearResult): PlanOutcome {
  if (result.title && TARGET_RANK[result.title] >= TARGET_RANK[target]) return "REACHED";
  if (!result.report) return "NO_ASSESSMENT";
  if (result.report.reachedStandard && target === "NTM") return "AWAITING_RECOGNITION";
  return "NOT_REACHED";
}

export const PLAN_OUTCOME_LABELS: Record<PlanOutcome, string> = {
  REACHED: "Đã đạt",
  AWAITING_RECOGNITION: "Đủ tiêu chí, chờ công nhận",
  NOT_REACHED: "Chưa đạt",
  NO_ASSESSMENT: "Chưa có kết quả đánh giá",
};

export interface PlanProgress {
  target: PlanTarget;
  registered: number;
  reached: number;
}

/** Registered vs reached per target, always the three targets in order (zeros included). */
export function planProgress(entries: readonly { target: PlanTarget; outcome: PlanOutcome }[]): PlanProgress[] {
  return PLAN_TARGETS.map((target) => {
    const mine = entries.filter((e) => e.target === target);
    return { target, registered: mine.length, reached: mine.filter((e) => e.outcome === "REACHED").length };
  });
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export interface EntryCheck {
  behind: boolean;
  /** roadmap items whose date has passed while their criterion is still not met */
  overdueItems: number;
  /** the plan year has ended without the target reached */
  yearEndedUnreached: boolean;
}

/**
 * Is a registered commune behind its plan on a day? Behind when a roadmap item's target date
 * has passed and its criterion is still not met, or when the plan year is over (31/12) and the
 * target is not reached. A reached commune is never behind.
 */
export function checkEntry(entry: { year: number; outcome: PlanOutcome; roadmap: readonly { targetDate: Date; met: boolean }[] }, today: Date): EntryCheck {
  if (entry.outcome === "REACHED") return { behind: false, overdueItems: 0, yearEndedUnreached: false };
  const overdueItems = entry.roadmap.filter((i) => !i.met && i.targetDate < today).length;
  const yearEndedUnreached = today > utc(entry.year, 12, 31);
  return { behind: overdueItems > 0 || yearEndedUnreached, overdueItems, yearEndedUnreached };
}

/** The dates of a plan entry and of its roadmap items lie within the plan year. */
export function planDateError(year: number, date: Date | null, label = "Ngày mục tiêu"): string | null {
  if (!date) return null;
  if (date < utc(year, 1, 1) || date > utc(year, 12, 31)) return `${label} phải nằm trong năm kế hoạch ${year} (1/1–31/12/${year}).`;
  return null;
}

/** A roadmap item is due on or before the entry's own target date. */
export function roadmapDateError(year: number, entryTargetDate: Date | null, date: Date): string | null {
  const inYear = planDateError(year, date, "Thời hạn hoàn thành tiêu chí");
  if (inYear) return inYear;
  if (entryTargetDate && date > entryTargetDate) return "Thời hạn hoàn thành tiêu chí không thể sau ngày mục tiêu đạt chuẩn của xã.";
  return null;
}

/** Default due date of a prefilled roadmap item: the entry's target date, or 30/9 of the year (before recognition). */
export function defaultRoadmapDate(year: number, entryTargetDate: Date | null): Date {
  return entryTargetDate ?? utc(year, 9, 30);
}

// ───────────── projection ─────────────

/** Years of history the trend uses (the most recent ones of the same criteria set). */
export const PROJECTION_WINDOW_YEARS = 5;
/** Projections further than this many years after the last assessment are not given a year. */
export const PROJECTION_MAX_YEARS = 10;

export type Projection =
  | { kind: "REACHED"; year: number } // already meets every criterion in its latest year
  | { kind: "PROJECTED"; year: number; slope: number } // the year the trend reaches the total
  | { kind: "BEYOND"; after: number; slope: number } // later than PROJECTION_MAX_YEARS
  | { kind: "UNKNOWN"; reason: "TOO_FEW_YEARS" | "NO_UPWARD_TREND" };

/**
 * The year a commune is projected to meet every criterion, from its trend: an ordinary
 * least-squares line through (year, criteria met) over its last PROJECTION_WINDOW_YEARS
 * assessments of ONE criteria set (a new set restarts the count, so years of an earlier set are
 * left out by the caller); the first year after the latest assessment where the line reaches
 * the set's total. Needs two years or more and an upward trend (slope > 0), otherwise "không
 * xác định"; beyond PROJECTION_MAX_YEARS years it says "sau năm …".
 */
export function projectReachYear(points: readonly { year: number; criteriaMet: number }[], criteriaTotal: number): Projection {
  const sorted = [...points].sort((a, b) => a.year - b.year).slice(-PROJECTION_WINDOW_YEARS);
  const last = sorted.at(-1);
  if (last && last.criteriaMet >= criteriaTotal) return { kind: "REACHED", year: last.year };
  if (sorted.length < 2 || !last) return { kind: "UNKNOWN", reason: "TOO_FEW_YEARS" };
  const n = sorted.length;
  const meanX = sorted.reduce((s, p) => s + p.year, 0) / n;
  const meanY = sorted.reduce((s, p) => s + p.criteriaMet, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of sorted) {
    sxy += (p.year - meanX) * (p.criteriaMet - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  if (!(slope > 1e-9)) return { kind: "UNKNOWN", reason: "NO_UPWARD_TREND" };
  // criteriaMet(y) = meanY + slope·(y − meanX) ≥ total  ⇔  y ≥ meanX + (total − meanY)/slope
  const exact = meanX + (criteriaTotal - meanY) / slope;
  const year = Math.max(last.year + 1, Math.ceil(exact - 1e-9));
  const rounded = Math.round(slope * 100) / 100;
  if (year - last.year > PROJECTION_MAX_YEARS) return { kind: "BEYOND", after: last.year + PROJECTION_MAX_YEARS, slope: rounded };
  return { kind: "PROJECTED", year, slope: rounded };
}

export function projectionText(p: Projection): string {
  switch (p.kind) {
    case "REACHED":
      return `Đã đạt đủ tiêu chí (${p.year})`;
    case "PROJECTED":
      return String(p.year);
    case "BEYOND":
      return `Sau năm ${p.after}`;
    case "UNKNOWN":
      return "Không xác định";
  }
}

/**
 * A recognised commune that slipped back: it holds the title but the year's report no longer
 * meets every criterion.
 */
export function hasSlippedBack(result: { holdsTitle: boolean; reachedStandard: boolean }): boolean {
  return result.holdsTitle && !result.reachedStandard;
}
