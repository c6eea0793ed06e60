// Capital rules (vốn, giải ngân), pure and unit-tested (tests/unit/capital-rules.test.ts).
// Money is in million VND (triệu đồng) throughout, kept to two decimals.
import { formatDate, formatNumber } from "@/lib/format";

export type CapitalSource = "NSTW_DTPT" | "NSTW_SN" | "NSDP" | "LONG_GHEP" | "TIN_DUNG" | "DOANH_NGHIEP" | "DAN_GOP";

export const CAPITAL_SOURCE_LABELS: Record<CapitalSource, string> = {
  NSTW_DTPT: "NSTW – đầu tư phát triển",
  NSTW_SN: "NSTW – sự nghiệp",
  NSDP: "Ngân sách địa phương",
  LONG_GHEP: "Vốn lồng ghép",
  TIN_DUNG: "Vốn tín dụng",
  DOANH_NGHIEP: "Vốn doanh nghiệp",
  DAN_GOP: "Người dân đóng góp",
};
export const CAPITAL_SOURCES = Object.keys(CAPITAL_SOURCE_LABELS) as CapitalSource[];

export const round2 = (v: number) => Math.round((v + Number.EPSILON) * 100) / 100;

/**
 * Tỷ lệ giải ngân in percent (disbursed ÷ allocated × 100). With nothing allocated the rate is
 * undefined — null, shown as "–" — never a division by zero, never 0% or 100%.
 */
export function disbursementRate(allocated: number, disbursed: number): number | null {
  if (!(allocated > 0)) return null;
  return round2((disbursed * 100) / allocated);
}

/** The largest amount a form accepts (a billion million VND), to keep typos out of the totals. */
export const MAX_AMOUNT = 1e9;

/**
 * Our rule for "disbursed above allocated": refused. A line can never have disbursed more than
 * its allocation (Luật Đầu tư công: payments stay within the assigned plan); to pay more, the
 * allocation is raised first (an edit of the line, audited), then the payment is recorded.
 * Returns a Vietnamese message, or null.
 */
export function overAllocationError(allocated: number, alreadyDisbursed: number, amount: number): string | null {
  const after = round2(alreadyDisbursed + amount);
  if (after <= round2(allocated)) return null;
  const room = Math.max(0, round2(allocated - alreadyDisbursed));
  return `Tổng giải ngân (${formatMillions(after)}) sẽ vượt vốn được giao (${formatMillions(allocated)}). Còn có thể giải ngân tối đa ${formatMillions(room)}; nếu được giao thêm vốn, hãy điều chỉnh vốn được giao của dòng vốn trước.`;
}

/** Exact amounts in messages ("1.234,5 triệu đồng"), not the rounded "1,2 tỷ đồng" of the tables. */
function formatMillions(v: number): string {
  return `${formatNumber(v, Number.isInteger(round2(v)) ? 0 : 2)} triệu đồng`;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Without a written deadline, money of year N may be paid until 31/1 of N+1 (Luật Đầu tư công). */
export function effectiveDeadline(year: number, deadline: Date | null): Date {
  return deadline ?? utc(year + 1, 1, 31);
}

/**
 * The order of dates on a line: a deadline cannot fall before its year starts, and a payment is
 * dated within [1/1 of the line's year, the deadline] and not in the future.
 */
export function deadlineError(year: number, deadline: Date | null): string | null {
  if (!deadline) return null;
  if (deadline < utc(year, 1, 1)) return `Hạn giải ngân không thể trước ngày 1/1/${year} (năm của kế hoạch vốn).`;
  if (deadline > utc(year + 5, 12, 31)) return `Hạn giải ngân quá xa năm kế hoạch ${year}.`;
  return null;
}

export function disbursementDateError(year: number, deadline: Date | null, date: Date, today: Date): string | null {
  if (date < utc(year, 1, 1)) return `Ngày giải ngân trước năm kế hoạch: vốn năm ${year} chỉ giải ngân từ ngày 1/1/${year}.`;
  const end = effectiveDeadline(year, deadline);
  if (date > end) return `Ngày giải ngân sau hạn giải ngân của dòng vốn (${formatDate(end)}).`;
  if (date > today) return "Ngày giải ngân không được ở tương lai.";
  return null;
}

/** A line within this many days of its deadline with money left is "có nguy cơ không giải ngân hết". */
export const DEADLINE_WARNING_DAYS = 60;
/** … unless this share of it is already paid. */
export const ON_TRACK_RATE = 80;

export type LineRisk = "NO_ALLOCATION" | "DONE" | "ON_TRACK" | "AT_RISK" | "OVERDUE";

/**
 * Where a line stands against its deadline on a day: fully paid; overdue (deadline passed with
 * money left); at risk (deadline within DEADLINE_WARNING_DAYS and under ON_TRACK_RATE % paid);
 * otherwise on track.
 */
export function lineRisk(line: { year: number; allocated: number; disbursed: number; deadline: Date | null }, today: Date): LineRisk {
  if (!(line.allocated > 0)) return "NO_ALLOCATION";
  if (round2(line.disbursed) >= round2(line.allocated)) return "DONE";
  const end = effectiveDeadline(line.year, line.deadline);
  if (today > end) return "OVERDUE";
  const daysLeft = (end.getTime() - today.getTime()) / 86_400_000;
  const rate = disbursementRate(line.allocated, line.disbursed) ?? 0;
  if (daysLeft <= DEADLINE_WARNING_DAYS && rate < ON_TRACK_RATE) return "AT_RISK";
  return "ON_TRACK";
}

export const LINE_RISK_LABELS: Record<LineRisk, string> = {
  NO_ALLOCATION: "Chưa giao vốn",
  DONE: "Đã giải ngân hết",
  ON_TRACK: "Đang giải ngân",
  AT_RISK: "Có nguy cơ không giải ngân hết",
  OVERDUE: "Quá hạn, chưa giải ngân hết",
};

export interface MonthFigure {
  /** 1–12 */
  month: number;
  /** allocated to the lines of the year (the plan is given for the whole year: the same each month) */
  allocated: number;
  /** paid within the month */
  disbursed: number;
  /** paid from 1/1 to the end of the month */
  cumulativeDisbursed: number;
  /** cumulativeDisbursed ÷ allocated, in percent; null without allocation */
  rate: number | null;
}

/**
 * Allocated vs disbursed over the months of a year: a spine of the 12 months (every month has a
 * row even without payments), cumulative. Payments after 31/12 (until the deadline) are not in
 * any month; `afterYearEnd` carries them.
 */
export function monthSeries(year: number, allocated: number, payments: readonly { date: Date; amount: number }[]): { months: MonthFigure[]; afterYearEnd: number } {
  const inMonth = Array<number>(12).fill(0);
  let afterYearEnd = 0;
  for (const p of payments) {
    const y = p.date.getUTCFullYear();
    if (y === year) inMonth[p.date.getUTCMonth()] += p.amount;
    else if (y > year) afterYearEnd += p.amount;
  }
  let cumulative = 0;
  const months = inMonth.map((amount, i) => {
    cumulative = round2(cumulative + amount);
    return { month: i + 1, allocated: round2(allocated), disbursed: round2(amount), cumulativeDisbursed: cumulative, rate: disbursementRate(allocated, cumulative) };
  });
  return { months, afterYearEnd: round2(afterYearEnd) };
}
