// Import of assessments from spreadsheets, against the seeded database: round trip, dry run versus
// apply, locked dossiers, concurrency (fingerprint), scope, and every malformed input of issue 6 —
// each must get a Vietnamese problem and leave the database exactly as it was.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { saveCriterion } from "@/lib/assessments/service";
import { db } from "@/lib/db";
import { importAssessments } from "@/lib/imports/service";
import { assessmentGrid, gridToCsv, gridToXlsx, type SheetGrid } from "@/lib/imports/template";
import { columnLetter } from "@/lib/imports/sheet";
import { appErrorOf, communeByCode, onDate, putAssessment, viewerOf } from "./helpers";

const YEAR = 2025;
let province: Viewer;
let provinceId: number;
let grid: SheetGrid;
let template: Buffer;

/** Everything an import may write, as one checksum: values, results, dossiers, audit rows. */
async function databaseState(): Promise<string> {
  const [row] = await db.$queryRaw<{ s: string }[]>`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws(':', "assessmentId", "indicatorId", "numberValue", "boolValue", met), ',' ORDER BY "assessmentId", "indicatorId"), '') FROM "IndicatorValue") ||
      (SELECT coalesce(string_agg(concat_ws(':', "assessmentId", "criterionId", status, version), ',' ORDER BY "assessmentId", "criterionId"), '') FROM "CriterionResult") ||
      (SELECT coalesce(string_agg(concat_ws(':', id, "criteriaMet", "metMask"), ',' ORDER BY id), '') FROM "Assessment") ||
      (SELECT count(*)::text FROM "AuditLog")
    ) AS s`;
  return row.s;
}

