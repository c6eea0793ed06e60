import { describe, expect, it } from "vitest";
import { unitExistedInYear, unitsDateForYear } from "@/lib/units/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the units a year's figures use", () => {
  it.each([
    [2016, "2016-12-31"],
    [2019, "2019-12-31"],
    [2020, "2020-12-31"],
    [2024, "2024-12-31"], // no GSO list of that day: see lib/units/rules.ts
    [2025, "2025-06-30"], // the last day before the reform
    [2026, "2026-12-31"],
    [2030, "2030-12-31"],
  ])("%i → the units of %s", (year, iso) => {
    expect(unitsDateForYear(year)).toEqual(d(iso));
  });

  it.each([
    ["a commune of 2016–2019, merged on 1/1/2020", "2015-08-31", "2020-01-01", [2016, 2019], [2020, 2025]],
    ["a commune formed on 1/1/2020, merged on 1/12/2024", "2020-01-01", "2024-12-01", [2020, 2023], [2019, 2024]],
    ["a commune of 1/3/2025 unchanged since 2015", "2015-08-31", "2025-07-01", [2016, 2025], [2026, 2015]],
    ["a commune of 1/3/2025 only", "2025-03-01", "2025-07-01", [2025], [2024, 2026]],
    ["a commune since 1/7/2025", "2025-07-01", null, [2026, 2030], [2025, 2031]],
  ])("%s stood in the right years", (_label, from, to, yes, no) => {
    const unit = { validFrom: d(from), validTo: to === null ? null : d(to) };
    for (const y of yes) expect(unitExistedInYear(unit, y), `${y}`).toBe(true);
    for (const y of no) expect(unitExistedInYear(unit, y), `${y}`).toBe(false);
  });
});
