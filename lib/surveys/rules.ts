// Residents' satisfaction survey (QĐ 18/2022/QĐ-TTg: satisfaction is a condition of recognition;
// the 2021–2025 programme asks that ≥ 40% of communes collect feedback online). Pure and
// unit-tested (tests/unit/survey-rules.test.ts).

export type Answer = "VERY_SATISFIED" | "SATISFIED" | "NOT_SATISFIED" | "NO_OPINION";
export const ANSWERS: Answer[] = ["VERY_SATISFIED", "SATISFIED", "NOT_SATISFIED", "NO_OPINION"];
export const ANSWER_LABELS: Record<Answer, string> = {
  VERY_SATISFIED: "Rất hài lòng",
  SATISFIED: "Hài lòng",
  NOT_SATISFIED: "Chưa hài lòng",
  NO_OPINION: "Không có ý kiến",
};

/**
 * The questions, short and in plain words. No free text: a comment box invites names and phone
 * numbers, and the survey keeps nothing personal.
 */
export const QUESTIONS = [
  { key: "infrastructure", text: "Đường giao thông, điện, trường học, trạm y tế, nhà văn hóa của xã" },
  { key: "livelihood", text: "Thu nhập, việc làm và đời sống của gia đình ông/bà" },
  { key: "environment", text: "Môi trường, cảnh quan, nước sạch và an toàn thực phẩm" },
  { key: "security", text: "An ninh, trật tự và tình làng nghĩa xóm" },
  { key: "participation", text: "Người dân được biết, được bàn, được kiểm tra việc xây dựng nông thôn mới" },
  { key: "overall", text: "Nhìn chung, ông/bà có hài lòng với kết quả xây dựng nông thôn mới của xã không?" },
] as const;
export type QuestionKey = (typeof QUESTIONS)[number]["key"];

/** A response counts as satisfied when the overall question is answered "rất hài lòng" or "hài lòng". */
export function isSatisfied(answers: Record<QuestionKey, Answer>): boolean {
  return answers.overall === "VERY_SATISFIED" || answers.overall === "SATISFIED";
}

/** % satisfied over all responses (those without an opinion included); null without responses. */
export function satisfiedPercent(responses: number, satisfied: number): number | null {
  if (responses <= 0) return null;
  return Math.round((satisfied * 1000) / responses) / 10;
}

/** The programme's target share of communes collecting residents' feedback online. */
export const FEEDBACK_TARGET_PERCENT = 40;

/**
 * A fixed-window counter per key, in memory only (nothing is written anywhere): at most `limit`
 * hits per `windowMs`. Keys are hashes of the client address, so no address is kept even here.
 * One process only — behind several instances each counts on its own, which is enough as a brake.
 */
export class WindowLimiter {
  private hits = new Map<string, { start: number; count: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private now: () => number = Date.now,
  ) {}

  /** Counts a hit; false when the key is over its limit in the current window. */
  take(key: string): boolean {
    const t = this.now();
    const w = this.hits.get(key);
    if (!w || t - w.start >= this.windowMs) {
      this.hits.set(key, { start: t, count: 1 });
      this.prune(t);
      return true;
    }
    if (w.count >= this.limit) return false;
    w.count++;
    return true;
  }

  private prune(t: number) {
    if (this.hits.size < 10_000) return;
    for (const [k, w] of this.hits) if (t - w.start >= this.windowMs) this.hits.delete(k);
  }
}
