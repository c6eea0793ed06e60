import { describe, expect, it } from "vitest";
import {
  aggregate,
  bandOf,
  BANDS_19,
  changeAgainst,
  checkRevocation,
  communeResult,
  communeSetCodeForYear,
  criterionStatus,
  effectiveStatus,
  isIndicatorMet,
  relativeGap,
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

describe("criteria set of a year", () => {
  it.each([[2019, "XA_2016_2020"], [2020, "XA_2016_2020"], [2021, "XA_2021_2025"], [2025, "XA_2021_2025"], [2026, "XA_2026_2030"]])(
    "%i uses %s",
    (year, code) => expect(communeSetCodeForYear(year)).toBe(code),
  );
});
