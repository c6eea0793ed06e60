// Which administrative units a year's figures use. The data holds the units of 1/3/2025 (the
// last before the reform; earlier boundaries are not in prisma/data) and those from 1/7/2025.

export const REFORM_DATE = new Date(Date.UTC(2025, 6, 1));

/** The date whose units a year's commune list uses: up to 2025 the pre-reform communes. */
export function unitsDateForYear(year: number): Date {
  return year <= 2025 ? new Date(Date.UTC(2025, 5, 30)) : new Date(Date.UTC(year, 11, 31));
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
