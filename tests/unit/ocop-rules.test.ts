import { describe, expect, it } from "vitest";
import { ZAddEvaluation } from "@/lib/ocop/schemas";
import {
  certificateExpiry,
  certificateState,
  councilLevelError,
  currentEvaluation,
  EXPIRING_SOON_DAYS,
  isCertified,
  scoreErrors,
  SCORE_MAX,
  starsFromScore,
  totalScore,
} from "@/lib/ocop/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

describe("star rank from the total score", () => {
  it.each([
    [0, 1],
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ])("%s points → %s★", (total, stars) => {
    expect(starsFromScore(total)).toBe(stars);
  });

  it("ranks the total of the three parts, summed to two decimals", () => {
    expect(totalScore({ A: 20.1, B: 12.2, C: 17.7 })).toBe(50);
    expect(starsFromScore(totalScore({ A: 20.1, B: 12.2, C: 17.69 }))).toBe(2);
    expect(starsFromScore(totalScore({ A: 40, B: 25, C: 35 }))).toBe(5);
  });
});

describe("scores against each part's maximum (A 40 · B 25 · C 35)", () => {
  it("accepts every part at its maximum and at zero", () => {
    expect(scoreErrors({ A: SCORE_MAX.A, B: SCORE_MAX.B, C: SCORE_MAX.C })).toEqual({});
    expect(scoreErrors({ A: 0, B: 0, C: 0 })).toEqual({});
  });

  it.each([
    ["A", { A: 40.01, B: 10, C: 10 }, /phần A tối đa 40/],
    ["B", { A: 10, B: 25.5, C: 10 }, /phần B tối đa 25/],
    ["C", { A: 10, B: 10, C: 36 }, /phần C tối đa 35/],
  ] as const)("refuses part %s above its maximum with a Vietnamese message", (part, scores, message) => {
    const errors = scoreErrors(scores);
    expect(Object.keys(errors)).toEqual([part]);
    expect(errors[part]).toMatch(message);
  });

  it("refuses a negative score and more than two decimals", () => {
    expect(scoreErrors({ A: -1, B: 10, C: 10 }).A).toMatch(/không được âm/);
    expect(scoreErrors({ A: 10.125, B: 10, C: 10 }).A).toMatch(/2 chữ số thập phân/);
  });

  it("reads scores as Vietnamese forms write them (\"32,5\")", () => {
    const parsed = ZAddEvaluation.parse({ productId: 1, year: 2024, councilLevel: "PROVINCE", scoreA: "32,5", scoreB: "20", scoreC: 30.25 });
    expect([parsed.scoreA, parsed.scoreB, parsed.scoreC]).toEqual([32.5, 20, 30.25]);
  });
});

describe("council level fits the rank", () => {
  it.each([
    [5, "PROVINCE", true],
    [5, "CENTRAL", false],
    [4, "DISTRICT", true],
    [4, "PROVINCE", false],
    [3, "DISTRICT", false],
    [3, "PROVINCE", false],
  ] as const)("%s★ by %s council refused: %s", (stars, level, refused) => {
    expect(councilLevelError(stars, level, d("2024-06-01")) !== null).toBe(refused);
  });

  it("no district council after 1/7/2025", () => {
    expect(councilLevelError(3, "DISTRICT", d("2025-06-30"))).toBeNull();
    expect(councilLevelError(3, "DISTRICT", d("2025-07-01"))).toMatch(/1\/7\/2025/);
  });
});

describe("certificate expiry (36 months)", () => {
  it.each([
    ["2023-05-12", "2026-05-12"],
    ["2023-01-31", "2026-01-31"],
    ["2024-02-29", "2027-02-28"], // no 29/2 in 2027: the month's last day
    ["2022-12-31", "2025-12-31"],
  ])("a decision of %s expires on %s", (decision, expiry) => {
    expect(certificateExpiry(d(decision)).toISOString().slice(0, 10)).toBe(expiry);
  });

  const decision = d("2023-05-12");
  const expiresAt = certificateExpiry(decision);

  it("is expired exactly 36 months after the decision, and after", () => {
    expect(certificateState(expiresAt, expiresAt)).toBe("EXPIRED");
    expect(certificateState(expiresAt, addDays(expiresAt, 1))).toBe("EXPIRED");
  });

  it(`is expiring soon from ${EXPIRING_SOON_DAYS} days before expiry to the day before`, () => {
    expect(certificateState(expiresAt, addDays(expiresAt, -1))).toBe("EXPIRING_SOON");
    expect(certificateState(expiresAt, addDays(expiresAt, -EXPIRING_SOON_DAYS))).toBe("EXPIRING_SOON");
  });

  it("is valid earlier than that window, from the decision day on", () => {
    expect(certificateState(expiresAt, addDays(expiresAt, -EXPIRING_SOON_DAYS - 1))).toBe("VALID");
    expect(certificateState(expiresAt, decision)).toBe("VALID");
  });

  it("has no state without a certificate", () => {
    expect(certificateState(null, decision)).toBe("NONE");
  });
});

describe("certified products and the evaluation that stands", () => {
  it("only 3★ and above with a decision number and date are certified", () => {
    expect(isCertified({ stars: 3, decisionNo: "12/QĐ-UBND", decisionDate: d("2024-01-01") })).toBe(true);
    expect(isCertified({ stars: 2, decisionNo: "12/QĐ-UBND", decisionDate: d("2024-01-01") })).toBe(false);
    expect(isCertified({ stars: 4, decisionNo: null, decisionDate: null })).toBe(false);
  });

  it("the latest decided evaluation stands; a newer one awaiting its decision does not replace it", () => {
    const first = { id: 1, year: 2021, decisionDate: d("2021-09-01") };
    const second = { id: 2, year: 2024, decisionDate: d("2024-10-01") };
    const pending = { id: 3, year: 2025, decisionDate: null };
    expect(currentEvaluation([first, second])).toBe(second);
    expect(currentEvaluation([second, first, pending])).toBe(second);
    expect(currentEvaluation([pending])).toBe(pending);
    expect(currentEvaluation([])).toBeNull();
  });
});
