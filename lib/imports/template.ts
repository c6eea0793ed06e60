// The assessment spreadsheet of a province or district (or the nation) for a year: the template
// offices fill in, pre-filled with what the portal holds — so it is also the export, and
// importing it back unchanged reports "no change". Layout in lib/imports/layout.ts.
import ExcelJS from "exceljs";
import { assertPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { REPORT_LABELS, type WorkflowStatus } from "@/lib/assessments/workflow";
import { resolveThreshold, type CriterionStatus, type NtmRegion } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { formatDate, formatNumber } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unitVersionOn } from "@/lib/units/queries";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import { criterionHeader, HEADER, indicatorHeader } from "./layout";
import { STATUS_TEXT, type Catalogue, type StoredValue } from "./plan";
import { loadCatalogue } from "./service";
import { columnLetter, type CellValue } from "./sheet";

export interface SheetGrid {
  title: string;
  subtitle: string;
  header: string[];
  labels: string[];
  thresholds: string[];
  rows: CellValue[][];
  /** per column, for data validation and number formats */
  kinds: ("text" | "number" | "percent" | "yesno" | "status")[];
  fileBase: string;
}

const INFO_COLUMNS = 5; // Mã xã, Tên xã, Năm, Huyện, Trạng thái hồ sơ

function thresholdText(comparison: string, kind: string, values: (number | null)[]): string {
  if (kind === "BOOLEAN") return "Đạt";
  const distinct = [...new Set(values.filter((v): v is number => v !== null))].sort((a, b) => a - b);
  if (distinct.length === 0) return "";
  const sign = comparison === "GTE" ? "≥" : comparison === "LTE" ? "≤" : "=";
  return distinct.map((v) => `${sign} ${formatNumber(v, Number.isInteger(v) ? 0 : 2)}`).join(" / ") + (distinct.length > 1 ? " (theo vùng/nhóm xã)" : "");
}

