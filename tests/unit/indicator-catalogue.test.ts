import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CATALOGUE_2016_2020 } from "../../prisma/data/indicators/2016-2020.ts";
import { CATALOGUE_2021_2025 } from "../../prisma/data/indicators/2021-2025.ts";
import { CATALOGUE_2026_2030 } from "../../prisma/data/indicators/2026-2030.ts";
import type { CriterionSpec, IndicatorSpec, Region } from "../../prisma/data/indicators/types.ts";
import { parseSourcedCsv, type SourcedRow } from "../../lib/criteria/sourced-thresholds.ts";

// Sample indicator catalogues must stay consistent with the sourced criterion list, with the
// sourced thresholds of ntm_indicators_sourced.csv, and with the threshold scheme of their period
// (7 regions up to 2025, 3 commune groups from 2026).

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
const sourced = parseSourcedCsv(readFileSync(fileURLToPath(new URL("../../prisma/data/ntm_indicators_sourced.csv", import.meta.url)), "utf8"));
const SET_OF_PERIOD: Record<string, string> = { "2016-2020": "XA_2016_2020", "2021-2025": "XA_2021_2025", "2026-2030": "XA_2026_2030" };
const sourcedOf = (period: string, code: string) => sourced.filter((r) => r.setCode === SET_OF_PERIOD[period] && r.indicatorCode === code);

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

/**
 * thresholds per region or per group as seeded: the sourced rows over the sample values, the
 * region's own value over the general one
 */
function effectiveThresholds(ind: IndicatorSpec, scheme: Scheme, rows: SourcedRow[] = []): (number | undefined)[] {
  const general = rows.find((r) => r.region === null)?.value ?? ind.general;
  return scheme === "REGION"
    ? REGIONS.map((r) => rows.find((s) => s.region === r)?.value ?? ind.byRegion?.[r] ?? general)
    : GROUPS.map((g) => ind.byGroup?.[g] ?? general);
}

/** "…2016-2020 (triệu đồng/người)" and "…2016–2020" name the same indicator */
const sameName = (a: string) => a.replace(/(\d)-(\d)/g, "$1–$2").replace(/\s*\([^)]*\)$/, "").trim();
/** where the catalogue's name deliberately differs from the source's wording */
const NAME_EXCEPTIONS: Record<string, string> = {
  // the source writes the indicator "Nhà tạm, dột nát" with the threshold "Không"; a yes/no
  // indicator is named for what must hold
  "XA_2016_2020 9.1": "Không có nhà tạm, dột nát",
};

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

  it("numbers indicator codes <criterion>.<position> from 1 (parts of one indicator <criterion>.<position>.<part>), unique within the set", () => {
    const codes = indicatorsOf(catalogue).map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of catalogue) {
      const expected: string[] = [];
      let position = 0;
      let lastPart = 0;
      for (const i of c.indicators) {
        const part = /^\d+\.\d+\.(\d+)$/.exec(i.code)?.[1];
        if (part === undefined || part === "1") position++;
        lastPart = part === undefined ? 0 : lastPart + 1;
        expected.push(part === undefined ? `${c.number}.${position}` : `${c.number}.${position}.${lastPart}`);
      }
      expect(c.indicators.map((i) => i.code)).toEqual(expected);
    }
  });

  it("has every sourced threshold's indicator, with the same yes/no-ness, comparison and wording", () => {
    const rows = sourced.filter((r) => r.setCode === SET_OF_PERIOD[period]);
    for (const r of rows) {
      const ind = indicatorsOf(catalogue).find((i) => i.code === r.indicatorCode);
      expect(ind, `${r.indicatorCode} (line ${r.line})`).toBeDefined();
      expect(ind!.kind === "BOOLEAN", `${r.indicatorCode} (line ${r.line})`).toBe(r.rule.yesNo);
      expect(ind!.comparison, `${r.indicatorCode} (line ${r.line})`).toBe(r.rule.comparison);
      const exception = NAME_EXCEPTIONS[`${r.setCode} ${r.indicatorCode}`];
      expect(sameName(ind!.name), `${r.indicatorCode} (line ${r.line})`).toBe(exception ?? sameName(r.indicatorText));
    }
  });

  it("holds no sample value where a source gives one (the sourced file is the one place for it)", () => {
    for (const ind of indicatorsOf(catalogue)) {
      for (const r of sourcedOf(period, ind.code)) {
        if (r.region === null) expect(ind.general, `${ind.code} general`).toBeUndefined();
        else expect(ind.byRegion?.[r.region], `${ind.code} ${r.region}`).toBeUndefined();
      }
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
      for (const t of effectiveThresholds(ind, scheme, sourcedOf(period, ind.code))) {
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
      for (const t of effectiveThresholds(ind, scheme, sourcedOf(period, ind.code))) {
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
