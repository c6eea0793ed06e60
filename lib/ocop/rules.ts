// OCOP rules (QĐ 148/QĐ-TTg 2023, scoring out of 100: A 40 · B 25 · C 35).

export const SCORE_MAX = { A: 40, B: 25, C: 35 } as const;

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

/** Certificates are valid for 36 months. */
export const CERTIFICATE_MONTHS = 36;