/** Builds the grid of the year's xã of a unit (province or district) or of the nation (unitId null). */
export async function assessmentGrid(viewer: Viewer | null, unitId: number | null, year: number): Promise<SheetGrid> {
  assertPermission(viewer, "import.run");
  const on = unitsDateForYear(year);
  let where: Prisma.AdminUnitWhereInput = { level: "COMMUNE", type: "XA", ...validOn(on) };
  let unitName = "Toàn quốc";
  if (unitId === null) {
    if (viewer.unitId !== null) throw forbidden("Chỉ tài khoản cấp trung ương được tải tệp toàn quốc.");
  } else {
    const unit = await db.adminUnit.findUnique({ where: { id: unitId } });
    if (!unit || unit.level === "COMMUNE") throw notFound("Không tìm thấy tỉnh hoặc huyện.");
    if (!isUnitInScope(viewer, unit)) throw forbidden("Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
    // the year's communes: of the province and those it succeeded (a province of today asked for
    // 2020 covers the provinces of 2020 it came from), or of the district as it stood that year
    where = {
      ...where,
      ...(unit.level === "PROVINCE"
        ? { provinceId: { in: await unitWithPredecessors(unit.id) } }
        : { districtId: (await unitVersionOn(unit.id, on))?.id ?? unit.id }),
    };
    unitName = unit.name;
  }
  const catalogue = await loadCatalogue(db, year);
  if (!catalogue) throw notFound(`Chưa có bộ tiêu chí cho năm ${year}.`);
  const communes = await db.adminUnit.findMany({
    where,
    select: { id: true, code: true, name: true, provinceId: true, region: true, communeGroup: true, district: { select: { name: true } } },
    orderBy: [{ provinceId: "asc" }, { districtId: "asc" }, { code: "asc" }],
  });
  const communeIds = communes.map((c) => c.id);
  const assessments = await db.$queryRaw<{ id: number; unitId: number; status: WorkflowStatus }[]>`
    SELECT id, "unitId", status::text AS status FROM "Assessment" WHERE "unitId" = ANY(${communeIds}::int[]) AND year = ${year} AND "setId" = ${catalogue.setId}`;
  const ids = assessments.map((a) => a.id);
  const values = await db.$queryRaw<{ a: number; i: number; n: number | null; b: boolean | null }[]>`
    SELECT "assessmentId" AS a, "indicatorId" AS i, "numberValue"::float8 AS n, "boolValue" AS b FROM "IndicatorValue" WHERE "assessmentId" = ANY(${ids}::int[])`;
  const results = await db.$queryRaw<{ a: number; c: number; s: CriterionStatus }[]>`
    SELECT "assessmentId" AS a, "criterionId" AS c, status::text AS s FROM "CriterionResult" WHERE "assessmentId" = ANY(${ids}::int[])`;
  const byUnit = new Map(assessments.map((a) => [a.unitId, a]));
  const valueOf = new Map(values.map((v) => [`${v.a}:${v.i}`, (v.b ?? v.n) as StoredValue]));
  const statusOf = new Map(results.map((r) => [`${r.a}:${r.c}`, r.s]));

  const grid: SheetGrid = {
    title: `SỐ LIỆU TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM ${year} — ${unitName.toUpperCase()}`,
    subtitle: `Tải từ Cổng thông tin Nông thôn mới ngày ${formatDate(new Date())}. Để trống ô nào thì ô đó giữ nguyên số liệu trên cổng.`,
    header: [HEADER.code, HEADER.name, HEADER.year, HEADER.district, HEADER.status],
    labels: [HEADER.labels, "", "", "", ""],
    thresholds: [HEADER.thresholds, "", "", "", ""],
    rows: [],
    kinds: ["text", "text", "number", "text", "text"],
    fileBase: `so-lieu-tieu-chi-${year}-${unitId ?? "toan-quoc"}`,
  };
  const columns: ({ indicator: Catalogue["criteria"][number]["indicators"][number] } | { criterionId: number })[] = [];
  for (const c of catalogue.criteria) {
    for (const ind of c.indicators) {
      columns.push({ indicator: ind });
      grid.header.push(indicatorHeader(ind.code));
      const unit = ind.unit ? ` (${ind.unit})` : "";
      grid.labels.push(`${ind.name}${unit}`);
      const thresholds = communes.map(
        (m) => resolveThreshold(ind.thresholds, { region: m.region as NtmRegion | null, communeGroup: m.communeGroup, provinceId: m.provinceId }, catalogue.scheme)?.value ?? null,
      );
      grid.thresholds.push(thresholdText(ind.comparison, ind.kind, thresholds));
      grid.kinds.push(ind.kind === "BOOLEAN" ? "yesno" : ind.kind === "PERCENT" ? "percent" : "number");
    }
    columns.push({ criterionId: c.id });
    grid.header.push(criterionHeader(c.number));
    grid.labels.push(`Tiêu chí ${c.number} – ${c.name}`);
    grid.thresholds.push("Đạt / Cơ bản đạt / Chưa đạt");
    grid.kinds.push("status");
  }
  for (const m of communes) {
    const a = byUnit.get(m.id);
    const row: CellValue[] = [m.code, m.name, year, m.district?.name ?? "", a ? REPORT_LABELS[a.status] : "Chưa có hồ sơ"];
    for (const col of columns) {
      if (!a) row.push(null);
      else if ("indicator" in col) {
        const v = valueOf.get(`${a.id}:${col.indicator.id}`) ?? null;
        row.push(typeof v === "boolean" ? (v ? "Đạt" : "Không đạt") : v);
      } else {
        const s = statusOf.get(`${a.id}:${col.criterionId}`);
        row.push(s ? STATUS_TEXT[s] : null);
      }
    }
    grid.rows.push(row);
  }
  return grid;
}

/** The grid as an .xlsx: header frozen, no merged cells, lists and ranges validated by Excel. */
export async function gridToXlsx(grid: SheetGrid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng thông tin Nông thôn mới";
  wb.created = new Date();
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", xSplit: 2, ySplit: 5 }] });
  ws.addRow([grid.title]).font = { bold: true, size: 12 };
  ws.addRow([grid.subtitle]).font = { italic: true };
  const header = ws.addRow(grid.header);
  header.font = { bold: true };
  const labels = ws.addRow(grid.labels);
  labels.alignment = { wrapText: true, vertical: "top" };
  labels.height = 90;
  labels.font = { size: 9 };
  const thresholds = ws.addRow(grid.thresholds);
  thresholds.font = { size: 9, italic: true };
  for (const row of [header, labels, thresholds]) {
    row.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD6EFDB" } };
      cell.border = { bottom: { style: "thin" } };
    });
  }
  ws.addRows(grid.rows);
  const first = 6;
  const last = Math.max(first, first + grid.rows.length - 1 + 200); // room for rows added by hand
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  grid.kinds.forEach((kind, i) => {
    const col = ws.getColumn(i + 1);
    col.width = i === 1 ? 24 : i < INFO_COLUMNS ? 14 : kind === "status" ? 13 : 11;
    const range = `${columnLetter(i + 1)}${first}:${columnLetter(i + 1)}${last}`;
    if (kind === "yesno") validations.add(range, { type: "list", allowBlank: true, formulae: ['"Đạt,Không đạt"'], showErrorMessage: true, error: "Chọn Đạt hoặc Không đạt." });
    if (kind === "status") validations.add(range, { type: "list", allowBlank: true, formulae: ['"Đạt,Cơ bản đạt,Chưa đạt"'], showErrorMessage: true, error: "Chọn Đạt, Cơ bản đạt hoặc Chưa đạt." });
    if (kind === "percent") validations.add(range, { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100], showErrorMessage: true, error: "Tỷ lệ từ 0 đến 100." });
    if (kind === "number" && i >= INFO_COLUMNS) validations.add(range, { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, error: "Nhập một số không âm." });
  });
  ws.getColumn(1).numFmt = "@"; // codes keep their leading zero

  const help = wb.addWorksheet("Hướng dẫn");
  for (const line of [
    "Hướng dẫn nhập số liệu",
    "1. Mỗi dòng là một xã; không sửa cột Mã xã, Tên xã, Năm và dòng tiêu đề (dòng 3).",
    "2. Chỉ tiêu dạng tỷ lệ nhập số từ 0 đến 100 (ví dụ 85,5); chỉ tiêu dạng có/không chọn Đạt hoặc Không đạt.",
    "3. Để trống ô nào thì ô đó giữ nguyên số liệu trên cổng; không xóa được số liệu bằng tệp.",
    "4. Cột TC là tình trạng tiêu chí; có thể để trống. Nếu điền thì phải khớp với các chỉ tiêu.",
    "5. Không dùng công thức và không gộp ô. Hồ sơ đã trình hoặc đã công nhận sẽ không bị ghi đè.",
    "6. Tải tệp lên tại Quản lý › Nhập số liệu: cổng kiểm tra thử và chỉ ghi khi bạn xác nhận.",
  ]) help.addRow([line]);
  help.getRow(1).font = { bold: true };
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: CellValue): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The same grid as CSV (UTF-8 with BOM so Excel reads the diacritics). */
export function gridToCsv(grid: SheetGrid): string {
  const lines = [grid.header, grid.labels, grid.thresholds, ...grid.rows].map((r) => r.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
