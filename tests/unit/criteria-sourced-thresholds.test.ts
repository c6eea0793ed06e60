import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isIndicatorMet } from "@/lib/criteria/rules";
import { parseSourcedCsv, parseSourcedThreshold, portalRuleOf } from "@/lib/criteria/sourced-thresholds";

// The loader of prisma/data/ntm_indicators_sourced.csv: thresholds as the sources write them,
// turned into the portal's value + comparison.

describe("parseSourcedThreshold", () => {
  it.each([
    ["≥98%", ">=", { comparator: ">=", value: 98, unit: "%" }],
    ["≥ 85 %", ">=", { comparator: ">=", value: 85, unit: "%" }],
    ["≤21,8%", "<=", { comparator: "<=", value: 21.8, unit: "%" }],
    ["≤6%", "<=", { comparator: "<=", value: 6, unit: "%" }],
    ["≥45 triệu đồng/người", ">=", { comparator: ">=", value: 45, unit: "triệu đồng/người" }],
    ["Đạt", "met", { comparator: "met", value: null, unit: null }],
    ["100% đạt tiêu chuẩn CSVC mức độ 1", "met", { comparator: "met", value: null, unit: null }],
    ["100%", "=", { comparator: "=", value: 100, unit: "%" }],
    ["Không", "=", { comparator: "=", value: null, unit: null }],
  ] as const)("reads %j (%s)", (text, comparator, expected) => {
    expect(parseSourcedThreshold(text, comparator)).toEqual(expected);
  });

  it.each([
    ["≥98%", "<=", /trái với/],
    ["≤21,8%", ">=", /trái với/],
    ["khoảng 90%", ">=", /không đọc được/],
    ["≥", ">=", /không đọc được/],
    ["Đạt", "~", /không hợp lệ/],
    ["50%", "=", /không đọc được/],
  ])("refuses %j with %s", (text, comparator, message) => {
    expect(() => parseSourcedThreshold(text, comparator)).toThrow(message);
  });
});

describe("portalRuleOf", () => {
  it.each([
    ["≥98%", ">=", { yesNo: false, comparison: "GTE", value: 98 }],
    ["≤21,8%", "<=", { yesNo: false, comparison: "LTE", value: 21.8 }],
    ["Đạt", "met", { yesNo: true, comparison: "EQ", value: null }],
    // "no temporary or dilapidated houses": a yes/no indicator that must be "Đạt"
    ["Không", "=", { yesNo: true, comparison: "EQ", value: null }],
    // a share cannot pass 100%: "= 100%" is "≥ 100%", which keeps a distance for "cơ bản đạt"
    ["100%", "=", { yesNo: false, comparison: "GTE", value: 100 }],
  ] as const)("%j (%s) → %j", (text, comparator, expected) => {
    expect(portalRuleOf(parseSourcedThreshold(text, comparator))).toEqual(expected);
  });

  it("scores a ≤ rate (15.3, child stunting) as a ceiling", () => {
    const rule = portalRuleOf(parseSourcedThreshold("≤21,8%", "<="));
    const indicator = { kind: "PERCENT", comparison: rule.comparison } as const;
    expect(isIndicatorMet(indicator, rule.value, 20)).toBe(true);
    expect(isIndicatorMet(indicator, rule.value, 21.8)).toBe(true);
    expect(isIndicatorMet(indicator, rule.value, 22)).toBe(false);
  });

  it("scores a “met” indicator as yes/no that must be Đạt", () => {
    const rule = portalRuleOf(parseSourcedThreshold("Đạt", "met"));
    const indicator = { kind: "BOOLEAN", comparison: rule.comparison } as const;
    expect(isIndicatorMet(indicator, rule.value, true)).toBe(true);
    expect(isIndicatorMet(indicator, rule.value, false)).toBe(false);
  });
});

const HEADER = "set,criterion_no,criterion_name,indicator_no,indicator_text,unit,region_or_group,threshold,comparator,direction_inferred,confidence,source_url";