async function editXlsx(source: Buffer, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as ArrayBuffer);
  edit(wb.worksheets[0], wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column number (1-based) of a header in the template. */
const col = (header: string) => grid.header.indexOf(header) + 1;
/** Row number (1-based) of a commune in the template. */
const rowOf = (code: string) => 6 + grid.rows.findIndex((r) => r[0] === code);

const run = (viewer: Viewer, bytes: Uint8Array, name = "so-lieu.xlsx", dryRun = false, fingerprint?: string) =>
  importAssessments(viewer, { name, bytes }, { dryRun, fingerprint });

beforeAll(async () => {
  province = await viewerOf("tinh@ntm.demo");
  const tanThanh = await communeByCode("05923", "2025-06-30");
  provinceId = tanThanh.provinceId!;
  grid = await assessmentGrid(province, provinceId, YEAR);
  template = await gridToXlsx(grid);
});

describe("template and round trip", () => {
  it("lists every xã of the province in 2025 with the year's indicators and thresholds", async () => {
    const communes = await db.adminUnit.count({
      where: { provinceId, level: "COMMUNE", type: "XA", validFrom: { lte: new Date("2025-06-30") }, OR: [{ validTo: null }, { validTo: { gt: new Date("2025-06-30") } }] },
    });
    expect(grid.rows).toHaveLength(communes);
    const indicators = await db.indicator.count({ where: { criterion: { set: { code: "XA_2021_2025" } } } });
    expect(grid.header.filter((h) => h.startsWith("CT "))).toHaveLength(indicators);
    expect(grid.header.filter((h) => h.startsWith("TC "))).toHaveLength(19);
    expect(grid.thresholds[col("CT 2.1") - 1]).toMatch(/^≥ \d/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.getCell(3, 1).value).toBe("Mã xã");
    expect(ws.getCell(rowOf("05923"), 1).value).toBe("05923");
  });

  it("imports its own export with no change, in a dry run and for real", async () => {
    const before = await databaseState();
    const dry = await run(province, template, "mau.xlsx", true);
    expect(dry.problems).toEqual([]);
    expect(dry.cells.new + dry.cells.changed).toBe(0);
    expect(dry.cells.unchanged).toBeGreaterThan(0);
    const applied = await run(province, template, "mau.xlsx", false, dry.fingerprint);
    expect(applied.applied).toBe(true);
    expect(applied.cells.new + applied.cells.changed).toBe(0);
    expect(await databaseState()).toBe(before);
  });

  it("reads the CSV of the same grid, with and without BOM", async () => {
    const csv = gridToCsv(grid);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    for (const text of [csv, csv.slice(1)]) {
      const r = await run(province, new TextEncoder().encode(text), "so-lieu.csv", true);
      expect(r.problems).toEqual([]);
      expect(r.format).toBe("csv");
      expect(r.cells.new + r.cells.changed).toBe(0);
    }
  });
});

describe("dry run, apply, and a second import of the same file", () => {
  it("shows the change, writes nothing on the dry run, applies it with audit and recomputed results", async () => {
    const tanThanh = await communeByCode("05923", "2025-06-30");
    const fixture = await putAssessment({ unitId: tanThanh.id, year: YEAR, status: "DRAFT", results: "all-met" });
    const ind = await db.indicator.findFirstOrThrow({ where: { code: "2.1", criterion: { setId: fixture.setId } } });
    await db.indicatorValue.create({ data: { assessmentId: fixture.id, indicatorId: ind.id, numberValue: 100, met: true } });
    const freshGrid = await assessmentGrid(province, provinceId, YEAR);
    const r = 6 + freshGrid.rows.findIndex((x) => x[0] === "05923");
    const file = await editXlsx(await gridToXlsx(freshGrid), (ws) => {
      ws.getCell(r, col("CT 2.1")).value = 42.5;
      ws.getCell(r, col("TC 2")).value = null; // the stored "Đạt" no longer holds: leave it to the portal
    });

    const before = await databaseState();
    const name = `tan-thanh-${Date.now()}.xlsx`;
    const dry = await run(province, file, name, true);
    expect(dry.problems).toEqual([]);
    expect(dry.cells).toMatchObject({ changed: 1, new: 0 });
    expect(dry.assessments.changed).toBe(1);
    expect(dry.changes).toEqual([{ row: r, communeCode: "05923", communeName: tanThanh.name, column: "CT 2.1", before: "100", after: "42,50" }]);
    expect(await databaseState()).toBe(before);
    expect(await db.importJob.count({ where: { status: "DRY_RUN", fileName: name } })).toBe(1);

    const applied = await run(province, file, name, false, dry.fingerprint);
    expect(applied.applied).toBe(true);
    const value = await db.indicatorValue.findUniqueOrThrow({ where: { assessmentId_indicatorId: { assessmentId: fixture.id, indicatorId: ind.id } } });
    expect(Number(value.numberValue)).toBe(42.5);
    expect(value.met).toBe(false);
    const result = await db.criterionResult.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: fixture.id, criterionId: ind.criterionId } } });
    expect(result.status).toBe("NOT_MET");
    const a = await db.assessment.findUniqueOrThrow({ where: { id: fixture.id } });
    expect(a.criteriaMet).toBe(18);
    expect(a.reachedStandard).toBe(false);
    expect(a.metMask & 0b10).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "assessment.import", entityId: String(fixture.id) }, orderBy: { id: "desc" } });
    expect(audit.before).toEqual({ "CT 2.1": 100 });
    expect(audit.after).toMatchObject({ "CT 2.1": 42.5, row: r });

    const again = await run(province, file, name, false);
    expect(again.applied).toBe(true);
    expect(again.cells.new + again.cells.changed).toBe(0);
  });

  it("opens a dossier for a commune that had none", async () => {
    const commune = await communeByCode("05911", "2025-06-30");
    await db.assessment.deleteMany({ where: { unitId: commune.id, year: YEAR } });
    const g = await assessmentGrid(province, provinceId, YEAR);
    const r = 6 + g.rows.findIndex((x) => x[0] === "05911");
    const file = await editXlsx(await gridToXlsx(g), (ws) => {
      ws.getCell(r, col("CT 2.1")).value = 90;
      ws.getCell(r, col("CT 1.1")).value = "Đạt";
    });
    const report = await run(province, file);
    expect(report.applied).toBe(true);
    expect(report.assessments.created).toBe(1);
    expect(report.cells.new).toBe(2);
    const a = await db.assessment.findFirstOrThrow({ where: { unitId: commune.id, year: YEAR }, include: { indicatorValues: true } });
    expect(a.status).toBe("DRAFT");
    expect(a.indicatorValues).toHaveLength(2);
  });

  it("lists a locked dossier and does not overwrite it", async () => {
    const commune = await communeByCode("05923", "2025-06-30");
    const fixture = await putAssessment({ unitId: commune.id, year: YEAR, status: "CONFIRMED", results: "all-met" });
    const g = await assessmentGrid(province, provinceId, YEAR);
    const r = 6 + g.rows.findIndex((x) => x[0] === "05923");
    const file = await editXlsx(await gridToXlsx(g), (ws) => {
      ws.getCell(r, col("CT 2.1")).value = 10;
      ws.getCell(r, col("TC 2")).value = null;
    });
    const before = await databaseState();
    const report = await run(province, file);
    expect(report.locked).toEqual([{ row: r, communeCode: "05923", communeName: commune.name, status: "Đã xác nhận" }]);
    expect(report.cells.changed).toBe(0);
    expect(await databaseState()).toBe(before);
    expect(await db.indicatorValue.count({ where: { assessmentId: fixture.id } })).toBe(0);
  });

  it("refuses to apply when the data changed since the dry run, and changes nothing", async () => {
    const commune = await communeByCode("05923", "2025-06-30");
    const fixture = await putAssessment({ unitId: commune.id, year: YEAR, status: "DRAFT" });
    const g = await assessmentGrid(province, provinceId, YEAR);
    const r = 6 + g.rows.findIndex((x) => x[0] === "05923");
    const file = await editXlsx(await gridToXlsx(g), (ws) => void (ws.getCell(r, col("CT 2.1")).value = 77));
    const dry = await run(province, file, "x.xlsx", true);
    expect(dry.problems).toEqual([]);

    // meanwhile the commune saves criterion 2 on its screen
    const criterion2 = fixture.criteria.find((c) => c.number === 2)!;
    const xa = await viewerOf("xa@ntm.demo");
    await saveCriterion(xa, { communeId: commune.id, year: YEAR, criterionId: criterion2.id, version: 0, values: { [criterion2.indicators[0].id]: "55" }, evidenceNote: "", overrideStatus: "", overrideReason: "" });

    const before = await databaseState();
    const err = await appErrorOf(run(province, file, "x.xlsx", false, dry.fingerprint), "CONFLICT");
    expect(err.message).toMatch(/đã thay đổi kể từ lần kiểm tra thử/);
    expect(await databaseState()).toBe(before);
  });
});

