// The pure rules of the spreadsheet import: reading a cell, finding the columns, planning the
// change set (lib/imports/layout.ts, lib/imports/plan.ts).
import { describe, expect, it } from "vitest";
import { readLayout } from "@/lib/imports/layout";
import { fileYear, normaliseCode, planImport, readIndicatorCell, type Catalogue, type CommuneRef, type StoredAssessment } from "@/lib/imports/plan";
import { emptyReport } from "@/lib/imports/report";
import type { CellValue, Sheet } from "@/lib/imports/sheet";

describe("readIndicatorCell", () => {
  const pct = { kind: "PERCENT" as const };
  const num = { kind: "NUMBER" as const };
  const yes = { kind: "BOOLEAN" as const };
  it.each([
    [pct, 85.5, 85.5],
    [pct, "85,5", 85.5],
    [pct, "85.5", 85.5],
    [pct, " 90 % ", 90],
    [num, "1.234,5", 1234.5],
    [num, "1.234", 1234],
    [num, 0, 0],
    [num, 12.345, 12.35],
    [yes, "Đạt", true],
    [yes, "đạt", true],
    [yes, "DAT", true],
    [yes, "Không đạt", false],
    [yes, "Chưa đạt", false],
    [yes, true, true],
    [yes, "x", true],
  ] as const)("%o %o → %o", (ind, cell, value) => {
    expect(readIndicatorCell(ind, cell as CellValue)).toEqual({ value });
  });
  it.each([
    [pct, "tám mươi", /không phải là số/],
    [pct, 100.5, /không được vượt quá 100%/],
    [pct, -1, /không được âm/],
    [num, "12abc", /không phải là số/],
    [num, "1,2,3", /không phải là số/],
    [yes, "có lẽ", /"Đạt" hoặc "Không đạt"/],
  ] as const)("%o %o is refused", (ind, cell, message) => {
    const r = readIndicatorCell(ind, cell as CellValue);
    expect(r.value).toBeNull();
    expect(r.error).toMatch(message);
  });
  it("blank is no value", () => {
    expect(readIndicatorCell(pct, null)).toEqual({ value: null });
    expect(readIndicatorCell(pct, "  ")).toEqual({ value: null });
  });
});

describe("normaliseCode", () => {
  it("restores the leading zeros Excel drops and keeps text codes", () => {
    expect(normaliseCode(5923)).toBe("05923");
    expect(normaliseCode("5923")).toBe("05923");
    expect(normaliseCode(" 05923 ")).toBe("05923");
    expect(normaliseCode("ABC")).toBe("ABC");
    expect(normaliseCode(null)).toBe("");
  });
});

// a two-criterion catalogue: 1 = one yes/no indicator; 2 = a percentage ≥ 80 (≥ 70 in region TN)
const catalogue: Catalogue = {
  setId: 1,
  scheme: "REGION_7",
  criteria: [
    { id: 11, number: 1, name: "Quy hoạch", indicators: [{ id: 101, code: "1.1", name: "Có quy hoạch", unit: null, kind: "BOOLEAN", comparison: "EQ", thresholds: [] }] },
    {
      id: 12,
      number: 2,
      name: "Giao thông",
      indicators: [
        {
          id: 201,
          code: "2.1",
          name: "Đường xã",
          unit: "%",
          kind: "PERCENT",
          comparison: "GTE",
          thresholds: [
            { region: null, communeGroup: null, provinceId: null, value: 80 },
            { region: "TN", communeGroup: null, provinceId: null, value: 70 },
          ],
        },
      ],
    },
  ],
};
const commune = (id: number, code: string, name: string, extra: Partial<CommuneRef> = {}): CommuneRef => ({
  id, code, name, isXa: true, provinceId: 1, region: "DBSH", communeGroup: null, inScope: true, ...extra,
});
const communes = new Map([
  ["00001", commune(1, "00001", "Xã An")],
  ["00002", commune(2, "00002", "Xã Bình", { region: "TN" })],
  ["00003", commune(3, "00003", "Phường Cũ", { isXa: false })],
  ["00004", commune(4, "00004", "Xã Xa", { inScope: false })],
]);

