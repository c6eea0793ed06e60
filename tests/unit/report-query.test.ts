import { describe, expect, it } from "vitest";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { parseReportQuery, queryObject, reportSearch } from "@/lib/reports/generate";
import { childLevel } from "@/lib/reports/scope";
import { AppError } from "@/lib/errors";
import { ASSESSMENT_YEARS } from "@/lib/assessments/years";

const YEARS = `Chỉ có số liệu các năm 2016–${ASSESSMENT_YEARS.at(-1)}.`;

const validation = (raw: Record<string, unknown>) => {
  try {
    parseReportQuery(raw);
  } catch (err) {
    if (err instanceof AppError && err.code === "VALIDATION") return err;
    throw err;
  }
  throw new Error("expected a VALIDATION error");
};

describe("report query string", () => {
  it.each([
    [{}, {}],
    [{ nam: "2024" }, { nam: 2024 }],
    [{ nam: "", tinh: "" }, {}],
    [{ nam: "2019", tinh: "12", huyen: "181" }, { nam: 2019, tinh: 12, huyen: 181 }],
    [{ nam: "2026", khac: "bỏ qua" }, { nam: 2026 }],
  ])("reads %j as %j", (raw, expected) => {
    expect(parseReportQuery(raw)).toEqual(expected);
  });

  it.each([
    [{ nam: "2024.5" }, "nam", "Tham số nam phải là một năm, ví dụ nam=2025."],
    [{ nam: "2015" }, "nam", YEARS],
    [{ nam: "2099" }, "nam", YEARS],
    [{ tinh: "-1" }, "tinh", "Tham số tinh phải là mã số của đơn vị, ví dụ tinh=12."],
    [{ huyen: "1e3" }, "huyen", "Tham số huyen phải là mã số của đơn vị, ví dụ huyen=12."],
    [{ huyen: ["1", "2"] }, "huyen", "Tham số huyen chỉ được ghi một lần."],
  ])("refuses %j in Vietnamese", (raw, field, message) => {
    const err = validation(raw);
    expect(err.fieldErrors?.[field]).toEqual([message]);
    expect(err.message).toBe(`Tham số báo cáo không hợp lệ: ${message}`);
  });

  it("keeps a repeated parameter as a list, so that it is refused rather than silently picked", () => {
    expect(queryObject(new URLSearchParams("nam=2024&tinh=1&tinh=2"))).toEqual({ nam: "2024", tinh: ["1", "2"] });
  });

  it("writes the query back for links, leaving out what was not chosen", () => {
    expect(reportSearch({ nam: 2024, huyen: 181 })).toBe("?nam=2024&huyen=181");
    expect(reportSearch({})).toBe("");
  });
});

describe("units one level down", () => {
  const unit = (level: DashboardUnit["level"]): DashboardUnit => ({ level, unitId: level === "NATION" ? null : 1, code: null, name: "", scope: {} });
  it.each([
    ["NATION", 2024, "province"],
    ["NATION", 2026, "province"],
    ["PROVINCE", 2025, "district"],
    ["PROVINCE", 2026, "commune"],
    ["DISTRICT", 2020, "commune"],
  ] as const)("%s in %i → %s", (level, year, expected) => {
    expect(childLevel(unit(level), year)).toBe(expected);
  });
});