describe("who may import what", () => {
  it("refuses roles without the import permission", async () => {
    for (const email of ["xa@ntm.demo", "bientap@ntm.demo", "lanhdao@ntm.demo", "so@ntm.demo"]) {
      await appErrorOf(run(await viewerOf(email), template, "a.xlsx", true), "FORBIDDEN");
    }
    await appErrorOf(run(null as unknown as Viewer, template, "a.xlsx", true), "UNAUTHENTICATED");
  });

  it("lists every row outside a district officer's district and writes none of the file", async () => {
    const district = await viewerOf("huyen@ntm.demo");
    const tanThanh = await communeByCode("05923", "2025-06-30");
    const g = await assessmentGrid(province, provinceId, YEAR);
    const inDistrict = await db.adminUnit.count({ where: { districtId: tanThanh.districtId, type: "XA", code: { in: g.rows.map((r) => String(r[0])) }, ...onDate("2025-06-30") } });
    const before = await databaseState();
    const report = await run(district, await gridToXlsx(g));
    expect(report.applied).toBe(false);
    const outside = report.problems.filter((p) => /ngoài phạm vi quản lý/.test(p.message));
    expect(outside).toHaveLength(g.rows.length - inDistrict);
    expect(await databaseState()).toBe(before);
  });

  it("does not give a template of a unit outside the scope", async () => {
    const other = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", id: { not: provinceId }, validTo: null } });
    await appErrorOf(assessmentGrid(province, other.id, 2026), "FORBIDDEN");
    await appErrorOf(assessmentGrid(province, null, YEAR), "FORBIDDEN");
  });
});