function sheet(rows: CellValue[][], extra: Partial<Sheet> = {}): Sheet {
  return { name: "Số liệu", format: "xlsx", rows: rows.map((cells, i) => ({ number: i + 1, cells })), mergedRows: new Set(), formulaCells: [], ...extra };
}
const HEAD = ["Mã xã", "Tên xã", "Năm", "CT 1.1", "CT 2.1", "TC 2"];

function plan(rows: CellValue[][], stored = new Map<number, StoredAssessment>()) {
  const report = emptyReport("t.xlsx");
  const layout = readLayout(sheet([["Tiêu đề"], HEAD, ["Nội dung"], ["Ngưỡng đạt"], ...rows]), report);
  if (!layout) return { report, writes: [] };
  const year = fileYear(layout, report);
  if (year === null) return { report, writes: [] };
  const { writes } = planImport({ layout, year, catalogue, communes, stored }, report);
  return { report, writes };
}

describe("readLayout", () => {
  it("finds the header under title rows and skips the explanation rows", () => {
    const report = emptyReport("t.xlsx");
    const layout = readLayout(sheet([["Tiêu đề"], [], HEAD, ["Nội dung", "x"], ["Ngưỡng đạt"], ["00001", "Xã An", 2025]]), report);
    expect(report.problems).toEqual([]);
    expect(layout?.headerRow).toBe(3);
    expect(layout?.dataRows.map((r) => r.number)).toEqual([6]);
    expect(layout?.columns.map((c) => c.kind)).toEqual(["code", "name", "year", "indicator", "indicator", "criterion"]);
  });
  it("matches headers without regard to case, spaces or diacritics", () => {
    const report = emptyReport("t.xlsx");
    const layout = readLayout(sheet([["ma xa", " TÊN  XÃ ", "nam", "ct2.1"]]), report);
    expect(report.problems).toEqual([]);
    expect(layout?.columns.at(-1)).toMatchObject({ kind: "indicator", code: "2.1" });
  });
  it("refuses a merged header row, formulas and data under no header", () => {
    const report = emptyReport("t.xlsx");
    const layout = readLayout(sheet([HEAD, ["00001", "Xã An", 2025, "Đạt", 90, null, "lạc"]], { mergedRows: new Set([1]), formulaCells: ["E2"] }), report);
    expect(layout).toBeNull();
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/ô gộp/),
      "Cột có số liệu nhưng không có tiêu đề.",
      expect.stringMatching(/công thức/),
    ]);
    expect(report.problems[1]).toMatchObject({ column: "G" });
    expect(report.problems[2]).toMatchObject({ row: 2, column: "E" });
  });
});

