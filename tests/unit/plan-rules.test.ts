import { describe, expect, it } from "vitest";
import {
  checkEntry,
  hasSlippedBack,
  planDateError,
  planOutcome,
  planProgress,
  projectReachYear,
  PROJECTION_MAX_YEARS,
  roadmapDateError,
  type PlanOutcome,
  type PlanTarget,
  type YearResult,
} from "@/lib/plans/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const result = (status: string | null, reachedStandard: boolean, title: YearResult["title"]): YearResult => ({ report: status === null ? null : { status, reachedStandard }, title });

describe("has a registered commune reached its target?", () => {
  it.each([
    ["NTM", result("CONFIRMED", true, "NTM"), "REACHED"],
    ["NTM", result("CONFIRMED", true, "ADVANCED"), "REACHED"],
    ["NTM", result("CONFIRMED", true, null), "AWAITING_RECOGNITION"],
    ["NTM", result("SUBMITTED", false, null), "NOT_REACHED"],
    // the title lasts: a commune recognised that slipped back this year still holds it
    ["NTM", result("CONFIRMED", false, "NTM"), "REACHED"],
    ["NTM", result(null, false, "NTM"), "REACHED"],
    ["NTM", result(null, false, null), "NO_ASSESSMENT"],
    ["ADVANCED", result("CONFIRMED", true, "NTM"), "NOT_REACHED"],
    ["ADVANCED", result("CONFIRMED", true, "ADVANCED"), "REACHED"],
    ["ADVANCED", result("CONFIRMED", true, "MODEL"), "REACHED"],
    ["MODEL", result("CONFIRMED", true, "ADVANCED"), "NOT_REACHED"],
    ["MODEL", result("CONFIRMED", true, "MODEL"), "REACHED"],
  ] as const)("target %s with %o → %s", (target, r, outcome) => {
    expect(planOutcome(target, r)).toBe(outcome);
  });
});

