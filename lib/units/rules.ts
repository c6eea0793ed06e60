// Which administrative units a year's figures use. The data holds the units of every GSO
// snapshot from 31/08/2015 to 1/3/2025, each row valid over the interval it stood
// (prisma/seed/units-history.ts), and those from 1/7/2025.

export const REFORM_DATE = new Date(Date.UTC(2025, 6, 1));
/** The last day of the units before the reform: 2025's figures use them (the 2021–2025 set). */
export const LAST_DAY_BEFORE_REFORM = new Date(Date.UTC(2025, 5, 30));

/**
 * The date whose units a year's figures use: the year end (31/12), the state a year's report
 * describes; for 2025 the last day before the reform (30/6/2025), as the 2021–2025 phase closes
 * on the communes of before 1/7/2025.
 *
 * 2024: no GSO list of 31/12/2024 exists. The data holds Thái Nguyên's changes from their known
 * date (01/12/2024, 1240/NQ-UBTVQH15) and every other change seen between the lists of
 * 01/11/2024 and 01/01/2025 from 01/01/2025, so 31/12/2024 gives the established state of 29
 * provinces (the 28 unchanged, Thái Nguyên) and that of 01/11/2024 for the 34 others.
 */
export function unitsDateForYear(year: number): Date {
  return year === 2025 ? LAST_DAY_BEFORE_REFORM : new Date(Date.UTC(year, 11, 31));
}

/** Years the programme's commune criteria sets cover (QĐ 1980/2016, 318/2022, 51/2025). */
export const FIRST_ASSESSMENT_YEAR = 2016;
export const LAST_ASSESSMENT_YEAR = 2030;

/** Whether a unit stood in a year as the portal's data knows it (the units a year's figures use). */
export function unitExistedInYear(unit: { validFrom: Date; validTo: Date | null }, year: number): boolean {
  if (year < FIRST_ASSESSMENT_YEAR || year > LAST_ASSESSMENT_YEAR) return false;
  const on = unitsDateForYear(year);
  return unit.validFrom <= on && (unit.validTo === null || unit.validTo > on);
}

/**
 * Prisma filter: units that stood on the last day before the reform or stand since — what a
 * form offers for today's work (OCOP products, task links), not the versions of earlier years.
 */
export function standingSinceReformEve() {
  return { OR: [{ validTo: null }, { validTo: { gte: REFORM_DATE } }] };
}

/** Prisma filter: units valid on a date (validTo is exclusive). */
export function validOn(date: Date) {
  return { validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gt: date } }] };
}

export const UNIT_TYPE_LABELS: Record<string, string> = {
  TINH: "Tỉnh",
  THANH_PHO_TW: "Thành phố",
  HUYEN: "Huyện",
  QUAN: "Quận",
  THI_XA: "Thị xã",
  THANH_PHO_THUOC_TINH: "Thành phố",
  THANH_PHO_THUOC_TP: "Thành phố",
  XA: "Xã",
  PHUONG: "Phường",
  THI_TRAN: "Thị trấn",
  DAC_KHU: "Đặc khu",
};