describe("planImport", () => {
  it("plans new values, recomputes the criterion with the commune's regional threshold, and counts cells", () => {
    const { report, writes } = plan([
      ["00001", "Xã An", 2025, "Đạt", 75],
      ["00002", "Bình", 2025, "Đạt", 75],
    ]);
    expect(report.problems).toEqual([]);
    expect(report.cells).toEqual({ new: 4, changed: 0, unchanged: 0 });
    expect(report.assessments.created).toBe(2);
    // 75 is under 80 (DBSH: general threshold) but over 70 (Tây Nguyên)
    expect(writes[0].criteria).toEqual([
      { criterionId: 11, computedStatus: "MET", status: "MET" },
      { criterionId: 12, computedStatus: "BASIC", status: "BASIC" },
    ]);
    expect(writes[0].totals).toEqual({ criteriaMet: 1, reachedStandard: false, metMask: 0b01 });
    expect(writes[1].totals).toEqual({ criteriaMet: 2, reachedStandard: true, metMask: 0b11 });
  });

  it("treats a blank cell as no change and an equal value as unchanged", () => {
    const stored = new Map([[1, { id: 9, status: "DRAFT" as const, values: new Map<number, number | boolean | null>([[101, true], [201, 90]]), results: new Map() }]]);
    const { report, writes } = plan([["00001", "Xã An", 2025, null, 90]], stored);
    expect(report.cells).toEqual({ new: 0, changed: 0, unchanged: 1 });
    expect(writes).toEqual([]);
  });

  it("lists a locked dossier instead of writing it", () => {
    const stored = new Map([[1, { id: 9, status: "SUBMITTED" as const, values: new Map([[201, 90]]), results: new Map() }]]);
    const { report, writes } = plan([["00001", "Xã An", 2025, null, 60]], stored);
    expect(writes).toEqual([]);
    expect(report.locked).toEqual([{ row: 5, communeCode: "00001", communeName: "Xã An", status: "Chờ cấp trên xác nhận" }]);
    expect(report.cells.changed).toBe(0);
  });

  it("keeps a manual status with its reason when the indicators change", () => {
    const stored = new Map([
      [1, { id: 9, status: "DRAFT" as const, values: new Map([[201, 90]]), results: new Map([[12, { status: "MET" as const, overrideStatus: "MET" as const, overrideReason: "QĐ bổ sung" }]]) }],
    ]);
    const { report, writes } = plan([["00001", "Xã An", 2025, null, 10, "Đạt"]], stored);
    expect(report.problems).toEqual([]);
    expect(writes[0].criteria).toEqual([{ criterionId: 12, computedStatus: "NOT_MET", status: "MET" }]);
  });

  it("finds every row problem: unknown, not a xã, out of scope, wrong name, duplicate, status mismatch", () => {
    const { report, writes } = plan([
      ["99999", "Xã Lạ", 2025],
      ["00003", "Phường Cũ", 2025],
      ["00004", "Xã Xa", 2025],
      ["00001", "Xã Khác", 2025],
      ["00002", "Xã Bình", 2025, null, 50, "Đạt"],
      ["00002", "Xã Bình", 2025],
    ]);
    expect(writes).toEqual([]);
    expect(report.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [5, "A", expect.stringMatching(/Không có xã mã 99999/)],
      [6, "A", expect.stringMatching(/không phải là xã/)],
      [7, "A", expect.stringMatching(/ngoài phạm vi quản lý/)],
      [8, "B", expect.stringMatching(/Mã 00001 là Xã An, không phải "Xã Khác"/)],
      [9, "F", expect.stringMatching(/Tiêu chí 2 ghi "Đạt" nhưng theo các chỉ tiêu là "Chưa đạt"/)],
      [10, "A", expect.stringMatching(/trùng với dòng 9/)],
    ]);
  });

  it("refuses a file of several years, and an indicator of another criteria set", () => {
    expect(plan([["00001", "Xã An", 2025], ["00002", "Xã Bình", 2024]]).report.problems[0].message).toMatch(/nhiều năm/);
    const report = emptyReport("t.xlsx");
    const layout = readLayout(sheet([["Mã xã", "Tên xã", "Năm", "CT 9.9"], ["00001", "Xã An", 2025]]), report)!;
    planImport({ layout, year: 2025, catalogue, communes, stored: new Map() }, report);
    expect(report.problems[0]).toMatchObject({ row: 1, column: "D", message: "Chỉ tiêu 9.9 không có trong bộ tiêu chí của năm 2025." });
  });

  it("gives the same fingerprint to the same plan and another one when a stored value differs", () => {
    const rows = [["00001", "Xã An", 2025, null, 70]];
    const a = plan(rows).report.fingerprint;
    expect(plan(rows).report.fingerprint).toBe(a);
    const stored = new Map([[1, { id: 9, status: "DRAFT" as const, values: new Map([[201, 60]]), results: new Map() }]]);
    expect(plan(rows, stored).report.fingerprint).not.toBe(a);
  });
});
