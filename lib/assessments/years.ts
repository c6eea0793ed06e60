import { FIRST_ASSESSMENT_YEAR } from "@/lib/units/rules";

/** Years the portal offers: from the first year of the 2016–2020 criteria to the year under way. */
export const ASSESSMENT_YEARS = Array.from({ length: new Date().getUTCFullYear() - FIRST_ASSESSMENT_YEAR + 1 }, (_, i) => FIRST_ASSESSMENT_YEAR + i);
/**
 * The year dashboards open on: the last year of the 2021–2025 phase, whose reports are confirmed;
 * the reports of the year under way are still being entered.
 */
export const DEFAULT_YEAR = 2025;

export function parseYear(value: string | undefined, fallback = DEFAULT_YEAR): number {
  const y = Number.parseInt(value ?? "", 10);
  return ASSESSMENT_YEARS.includes(y) ? y : fallback;
}