describe("bad files get a Vietnamese problem and change nothing", () => {
  let state: string;
  beforeAll(async () => {
    state = await databaseState();
  });

  async function refused(bytes: Uint8Array, name: string, expected: RegExp, where?: { row?: number; column?: string }) {
    const report = await run(province, bytes, name);
    expect(report.applied).toBe(false);
    const hit = report.problems.find((p) => expected.test(p.message));
    expect(hit, `problems: ${JSON.stringify(report.problems.slice(0, 3))}`).toBeDefined();
    if (where) expect(hit).toMatchObject(where);
    expect(await databaseState()).toBe(state);
    return report;
  }
  const tanThanhRow = () => rowOf("05923");
  const letter = (header: string) => columnLetter(col(header));

  it("an unknown header", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(3, col("CT 2.1")).value = "Chỉ tiêu lạ"));
    await refused(f, "a.xlsx", /Cột "Chỉ tiêu lạ" không thuộc mẫu/, { row: 3 });
  });
  it("an indicator code not in the year's set", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(3, col("CT 2.1")).value = "CT 2.9"));
    await refused(f, "a.xlsx", /Chỉ tiêu 2\.9 không có trong bộ tiêu chí của năm 2025/);
  });
  it("a missing header row", async () => {
    const f = await gridToXlsx({ ...grid, header: [] });
    await refused(f, "a.xlsx", /Không tìm thấy dòng tiêu đề/);
  });
  it("a missing required column", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(3, col("Năm")).value = null));
    await refused(f, "a.xlsx", /Thiếu cột "Năm"/);
  });
  it("a duplicated column", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(3, col("CT 2.2")).value = "CT 2.1"));
    await refused(f, "a.xlsx", /Cột "CT 2.1" lặp lại/);
  });
  it("text in a number cell", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), col("CT 2.1")).value = "tám mươi"));
    await refused(f, "a.xlsx", /"tám mươi" không phải là số/, { row: tanThanhRow(), header: "CT 2.1" } as never);
  });
  it("a percentage over 100", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), col("CT 2.1")).value = 120));
    await refused(f, "a.xlsx", /Tỷ lệ không được vượt quá 100%/, { row: tanThanhRow() });
  });
  it("a yes/no cell with another word", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), col("CT 1.1")).value = "có lẽ"));
    await refused(f, "a.xlsx", /chỉ tiêu này nhận "Đạt" hoặc "Không đạt"/);
  });
  it("a criterion status that contradicts its indicators", async () => {
    const f = await editXlsx(template, (ws) => {
      ws.getCell(tanThanhRow(), col("CT 2.1")).value = 1;
      ws.getCell(tanThanhRow(), col("TC 2")).value = "Đạt";
    });
    await refused(f, "a.xlsx", /Tiêu chí 2 ghi "Đạt" nhưng theo các chỉ tiêu là "Chưa đạt"/);
  });
  it("an unknown commune code", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), 1).value = "99999"));
    await refused(f, "a.xlsx", /Không có xã mã 99999/, { row: tanThanhRow(), column: "A" });
  });
  it("a code that names another commune than the name says", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), 2).value = "Xã Không Có Thật"));
    await refused(f, "a.xlsx", /không phải "Xã Không Có Thật"/);
  });
  it("a commune outside the user's scope", async () => {
    const hanoi = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", provinceId: { not: provinceId }, province: { code: "01" }, validTo: { not: null } } });
    const f = await editXlsx(template, (ws) => {
      ws.getCell(tanThanhRow(), 1).value = hanoi.code;
      ws.getCell(tanThanhRow(), 2).value = hanoi.name;
    });
    await refused(f, "a.xlsx", /nằm ngoài phạm vi quản lý của bạn/);
  });
  it("duplicate rows", async () => {
    const f = await editXlsx(template, (ws) => {
      const src = ws.getRow(tanThanhRow()).values as ExcelJS.CellValue[];
      ws.addRow(src.slice(1));
    });
    await refused(f, "a.xlsx", /Mã xã 05923 trùng với dòng/);
  });
  it("several years in one file", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), col("Năm")).value = 2024));
    await refused(f, "a.xlsx", /nhiều năm/);
  });
  it("an empty file", async () => {
    await refused(new Uint8Array(), "rong.xlsx", /Tệp rỗng/);
  });
  it("a workbook with a header and no data", async () => {
    const f = await gridToXlsx({ ...grid, rows: [] });
    await refused(f, "a.xlsx", /không có dòng số liệu nào/);
  });
  it("a 30 MB file", async () => {
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set(template.subarray(0, 4));
    await refused(big, "lon.xlsx", /Tệp quá lớn \(30,0 MB\); giới hạn là 20 MB/);
  });
  it("a file of another kind renamed .xlsx", async () => {
    await refused(new TextEncoder().encode("%PDF-1.7\n1 0 obj\n"), "bao-cao.xlsx", /không phải là tệp Excel hợp lệ/);
    await refused(Buffer.from("PK\u0003\u0004 not really a zip"), "hong.xlsx", /không phải là tệp Excel \(\.xlsx\) hợp lệ hoặc đã bị hỏng/);
    await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "cu.xlsx", /\.xls \(Excel 97–2003\) chưa được hỗ trợ/);
  });
  it("a formula cell", async () => {
    const f = await editXlsx(template, (ws) => void (ws.getCell(tanThanhRow(), col("CT 2.1")).value = { formula: "50+40", result: 90 }));
    await refused(f, "a.xlsx", /Ô chứa công thức/, { row: tanThanhRow(), column: letter("CT 2.1") });
  });
  it("a merged header", async () => {
    const f = await editXlsx(template, (ws) => ws.mergeCells(3, col("CT 2.1"), 3, col("CT 2.2")));
    await refused(f, "a.xlsx", /Dòng tiêu đề có ô gộp/, { row: 3 });
  });
});