describe("plan progress", () => {
  it("counts registered and reached per target, always the three targets in order", () => {
    const entries: { target: PlanTarget; outcome: PlanOutcome }[] = [
      ...Array(9).fill({ target: "NTM", outcome: "REACHED" }),
      { target: "NTM", outcome: "AWAITING_RECOGNITION" },
      { target: "NTM", outcome: "NOT_REACHED" },
      ...Array(11).fill({ target: "ADVANCED", outcome: "NOT_REACHED" }),
      { target: "ADVANCED", outcome: "REACHED" },
    ];
    expect(planProgress(entries)).toEqual([
      { target: "NTM", registered: 11, reached: 9 },
      { target: "ADVANCED", registered: 12, reached: 1 },
      { target: "MODEL", registered: 0, reached: 0 },
    ]);
  });

  it("has zeros for an empty plan", () => {
    expect(planProgress([]).map((p) => [p.registered, p.reached])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });
});

describe("communes behind plan", () => {
  const roadmap = [
    { targetDate: d("2025-06-30"), met: false },
    { targetDate: d("2025-09-30"), met: true },
  ];
  it("an unmet criterion past its date puts the commune behind", () => {
    expect(checkEntry({ year: 2025, outcome: "NOT_REACHED", roadmap }, d("2025-07-01"))).toEqual({ behind: true, overdueItems: 1, yearEndedUnreached: false });
  });
  it("on the due date itself it is not late yet", () => {
    expect(checkEntry({ year: 2025, outcome: "NOT_REACHED", roadmap }, d("2025-06-30")).behind).toBe(false);
  });
  it("a year over without the target reached puts it behind, even with no roadmap", () => {
    expect(checkEntry({ year: 2024, outcome: "AWAITING_RECOGNITION", roadmap: [] }, d("2025-01-01"))).toEqual({ behind: true, overdueItems: 0, yearEndedUnreached: true });
    expect(checkEntry({ year: 2024, outcome: "AWAITING_RECOGNITION", roadmap: [] }, d("2024-12-31")).behind).toBe(false);
  });
  it("a commune that reached its target is never behind", () => {
    expect(checkEntry({ year: 2024, outcome: "REACHED", roadmap }, d("2026-01-01")).behind).toBe(false);
  });
});

describe("plan dates", () => {
  it("lie within the plan year", () => {
    expect(planDateError(2025, d("2025-01-01"))).toBeNull();
    expect(planDateError(2025, d("2025-12-31"))).toBeNull();
    expect(planDateError(2025, d("2026-01-01"))).toMatch(/trong năm kế hoạch 2025/);
    expect(planDateError(2025, d("2024-12-31"))).toMatch(/trong năm kế hoạch 2025/);
  });
  it("a roadmap item is due no later than the commune's target date", () => {
    expect(roadmapDateError(2025, d("2025-10-31"), d("2025-10-31"))).toBeNull();
    expect(roadmapDateError(2025, d("2025-10-31"), d("2025-11-01"))).toMatch(/không thể sau ngày mục tiêu/);
  });
});

describe("projection of the year a commune reaches the standard", () => {
  const pts = (first: number, values: number[]) => values.map((criteriaMet, i) => ({ year: first + i, criteriaMet }));

  it("fits a least-squares line and gives the first year it reaches the total", () => {
    // 13, 14, 15, 16, 17 → +1 a year → 19 in 2027
    expect(projectReachYear(pts(2021, [13, 14, 15, 16, 17]), 19)).toEqual({ kind: "PROJECTED", year: 2027, slope: 1 });
  });

  it("rounds a fractional crossing up to the next whole year", () => {
    // 16, 16, 17, 17 over 2021–2024: slope 0.4 through (2022.5, 16.5) → 19 at 2028.75 → 2029
    expect(projectReachYear(pts(2021, [16, 16, 17, 17]), 19)).toEqual({ kind: "PROJECTED", year: 2029, slope: 0.4 });
    // a line that lands exactly on a year gives that year
    expect(projectReachYear(pts(2022, [16, 17, 18]), 19)).toEqual({ kind: "PROJECTED", year: 2025, slope: 1 });
  });

  it("uses only the last five years", () => {
    // an old dip outside the window does not bend the line
    expect(projectReachYear(pts(2015, [5, 5, 5, 13, 14, 15, 16, 17]), 19)).toEqual({ kind: "PROJECTED", year: 2024, slope: 1 });
  });

  it("is never before the year after the latest assessment", () => {
    // a late jump: slope 1.6 through (2023, 11.6) → 2027.6 → 2028
    expect(projectReachYear(pts(2021, [10, 10, 10, 10, 18]), 19)).toEqual({ kind: "PROJECTED", year: 2028, slope: 1.6 });
    // a line that crossed the total in the past while the latest year is still short: next year at the earliest
    expect(projectReachYear(pts(2021, [19, 19, 19, 19, 18]), 19)).toEqual({ kind: "UNKNOWN", reason: "NO_UPWARD_TREND" });
    expect(projectReachYear([{ year: 2020, criteriaMet: 0 }, { year: 2024, criteriaMet: 18 }, { year: 2025, criteriaMet: 18 }], 19)).toMatchObject({ kind: "PROJECTED", year: 2026 });
  });

  it("says “không xác định” without an upward trend", () => {
    expect(projectReachYear(pts(2021, [15, 15, 15]), 19)).toEqual({ kind: "UNKNOWN", reason: "NO_UPWARD_TREND" });
    expect(projectReachYear(pts(2021, [17, 16, 15]), 19)).toEqual({ kind: "UNKNOWN", reason: "NO_UPWARD_TREND" });
  });

  it("needs two years or more", () => {
    expect(projectReachYear(pts(2025, [12]), 19)).toEqual({ kind: "UNKNOWN", reason: "TOO_FEW_YEARS" });
    expect(projectReachYear([], 19)).toEqual({ kind: "UNKNOWN", reason: "TOO_FEW_YEARS" });
  });

  it(`caps the projection at ${PROJECTION_MAX_YEARS} years after the latest assessment`, () => {
    // +0.2 a year from 10 → 19 would take ~45 years
    expect(projectReachYear(pts(2021, [10, 10, 10, 11, 11]), 19)).toEqual({ kind: "BEYOND", after: 2025 + PROJECTION_MAX_YEARS, slope: 0.3 });
  });

  it("reports a commune already meeting every criterion in its latest year as reached", () => {
    expect(projectReachYear(pts(2023, [17, 18, 19]), 19)).toEqual({ kind: "REACHED", year: 2025 });
  });

  it("works the same for the 10-criteria set", () => {
    expect(projectReachYear(pts(2026, [6, 8]), 10)).toEqual({ kind: "PROJECTED", year: 2028, slope: 2 });
  });
});

describe("recognised communes that slipped back", () => {
  it("hold the title but no longer meet every criterion", () => {
    expect(hasSlippedBack({ holdsTitle: true, reachedStandard: false })).toBe(true);
    expect(hasSlippedBack({ holdsTitle: true, reachedStandard: true })).toBe(false);
    expect(hasSlippedBack({ holdsTitle: false, reachedStandard: false })).toBe(false);
  });
});
