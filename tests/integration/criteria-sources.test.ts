// The seeded criteria sets carry their legal dates, and every threshold a public source states
// (prisma/data/ntm_indicators_sourced.csv) is in the database with that source; the rest stays "mẫu".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { COMMUNE_SET_TERMS, communeSetCodeForYear, reportYearsOf } from "@/lib/criteria/rules";
import { parseSourcedCsv } from "@/lib/criteria/sourced-thresholds";

const rows = parseSourcedCsv(readFileSync("prisma/data/ntm_indicators_sourced.csv", "utf8"));
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

describe("criteria sets by their legal dates", () => {
  it("has the 2010–2015 set of QĐ 491/QĐ-TTg, marked as held without its criteria", async () => {
    const set = await db.criteriaSet.findUniqueOrThrow({ where: { code: "XA_2010_2015" }, include: { criteria: true, phase: true } });
    expect(set).toMatchObject({ decision: "491/QĐ-TTg", level: "COMMUNE", lastReportYear: 2015 });
    expect(day(set.decisionDate)).toBe("2009-04-16");
    expect(day(set.inForceTo)).toBe("2016-10-16");
    expect(set.phase.code).toBe("2010-2015");
    expect(set.criteria).toHaveLength(0);
    expect(set.note).toMatch(/chưa có tên và chỉ tiêu/);
  });

  it.each(COMMUNE_SET_TERMS.map((t) => [t.code, t] as const))("%s records the dates of rules.ts and the report years the rule gives it", async (code, term) => {
    const set = await db.criteriaSet.findUniqueOrThrow({ where: { code } });
    expect({ decision: set.decision, from: day(set.inForceFrom), to: day(set.inForceTo) }).toEqual({ decision: term.decision, from: term.inForceFrom, to: term.inForceTo });
    const years = reportYearsOf(code);
    expect([set.firstReportYear, set.lastReportYear]).toEqual([years.first, years.last]);
    expect(communeSetCodeForYear(set.firstReportYear!)).toBe(code);
  });

  it("judges the reports of 2021 by QĐ 1980 and of 2022 by QĐ 318, per the sets' own report years", async () => {
    const of = (year: number) => db.criteriaSet.findFirstOrThrow({ where: { level: "COMMUNE", firstReportYear: { lte: year }, OR: [{ lastReportYear: null }, { lastReportYear: { gte: year } }] } });
    expect((await of(2021)).decision).toBe("1980/QĐ-TTg");
    expect((await of(2022)).decision).toBe("318/QĐ-TTg");
    expect((await of(2026)).decision).toBe("51/2025/QĐ-TTg");
  });

  it("records QĐ 211/QĐ-TTg as an amendment of the 318 set from 1/3/2024, its changed indicators not held", async () => {
    const amendments = await db.criteriaSetAmendment.findMany({ include: { set: { select: { code: true } } } });
    expect(amendments.map((a) => [a.set.code, a.decision, day(a.inForceFrom), a.indicatorsHeld])).toEqual([["XA_2021_2025", "211/QĐ-TTg", "2024-03-01", false]]);
  });
});

describe("thresholds with their sources", () => {
  it("holds every one of the 70 rows of ntm_indicators_sourced.csv with its value, comparison, source and confidence", async () => {
    expect(rows).toHaveLength(70);
    for (const r of rows) {
      const where = `${r.setCode} ${r.indicatorCode} ${r.region ?? "chung"} (dòng ${r.line})`;
      const indicator = await db.indicator.findFirst({
        where: { code: r.indicatorCode, criterion: { number: r.criterionNumber, set: { code: r.setCode } } },
        include: { thresholds: { where: { region: r.region, communeGroup: null, provinceId: null } } },
      });
      expect(indicator, where).not.toBeNull();
      expect(indicator!.isSample, where).toBe(false);
      expect(indicator!.comparison, where).toBe(r.rule.comparison);
      expect(indicator!.kind === "BOOLEAN", where).toBe(r.rule.yesNo);
      const [t] = indicator!.thresholds;
      expect(t, where).toBeDefined();
      expect(t.value === null ? null : Number(t.value), where).toBe(r.rule.value);
      expect(t.isSample, where).toBe(false);
      expect(t.confidence, where).toBe(r.confidence);
      for (const url of r.sourceUrls) expect(t.source, where).toContain(url);
      expect(t.note, where).toContain(r.thresholdText);
    }
  });

  it("scores child stunting (15.3, 2016–2020) as a ceiling: ≤ 31,4% in Tây Nguyên", async () => {
    const t = await db.indicatorThreshold.findFirstOrThrow({
      where: { region: "TN", provinceId: null, indicator: { code: "15.3", criterion: { set: { code: "XA_2016_2020" } } } },
      include: { indicator: true },
    });
    expect([t.indicator.comparison, Number(t.value), t.confidence]).toEqual(["LTE", 31.4, "ONE_SOURCE"]);
    expect(t.note).toMatch(/suy ra/);
  });

  it("keeps every threshold without a source flagged sample, and only those", async () => {
    const national = await db.indicatorThreshold.findMany({ where: { provinceId: null }, select: { isSample: true, source: true, confidence: true } });
    const withoutSource = national.filter((t) => t.source === null);
    expect(withoutSource.length).toBeGreaterThan(0);
    expect(withoutSource.every((t) => t.isSample && t.confidence === null)).toBe(true);
    expect(national.filter((t) => t.source !== null)).toHaveLength(70);
    expect(national.filter((t) => t.source !== null).every((t) => !t.isSample && t.confidence !== null)).toBe(true);
  });

  it("keeps the 2026–2030 set entirely sample: no source states its indicators", async () => {
    expect(await db.indicatorThreshold.count({ where: { isSample: false, indicator: { criterion: { set: { code: "XA_2026_2030" } } } } })).toBe(0);
    expect(await db.indicator.count({ where: { isSample: false, criterion: { set: { code: "XA_2026_2030" } } } })).toBe(0);
  });
});