describe("cells as Excel stores them", () => {
  it("reads a percentage-formatted cell and a code whose leading zero Excel dropped", async () => {
    const commune = await communeByCode("05923", "2025-06-30");
    await putAssessment({ unitId: commune.id, year: YEAR, status: "DRAFT" });
    const g = await assessmentGrid(province, provinceId, YEAR);
    const r = 6 + g.rows.findIndex((x) => x[0] === "05923");
    const f = await editXlsx(await gridToXlsx(g), (ws) => {
      ws.getCell(r, 1).value = 5923;
      const cell = ws.getCell(r, col("CT 2.1"));
      cell.value = 0.855;
      cell.numFmt = "0.0%";
      ws.getCell(r, col("CT 2.2")).value = "72,5";
    });
    const report = await run(province, f, "a.xlsx", true);
    expect(report.problems).toEqual([]);
    expect(report.changes.map((c) => [c.column, c.after])).toEqual([
      ["CT 2.1", "85,50"],
      ["CT 2.2", "72,50"],
    ]);
  });
});

describe("npm run import:assessments", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/import-assessments.ts", ...args], { env: { ...process.env }, encoding: "utf8", timeout: 120_000 });

  it("reports a bad file with row and column, exits 1 and changes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ntm-import-"));
    const path = join(dir, "sai.xlsx");
    writeFileSync(path, await editXlsx(template, (ws) => void (ws.getCell(rowOf("05923"), col("CT 2.1")).value = 150)));
    const before = await databaseState();
    const r = cli([path, "--as", "tinh@ntm.demo"]);
    expect(r.stdout).toMatch(new RegExp(`Dòng ${rowOf("05923")}, cột ${columnLetter(col("CT 2.1"))} \\(CT 2\\.1\\): 150: Tỷ lệ không được vượt quá 100%`));
    expect(r.stdout).toMatch(/Chưa ghi gì/);
    expect(r.status).toBe(1);
    expect(await databaseState()).toBe(before);
  });

  it("applies a CSV and exits 0; a dry run of the same file then finds no change", async () => {
    const commune = await communeByCode("05923", "2025-06-30");
    await putAssessment({ unitId: commune.id, year: YEAR, status: "DRAFT" });
    const g = await assessmentGrid(province, provinceId, YEAR);
    const i = g.rows.findIndex((x) => x[0] === "05923");
    g.rows[i][col("CT 2.1") - 1] = "66,5";
    const dir = mkdtempSync(join(tmpdir(), "ntm-import-"));
    const path = join(dir, "tinh.csv");
    writeFileSync(path, gridToCsv(g));
    const applied = cli([path, "--as", "tinh@ntm.demo"]);
    expect(applied.stdout).toMatch(/Ô số liệu: 1 mới, 0 thay đổi/);
    expect(applied.stdout).toMatch(/Đã ghi vào cơ sở dữ liệu/);
    expect(applied.status).toBe(0);
    const again = cli([path, "--dry-run", "--as", "tinh@ntm.demo"]);
    expect(again.stdout).toMatch(/Ô số liệu: 0 mới, 0 thay đổi/);
    expect(again.status).toBe(0);
  });
});
