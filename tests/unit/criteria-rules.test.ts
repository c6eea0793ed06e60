import { describe, expect, it } from "vitest";
import {
  aggregate,
  amendmentsForYear,
  bandLabel,
  bandOf,
  bandsAreProvisional,
  bandsFor,
  BANDS_19,
  changeAgainst,
  checkRevocation,
  communeResult,
  COMMUNE_SET_TERMS,
  communeSetCodeForDate,
  communeSetCodeForYear,
  criterionStatus,
  effectiveStatus,
  isIndicatorMet,
  relativeGap,
  reportYearsOf,
  resolveThreshold,
  tierOf,
  type CriterionStatus,
  type ThresholdRow,
} from "@/lib/criteria/rules";

const t = (value: number, extra: Partial<ThresholdRow> = {}): ThresholdRow => ({ region: null, communeGroup: null, provinceId: null, value, ...extra });

describe("resolveThreshold", () => {
  const rows = [t(90), t(70, { region: "TDMNPB" }), t(98, { region: "DBSH" }), t(80, { provinceId: 7 }), t(60, { provinceId: 7, region: "TDMNPB" })];
  const groups = [t(85), t(95, { communeGroup: 1 }), t(75, { communeGroup: 3 })];
  it.each([
    ["the general target when the region has none", rows, { region: "BTB", communeGroup: null, provinceId: 1 }, "REGION_7", 90],
    ["the region's target", rows, { region: "TDMNPB", communeGroup: null, provinceId: 1 }, "REGION_7", 70],
    ["a province override over the national target", rows, { region: "BTB", communeGroup: null, provinceId: 7 }, "REGION_7", 80],
    ["a province override for the region over the province's general one", rows, { region: "TDMNPB", communeGroup: null, provinceId: 7 }, "REGION_7", 60],
    ["the commune group's target (2026–2030)", groups, { region: null, communeGroup: 1, provinceId: 1 }, "COMMUNE_GROUP_3", 95],
    ["the general target for an unlisted group", groups, { region: null, communeGroup: 2, provinceId: 1 }, "COMMUNE_GROUP_3", 85],
    ["regions ignored under the group scheme", rows, { region: "TDMNPB", communeGroup: 2, provinceId: 1 }, "COMMUNE_GROUP_3", 90],
  ] as const)("picks %s", (_l, list, ctx, scheme, expected) => {
    expect(resolveThreshold(list, ctx, scheme)?.value).toBe(expected);
  });
});

describe("isIndicatorMet and relativeGap", () => {
  const gte = { kind: "PERCENT", comparison: "GTE" } as const;
  const lte = { kind: "PERCENT", comparison: "LTE" } as const;
  const yes = { kind: "BOOLEAN", comparison: "EQ" } as const;
  it.each([
    [gte, 90, 90, true],
    [gte, 90, 89.9, false],
    [lte, 6, 6, true],
    [lte, 6, 6.1, false],
    [yes, null, true, true],
    [yes, null, false, false],
    [gte, 90, null, null],
  ] as const)("%o with threshold %s and value %s → %s", (rule, threshold, value, expected) => {
    expect(isIndicatorMet(rule, threshold, value)).toBe(expected);
  });
  it("measures the shortfall relative to the threshold", () => {
    expect(relativeGap(gte, 90, 81)).toBeCloseTo(0.1);
    expect(relativeGap(lte, 10, 12)).toBeCloseTo(0.2);
    expect(relativeGap(gte, 90, 95)).toBe(0);
    expect(relativeGap(yes, null, false)).toBeNull();
  });
});

