import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CATALOGUE_2016_2020 } from "../../prisma/data/indicators/2016-2020.ts";
import { CATALOGUE_2021_2025 } from "../../prisma/data/indicators/2021-2025.ts";
import { CATALOGUE_2026_2030 } from "../../prisma/data/indicators/2026-2030.ts";
import type { CriterionSpec, IndicatorSpec, Region } from "../../prisma/data/indicators/types.ts";

// Sample indicator catalogues must stay consistent with the sourced criterion list and with the
// threshold scheme of their period (7 regions up to 2025, 3 commune groups from 2026).

const REGIONS: Region[] = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];
const GROUPS = [1, 2, 3] as const;
const DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

interface CsvRow {
  period: string;
  no: string;
}
const csvRows: CsvRow[] = parse(
  readFileSync(fileURLToPath(new URL("../../prisma/data/ntm_criteria.csv", import.meta.url)), "utf8"),
  { columns: true, skip_empty_lines: true, trim: true },
);
const criterionNumbersOf = (period: string) =>
  csvRows.filter((r) => r.period === period).map((r) => Number(r.no));

type Scheme = "REGION" | "GROUP";
interface Case {
  period: string;
  catalogue: CriterionSpec[];
  scheme: Scheme;
  /** exact indicator total when the decision states it */
  total?: number;
}
const CASES: Case[] = [
  { period: "2016-2020", catalogue: CATALOGUE_2016_2020, scheme: "REGION" },
  { period: "2021-2025", catalogue: CATALOGUE_2021_2025, scheme: "REGION" },
  { period: "2026-2030", catalogue: CATALOGUE_2026_2030, scheme: "GROUP", total: 47 },
];

const indicatorsOf = (catalogue: CriterionSpec[]) => catalogue.flatMap((c) => c.indicators);
const numericOf = (catalogue: CriterionSpec[]) => indicatorsOf(catalogue).filter((i) => i.kind !== "BOOLEAN");

/** thresholds per region or per group, `general` filling the keys a specific map leaves out */
function effectiveThresholds(ind: IndicatorSpec, scheme: Scheme): (number | undefined)[] {
  return scheme === "REGION"
    ? REGIONS.map((r) => ind.byRegion?.[r] ?? ind.general)
    : GROUPS.map((g) => ind.byGroup?.[g] ?? ind.general);
}

describe.each(CASES)("indicator catalogue $period", ({ period, catalogue, scheme, total }) => {
  it("has each criterion of the period in ntm_criteria.csv exactly once, and no other", () => {
    const expected = criterionNumbersOf(period);
    expect(expected.length).toBeGreaterThan(0);
    const numbers = catalogue.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });

  it("gives every criterion a responsible department and at least one indicator", () => {
    for (const c of catalogue) {
      expect(c.responsibleDepartment.trim(), `criterion ${c.number}`).not.toBe("");
      expect(c.indicators.length, `criterion ${c.number}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("numbers indicator codes <criterion>.<position> from 1, unique within the set", () => {
    const codes = indicatorsOf(catalogue).map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of catalogue) {
      expect(c.indicators.map((i) => i.code)).toEqual(c.indicators.map((_, k) => `${c.number}.${k + 1}`));
    }
  });

  if (total !== undefined) {
    it(`has exactly ${total} indicators in total`, () => {
      expect(indicatorsOf(catalogue)).toHaveLength(total);
    });
  }

  it("makes yes/no indicators EQ with no unit and no thresholds, and only those EQ", () => {
    for (const ind of indicatorsOf(catalogue)) {
      expect(ind.kind === "BOOLEAN", ind.code).toBe(ind.comparison === "EQ");
      if (ind.kind === "BOOLEAN") {
        expect(ind.unit, ind.code).toBeUndefined();
        expect(ind.general, ind.code).toBeUndefined();
        expect(ind.byRegion, ind.code).toBeUndefined();
        expect(ind.byGroup, ind.code).toBeUndefined();
      }
    }
  });

  it(`gives every numeric indicator a threshold for every ${scheme === "REGION" ? "region" : "commune group"}`, () => {
    for (const ind of numericOf(catalogue)) {
      expect(["GTE", "LTE"], ind.code).toContain(ind.comparison);
      expect(ind.unit?.trim(), ind.code).toBeTruthy();
      for (const t of effectiveThresholds(ind, scheme)) {
        expect(typeof t === "number" && Number.isFinite(t) && t >= 0, ind.code).toBe(true);
      }
    }
  });

  it("uses only the threshold map of its period's scheme", () => {
    for (const ind of numericOf(catalogue)) {
      if (scheme === "REGION") expect(ind.byGroup, ind.code).toBeUndefined();
      else expect(ind.byRegion, ind.code).toBeUndefined();
    }
  });

  it("keeps percent thresholds within 0..100 with unit %", () => {
    for (const ind of numericOf(catalogue).filter((i) => i.kind === "PERCENT")) {
      expect(ind.unit, ind.code).toBe("%");
      for (const t of effectiveThresholds(ind, scheme)) {
        expect(t, ind.code).toBeGreaterThanOrEqual(0);
        expect(t, ind.code).toBeLessThanOrEqual(100);
      }
    }
  });

  if (scheme === "GROUP") {
    it("is strictest for group 1 and most lenient for group 3", () => {
      for (const ind of numericOf(catalogue)) {
        const [g1, g2, g3] = effectiveThresholds(ind, scheme) as number[];
        if (ind.comparison === "GTE") expect(g1 >= g2 && g2 >= g3, ind.code).toBe(true);
        else expect(g1 <= g2 && g2 <= g3, ind.code).toBe(true);
      }
    });
  }

  it("names every indicator, in Vietnamese with diacritics", () => {
    const names = indicatorsOf(catalogue).map((i) => i.name);
    for (const n of names) expect(n.trim()).not.toBe("");
    expect(names.some((n) => DIACRITICS.test(n))).toBe(true);
  });
});
