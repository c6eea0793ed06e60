// The official figures, one definition each, with the names reports use — so that the public
// page, the open data API, the leaders' dashboard and the printed reports never give one label
// two meanings (pure; the numbers come from lib/figures/queries.ts).
//
// - "Xã đạt chuẩn NTM (có quyết định công nhận)": communes holding a recognition decision not
//   revoked on the reporting date, whatever their criteria today; divided by the province's
//   programme commune list for the phase ("số xã thực hiện chương trình").
// - "Xã đạt đủ N tiêu chí": communes whose confirmed annual report of the year meets every
//   criterion — a different figure (a commune may meet them all and not yet be recognised).
// - Bands and "bình quân tiêu chí/xã": over the confirmed annual reports of the year.
// - "Đã đạt chuẩn nhưng chưa duy trì đủ tiêu chí": holding the title on the date, while their
//   latest confirmed report does not meet every criterion.
import { roundTo } from "@/lib/criteria/rules";
import { formatDate, formatNumber } from "@/lib/format";

export const FIGURE_NAMES = {
  recognised: "Xã đạt chuẩn NTM (có quyết định công nhận)",
  advanced: "Xã đạt chuẩn NTM nâng cao (có quyết định công nhận)",
  model: "Xã NTM kiểu mẫu (có quyết định công nhận)",
  fullCriteria: (total: number) => `Xã đạt đủ ${total} tiêu chí`,
  average: "Bình quân tiêu chí/xã",
  notMaintained: "Xã đã đạt chuẩn nhưng chưa duy trì đủ tiêu chí",
  confirmedReports: "Xã có báo cáo đã được xác nhận",
} as const;

/** Share of a denominator in percent, one decimal (as reports write it: 72%, 58,2%). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? roundTo((part * 100) / whole, 1) : 0;
}

/** "72%", "58,2%": at most one decimal, as official texts write a rate. */
export function formatRate(percent: number): string {
  return `${formatNumber(percent, Number.isInteger(percent) ? 0 : 1)}%`;
}

/** The sentence reports open with: "103 xã đạt chuẩn NTM, đạt tỷ lệ 72%". */
export function recognisedSentence(count: number, percent: number): string {
  return `${formatNumber(count)} xã đạt chuẩn NTM, đạt tỷ lệ ${formatRate(percent)}`;
}

/** "349/420 xã": a figure with its denominator. */
export function outOf(part: number, whole: number): string {
  return `${formatNumber(part)}/${formatNumber(whole)} xã`;
}

/** "đến ngày 30/06/2020" */
export function asOfLabel(asOf: Date): string {
  return `đến ngày ${formatDate(asOf)}`;
}

/** The day a year's figures are read as at, when none is asked: its last day, or today for the year under way. */
export function defaultAsOf(year: number, today: Date): Date {
  const end = new Date(Date.UTC(year, 11, 31));
  return end < today ? end : today;
}

/**
 * The communes a year's figures count: those standing on the reporting day, or — for a day after
 * the year — at the end of the year's units (30/6/2025 for 2025: the 2021–2025 phase ended with
 * the communes before the reform). A title's state is still read on the reporting day.
 */
export function communesDay(year: number, asOf: Date, unitsDateOfYear: Date): Date {
  return asOf < unitsDateOfYear ? asOf : unitsDateOfYear;
}

/** `den-ngay` as a date (yyyy-mm-dd), or null when absent or not a real day. */
export function parseAsOf(raw: string | undefined | null): Date | null {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const d = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw ? null : d;
}

/** Where the denominator comes from, in words the page shows. */
export function programmeListLabel(list: { source: string | null; size: number; phase: string; isDefault: boolean; on: Date }): string {
  return list.isDefault
    ? `${formatNumber(list.size)} xã — danh mục đơn vị hành chính (TCTK) ngày ${formatDate(list.on)}, đầu giai đoạn ${list.phase}`
    : `${formatNumber(list.size)} xã — danh sách xã thực hiện Chương trình giai đoạn ${list.phase}${list.source ? ` (${list.source})` : ""}`;
}
