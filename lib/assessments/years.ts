/** Years the portal offers: from the first demo/assessment year to the current phase. */
export const ASSESSMENT_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
export const DEFAULT_YEAR = 2025;

export function parseYear(value: string | undefined, fallback = DEFAULT_YEAR): number {
  const y = Number.parseInt(value ?? "", 10);
  return ASSESSMENT_YEARS.includes(y) ? y : fallback;
}
