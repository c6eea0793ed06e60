// OCOP rules (QĐ 148/QĐ-TTg 2023, scoring out of 100: A 40 · B 25 · C 35), pure and unit-tested
// (tests/unit/ocop-rules.test.ts). Vocabulary: chủ thể = producer, phân hạng = star rank,
// giấy chứng nhận = certificate, hội đồng = council.
import { addMonths } from "date-fns";

export const SCORE_MAX = { A: 40, B: 25, C: 35 } as const;
export type ScorePart = keyof typeof SCORE_MAX;

/**
 * Star rank from the total score. The bands are those of QĐ 1048/2019 (5★ 90–100, 4★ 70–89,
 * 3★ 50–69, 2★ 30–49, 1★ under 30); whether QĐ 148 kept them is unverified (domain.md §1c).
 */
export function starsFromScore(total: number): number {
  if (total >= 90) return 5;
  if (total >= 70) return 4;
  if (total >= 50) return 3;
  if (total >= 30) return 2;
  return 1;
}

/** Only 3★ and above count as "sản phẩm OCOP" and receive a certificate. */
export const MIN_CERTIFIED_STARS = 3;

/** Certificates are valid for 36 months. */
export const CERTIFICATE_MONTHS = 36;

/** A certificate within this many days of its expiry is shown as "sắp hết hạn". */
export const EXPIRING_SOON_DAYS = 90;

/** Scores are entered to two decimals (the council's sheets use halves and quarters). */
const round2 = (v: number) => Math.round((v + Number.EPSILON) * 100) / 100;

export interface Scores {
  A: number;
  B: number;
  C: number;
}

/** Vietnamese messages per part for scores that are negative, above the part's maximum or too precise. */
export function scoreErrors(scores: Scores): Partial<Record<ScorePart, string>> {
  const errors: Partial<Record<ScorePart, string>> = {};
  for (const part of ["A", "B", "C"] as const) {
    const v = scores[part];
    if (!Number.isFinite(v)) errors[part] = `Điểm phần ${part} phải là một số.`;
    else if (v < 0) errors[part] = `Điểm phần ${part} không được âm.`;
    else if (v > SCORE_MAX[part]) errors[part] = `Điểm phần ${part} tối đa ${SCORE_MAX[part]} điểm.`;
    else if (round2(v) !== v) errors[part] = `Điểm phần ${part} ghi tối đa 2 chữ số thập phân.`;
  }
  return errors;
}

export function totalScore(scores: Scores): number {
  return round2(scores.A + scores.B + scores.C);
}

export type CouncilLevel = "DISTRICT" | "PROVINCE" | "CENTRAL";

/** Districts ceased on 1/7/2025: from then on no district council ranks products. */
export const DISTRICT_COUNCILS_END = new Date(Date.UTC(2025, 6, 1));

/**
 * Which council may give a rank: 5★ only the central council; 4★ the province or central
 * council (QĐ 1048/148 practice, domain.md §1c); and no district council after 1/7/2025.
 * Returns a Vietnamese message, or null when the level fits.
 */
export function councilLevelError(stars: number, level: CouncilLevel, decisionDate: Date | null): string | null {
  if (stars === 5 && level !== "CENTRAL") return "Sản phẩm 5 sao do Hội đồng cấp Trung ương đánh giá, phân hạng.";
  if (stars === 4 && level === "DISTRICT") return "Sản phẩm 4 sao do Hội đồng cấp tỉnh (hoặc Trung ương) đánh giá, phân hạng.";
  if (level === "DISTRICT" && decisionDate && decisionDate >= DISTRICT_COUNCILS_END) {
    return "Từ 1/7/2025 không còn cấp huyện: chọn Hội đồng cấp tỉnh.";
  }
  return null;
}

/** decisionDate + 36 months (same day of month; the 29/2 and the 31st fall back to the month's last day). */
export function certificateExpiry(decisionDate: Date): Date {
  return addMonths(decisionDate, CERTIFICATE_MONTHS);
}

export type CertificateState = "NONE" | "VALID" | "EXPIRING_SOON" | "EXPIRED";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * State of a certificate on a day (both calendar dates at UTC midnight). `expiresAt` is the
 * first day without validity: on that day the certificate is "hết hạn"; within
 * EXPIRING_SOON_DAYS before it (90 days left … 1 day left) it is "sắp hết hạn".
 */