describe("criterionStatus", () => {
  it.each([
    ["every indicator met", [{ met: true, gap: 0 }, { met: true, gap: null }], "MET"],
    ["an unmet number within 10% of its threshold", [{ met: true, gap: 0 }, { met: false, gap: 0.05 }], "BASIC"],
    ["an unmet number just at the 10% edge", [{ met: false, gap: 0.1 }], "BASIC"],
    ["an unmet number further away", [{ met: true, gap: 0 }, { met: false, gap: 0.11 }], "NOT_MET"],
    ["an unmet yes/no indicator", [{ met: true, gap: 0 }, { met: false, gap: null }], "NOT_MET"],
    ["a missing value", [{ met: true, gap: 0 }, { met: null, gap: null }], "NOT_MET"],
    ["no indicators at all", [], "NOT_MET"],
  ] as const)("%s → %s", (_l, indicators, expected) => {
    expect(criterionStatus(indicators)).toBe(expected);
  });

  it("applies a manual status only with a written reason", () => {
    expect(effectiveStatus("NOT_MET", { status: "MET", reason: "Đã hoàn thành, chờ số liệu thống kê" })).toBe("MET");
    expect(effectiveStatus("NOT_MET", { status: "MET", reason: "   " })).toBe("NOT_MET");
    expect(effectiveStatus("BASIC", null)).toBe("BASIC");
  });
});

describe("bands and commune results", () => {
  it.each([
    [19, "19"], [18, "15-18"], [15, "15-18"], [14, "10-14"], [10, "10-14"], [9, "5-9"], [5, "5-9"], [4, "<5"], [0, "<5"],
  ])("%i criteria fall in band %s", (met, band) => {
    expect(bandOf(met, BANDS_19).key).toBe(band);
  });

  it("counts only đạt and reaches the standard at 19/19", () => {
    const statuses: CriterionStatus[] = [...Array(17).fill("MET"), "BASIC", "NOT_MET"];
    expect(communeResult(statuses, 19)).toEqual({ criteriaMet: 17, criteriaTotal: 19, reachedStandard: false, band: "15-18" });
    expect(communeResult(Array(10).fill("MET"), 10).reachedStandard).toBe(true);
  });

  it("reaches a higher tier only while the standard holds", () => {
    expect(tierOf(true, ["ADVANCED"])).toBe("ADVANCED");
    expect(tierOf(true, [])).toBe("NTM");
    expect(tierOf(false, ["MODEL"])).toBe("NONE");
  });
});

describe("aggregate", () => {
  // hand-computed: 3 communes, 19 + 17 + 16 = 52 criteria → 17,33; 1 of 3 reached = 33,3%
  const communes = [
    { communeId: 1, districtId: 10, criteriaMet: 19, criteriaTotal: 19, reachedStandard: true, unmetCriteria: [] },
    { communeId: 2, districtId: 10, criteriaMet: 17, criteriaTotal: 19, reachedStandard: false, unmetCriteria: [10, 17] },
    { communeId: 3, districtId: 11, criteriaMet: 16, criteriaTotal: 19, reachedStandard: false, unmetCriteria: [10, 13, 17] },
  ];
  it("computes reached, percent, two-decimal average, bands, huyện trắng and most unmet", () => {
    const a = aggregate(communes, { districtIds: [10, 11, 12] });
    expect(a).toMatchObject({ communesAssessed: 3, communesReached: 1, reachedPercent: 33.3, averageCriteria: 17.33 });
    expect(a.bands).toEqual({ "19": 1, "15-18": 2, "10-14": 0, "5-9": 0, "<5": 0 });
    expect(a.districtsWithoutReached).toEqual([11, 12]);
    expect(a.mostUnmet.slice(0, 2)).toEqual([{ criterion: 10, communes: 2 }, { criterion: 17, communes: 2 }]);
  });
  it("rounds the average half up to two decimals (17,225 → 17,23)", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ communeId: i, districtId: null, criteriaMet: i < 9 ? 18 : 17, criteriaTotal: 19, reachedStandard: false }));
    expect(aggregate(many).averageCriteria).toBe(17.23); // 689/40 = 17.225
  });
  it("reports the change against the previous year", () => {
    const now = aggregate(communes);
    const before = aggregate(communes.slice(1));
    expect(changeAgainst(now, before)).toEqual({ communesReached: 1, reachedPercent: 33.3, averageCriteria: 0.83 });
    expect(changeAgainst(now, null)).toBeNull();
  });
  it("is empty-safe", () => {
    expect(aggregate([])).toMatchObject({ communesAssessed: 0, reachedPercent: 0, averageCriteria: 0 });
  });
});