describe("parseSourcedCsv", () => {
  const csv = [
    HEADER,
    '2016-2020,5,Trường học,5,"Tỷ lệ trường học, đạt chuẩn",%,all,≥80%,>=,,one-source,https://a.example/1',
    "2016-2020,15,Y tế,15.3,Tỷ lệ thấp còi,%,TN,\"≤31,4%\",<=,yes,two-sources,https://a.example/2 ; https://b.example/3",
    "2016-2020,17,Môi trường,17.1,Nước — phần nước hợp vệ sinh,%,all,≥95%,>=,,one-source,https://a.example/4",
    "2016-2020,17,Môi trường,17.1,Nước — trong đó nước sạch,%,DBSH,≥65%,>=,,one-source,https://a.example/5",
    "2016-2020,17,Môi trường,17.1,Nước — phần nước hợp vệ sinh,%,DBSH,≥98%,>=,,one-source,https://a.example/6",
    "2021-2025,3,Thủy lợi,3.2,4 tại chỗ,,all,Đạt,met,,one-source,https://a.example/7",
  ].join("\n");
  const rows = parseSourcedCsv(csv);

  it("maps set, region, confidence and the source addresses", () => {
    expect(rows[1]).toMatchObject({
      setCode: "XA_2016_2020", criterionNumber: 15, indicatorCode: "15.3", region: "TN", thresholdText: "≤31,4%",
      comparator: "<=", value: 31.4, directionInferred: true, confidence: "TWO_SOURCES", sourceUrls: ["https://a.example/2", "https://b.example/3"],
    });
    expect(rows[0]).toMatchObject({ region: null, confidence: "ONE_SOURCE", directionInferred: false, indicatorText: "Tỷ lệ trường học, đạt chuẩn" });
    expect(rows[5]).toMatchObject({ setCode: "XA_2021_2025", indicatorCode: "3.2", comparator: "met", value: null });
  });

  it("codes a criterion's only indicator N.1, and the parts of one indicator N.k.1, N.k.2 in order of appearance", () => {
    expect(rows.map((r) => r.indicatorCode)).toEqual(["5.1", "15.3", "17.1.1", "17.1.2", "17.1.1", "3.2"]);
  });

  it.each([
    ["an unknown region", "2016-2020,4,Điện,4.2,Tỷ lệ,%,MIENTAY,≥98%,>=,,one-source,https://a.example", /vùng/],
    ["an unknown set", "2031-2035,4,Điện,4.2,Tỷ lệ,%,all,≥98%,>=,,one-source,https://a.example", /bộ tiêu chí/],
    ["an unknown confidence", "2016-2020,4,Điện,4.2,Tỷ lệ,%,all,≥98%,>=,,three-sources,https://a.example", /độ tin cậy/],
    ["a row without a source", "2016-2020,4,Điện,4.2,Tỷ lệ,%,all,≥98%,>=,,one-source,", /nguồn/],
    ["a non-web source", "2016-2020,4,Điện,4.2,Tỷ lệ,%,all,≥98%,>=,,one-source,javascript:alert(1)", /nguồn/],
    ["an indicator of another criterion", "2016-2020,4,Điện,5.2,Tỷ lệ,%,all,≥98%,>=,,one-source,https://a.example", /tiêu chí/],
  ])("refuses %s, naming the line", (_label, line, message) => {
    expect(() => parseSourcedCsv(`${HEADER}\n${line}`)).toThrow(message);
    expect(() => parseSourcedCsv(`${HEADER}\n${line}`)).toThrow(/dòng 2/);
  });

  it("refuses the same set, indicator and region twice", () => {
    const line = "2016-2020,4,Điện,4.2,Tỷ lệ,%,all,≥98%,>=,,one-source,https://a.example";
    expect(() => parseSourcedCsv(`${HEADER}\n${line}\n${line}`)).toThrow(/trùng/);
  });

  it("reads every one of the 70 rows of prisma/data/ntm_indicators_sourced.csv", () => {
    const all = parseSourcedCsv(readFileSync("prisma/data/ntm_indicators_sourced.csv", "utf8"));
    expect(all).toHaveLength(70);
    expect(all.filter((r) => r.setCode === "XA_2016_2020")).toHaveLength(60);
    expect(all.filter((r) => r.setCode === "XA_2021_2025")).toHaveLength(10);
    expect(all.filter((r) => r.directionInferred).every((r) => r.indicatorCode === "15.3" && r.comparator === "<=")).toBe(true);
  });
});