export function certificateState(expiresAt: Date | null, today: Date): CertificateState {
  if (!expiresAt) return "NONE";
  const daysLeft = Math.round((expiresAt.getTime() - today.getTime()) / DAY_MS);
  if (daysLeft <= 0) return "EXPIRED";
  if (daysLeft <= EXPIRING_SOON_DAYS) return "EXPIRING_SOON";
  return "VALID";
}

export const CERTIFICATE_STATE_LABELS: Record<CertificateState, string> = {
  NONE: "Chưa có giấy chứng nhận",
  VALID: "Còn hiệu lực",
  EXPIRING_SOON: "Sắp hết hạn",
  EXPIRED: "Hết hạn",
};

/** A rank with a decision of 3★ or more: the product is an OCOP product and may be shown publicly. */
export function isCertified(e: { stars: number; decisionNo: string | null; decisionDate: Date | null }): boolean {
  return e.stars >= MIN_CERTIFIED_STARS && !!e.decisionNo && !!e.decisionDate;
}

/**
 * The evaluation that stands for a product: the latest one with a decision (a newer one whose
 * decision is still pending does not replace a standing certificate), else the latest one;
 * "latest" by year, then decision date, then entry order.
 */
export function currentEvaluation<E extends { year: number; decisionDate: Date | null; id: number }>(evaluations: readonly E[]): E | null {
  const key = (e: E) => [e.decisionDate ? 1 : 0, e.year, e.decisionDate?.getTime() ?? 0, e.id];
  let best: E | null = null;
  for (const e of evaluations) {
    if (!best) {
      best = e;
      continue;
    }
    const [a, b] = [key(e), key(best)];
    const i = a.findIndex((v, k) => v !== b[k]);
    if (i >= 0 && a[i] > b[i]) best = e;
  }
  return best;
}

// ───────────── labels ─────────────

export type OcopGroup = "FOOD" | "DRINK" | "HERBAL" | "HANDICRAFT" | "ORNAMENTAL" | "TOURISM";
export type ProducerKind = "ENTERPRISE" | "COOPERATIVE" | "COOPERATIVE_GROUP" | "HOUSEHOLD";

/** The six product groups of QĐ 148/QĐ-TTg. */
export const OCOP_GROUP_LABELS: Record<OcopGroup, string> = {
  FOOD: "Thực phẩm",
  DRINK: "Đồ uống",
  HERBAL: "Dược liệu và sản phẩm từ dược liệu",
  HANDICRAFT: "Hàng thủ công mỹ nghệ",
  ORNAMENTAL: "Sinh vật cảnh",
  TOURISM: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
};
export const OCOP_GROUPS = Object.keys(OCOP_GROUP_LABELS) as OcopGroup[];

/**
 * Sub-groups offered as suggestions in the form. The official sub-groups and their criteria are
 * in Phụ lục III of QĐ 148, not in prisma/data: these names are written from common usage and
 * are not verified (the field stays free text).
 */
export const OCOP_SUBGROUP_SUGGESTIONS: Record<OcopGroup, string[]> = {
  FOOD: ["Nông sản tươi sống", "Gạo, ngũ cốc", "Thịt và sản phẩm từ thịt", "Thủy sản và sản phẩm từ thủy sản", "Rau, củ, quả chế biến", "Mật ong, sản phẩm từ mật ong", "Gia vị", "Sản phẩm chế biến từ tinh bột", "Bánh, mứt, kẹo"],
  DRINK: ["Chè và sản phẩm từ chè", "Cà phê, ca cao", "Đồ uống có cồn", "Đồ uống không cồn"],
  HERBAL: ["Thực phẩm chức năng, thuốc dược liệu", "Trà dược liệu", "Mỹ phẩm từ dược liệu", "Tinh dầu"],
  HANDICRAFT: ["Thủ công mỹ nghệ gia dụng", "Dệt may", "Đồ gỗ, mây tre đan", "Gốm sứ"],
  ORNAMENTAL: ["Cây cảnh", "Hoa", "Động vật cảnh"],
  TOURISM: ["Du lịch cộng đồng", "Du lịch sinh thái", "Điểm du lịch"],
};

export const PRODUCER_KIND_LABELS: Record<ProducerKind, string> = {
  ENTERPRISE: "Doanh nghiệp",
  COOPERATIVE: "Hợp tác xã",
  COOPERATIVE_GROUP: "Tổ hợp tác",
  HOUSEHOLD: "Hộ sản xuất kinh doanh",
};

export const COUNCIL_LEVEL_LABELS: Record<CouncilLevel, string> = {
  DISTRICT: "Hội đồng cấp huyện",
  PROVINCE: "Hội đồng cấp tỉnh",
  CENTRAL: "Hội đồng cấp Trung ương",
};