describe("revocation (QĐ 18/2022)", () => {
  const criteria = (failing: number, keyFailing: boolean) =>
    Array.from({ length: 19 }, (_, i) => ({ status: (i < failing ? "NOT_MET" : "MET") as CriterionStatus, isKey: keyFailing && i === 0 }));
  it.each([
    ["10/19 failing (≥ 50%)", 10, false, true],
    ["9/19 failing without a key criterion", 9, false, false],
    ["6/19 failing (31,6%) including a key criterion", 6, true, true],
    ["5/19 failing (26,3%) including a key criterion", 5, true, false],
  ])("%s → flagged %s", (_l, failing, key, flagged) => {
    expect(checkRevocation({ recognised: true, criteria: criteria(failing, key) }).flagged).toBe(flagged);
  });
  it("never flags a commune that was not recognised", () => {
    expect(checkRevocation({ recognised: false, criteria: criteria(19, true) }).flagged).toBe(false);
  });
});

describe("criteria set of a year: the set in force on 31 December of the report year", () => {
  it.each([
    [2012, "XA_2010_2015"], // QĐ 491/QĐ-TTg (2009)
    [2015, "XA_2010_2015"],
    [2016, "XA_2016_2020"], // QĐ 1980/QĐ-TTg of 17/10/2016
    [2020, "XA_2016_2020"],
    [2021, "XA_2016_2020"], // QĐ 318/QĐ-TTg took effect only on 8/3/2022
    [2022, "XA_2021_2025"],
    [2024, "XA_2021_2025"], // as amended by QĐ 211/QĐ-TTg from 1/3/2024
    [2025, "XA_2021_2025"], // QĐ 51/2025/QĐ-TTg takes effect only on 15/2/2026
    [2026, "XA_2026_2030"],
    [2030, "XA_2026_2030"],
  ])("%i uses %s", (year, code) => expect(communeSetCodeForYear(year)).toBe(code));

  it.each([
    ["2016-10-16", "XA_2010_2015"],
    ["2016-10-17", "XA_2016_2020"],
    ["2022-03-07", "XA_2016_2020"],
    ["2022-03-08", "XA_2021_2025"],
    ["2026-02-14", "XA_2021_2025"],
    ["2026-02-15", "XA_2026_2030"],
  ])("on %s the set in force is %s", (date, code) => expect(communeSetCodeForDate(date)).toBe(code));

  it("gives each set the report years the rule gives it, without gap or overlap", () => {
    const years = COMMUNE_SET_TERMS.map((t) => ({ code: t.code, ...reportYearsOf(t.code) }));
    expect(years).toEqual([
      { code: "XA_2010_2015", first: 2009, last: 2015 },
      { code: "XA_2016_2020", first: 2016, last: 2021 },
      { code: "XA_2021_2025", first: 2022, last: 2025 },
      { code: "XA_2026_2030", first: 2026, last: null },
    ]);
    for (const y of years) for (let year = y.first; year <= (y.last ?? 2035); year++) expect(communeSetCodeForYear(year)).toBe(y.code);
  });

  it("records QĐ 211/QĐ-TTg as an amendment of the 318 set in force from 1/3/2024, for the reports of 2024 and 2025", () => {
    expect(amendmentsForYear(2023)).toEqual([]);
    expect(amendmentsForYear(2024).map((a) => [a.decision, a.inForceFrom, a.indicatorsHeld])).toEqual([["211/QĐ-TTg", "2024-03-01", false]]);
    expect(amendmentsForYear(2025)).toHaveLength(1);
    expect(amendmentsForYear(2026)).toEqual([]);
  });
});

describe("bands of the 10-criteria set are provisional", () => {
  it("marks every band of the 2026–2030 set tạm tính, none of the 19-criteria sets", () => {
    expect(bandsFor(10).every((b) => b.provisional)).toBe(true);
    expect(bandsFor(19).some((b) => b.provisional)).toBe(false);
    expect(bandsAreProvisional(10)).toBe(true);
    expect(bandsAreProvisional(19)).toBe(false);
  });
  it("labels a provisional band with “tạm tính”", () => {
    expect(bandLabel(bandOf(9, bandsFor(10)))).toBe("8–9 tiêu chí (tạm tính)");
    expect(bandLabel(bandOf(17, bandsFor(19)))).toBe("15–18 tiêu chí");
  });
});
