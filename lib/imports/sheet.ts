// Reading an uploaded spreadsheet into rows of plain cell values, refusing what cannot be read
// safely: a file that is not what its name says, formulas (their cached result may be stale),
// merged cells in the header, sheets beyond the size the portal accepts. XLSX through exceljs,
// CSV through csv-parse (UTF-8, with or without BOM); no parsing by hand.
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import type { ImportProblem } from "./report";

/** Larger files are refused before parsing: a province file is ~0.2 MB, the whole nation ~6 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export type CellValue = string | number | boolean | null;

export interface SheetRow {
  /** row number as the spreadsheet shows it (1-based) */
  number: number;
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  format: "xlsx" | "csv";
  rows: SheetRow[];
  /** rows (1-based) touched by a merged range */
  mergedRows: Set<number>;
  /** cells holding a formula, as "C7" */
  formulaCells: string[];
}

export type ReadResult = { sheet: Sheet } | { problem: ImportProblem };

/** "C" for column 3. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

const fileProblem = (message: string): { problem: ImportProblem } => ({ problem: { message } });

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  for (const b of head) if (b === 0) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.length < bytes.length ? head.subarray(0, lastCompleteUtf8(head)) : head);
    return true;
  } catch {
    return false;
  }
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function lastCompleteUtf8(bytes: Uint8Array): number {
  let i = bytes.length;
  for (let back = 0; back < 4 && i > 0; back++) {
    const b = bytes[i - 1];
    if ((b & 0xc0) !== 0x80) return (b & 0x80) === 0 ? bytes.length : i - 1;
    i--;
  }
  return bytes.length;
}

/** Reads the first worksheet of an XLSX file, or a CSV file. */
export async function readSheet(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.length === 0) return fileProblem("Tệp rỗng (0 byte). Hãy chọn tệp mẫu đã điền số liệu.");
  if (bytes.length > IMPORT_MAX_BYTES) {
    return fileProblem(`Tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1).replace(".", ",")} MB); giới hạn là 20 MB. Hãy chia tệp theo huyện hoặc theo tỉnh.`);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const lower = fileName.toLowerCase();
  if (isOle) return fileProblem("Tệp .xls (Excel 97–2003) chưa được hỗ trợ. Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.");
  if (isZip) return readXlsx(bytes);
  if (lower.endsWith(".csv") && looksLikeText(bytes)) return readCsv(bytes);
  if (lower.endsWith(".xlsx")) return fileProblem("Tệp có đuôi .xlsx nhưng không phải là tệp Excel hợp lệ (có thể là tệp khác bị đổi tên).");
  return fileProblem("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv, mã UTF-8).");
}

function readCsv(bytes: Uint8Array): ReadResult {
  let records: string[][];
  try {
    records = parseCsv(Buffer.from(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    return fileProblem(`Không đọc được tệp CSV: ${(err as Error).message}`);
  }
  if (records.length > IMPORT_MAX_ROWS) return fileProblem(`Tệp có quá nhiều dòng (tối đa ${IMPORT_MAX_ROWS.toLocaleString("vi-VN")} dòng).`);
  const rows = records.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => (c.trim() === "" ? null : c)) }));
  return { sheet: { name: "CSV", format: "csv", rows, mergedRows: new Set(), formulaCells: [] } };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return fileProblem("Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.");
  }
  const ws = wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0];
  if (!ws) return fileProblem("Tệp Excel không có trang tính nào.");
  if (ws.rowCount > IMPORT_MAX_ROWS) return fileProblem(`Trang tính có quá nhiều dòng (tối đa ${IMPORT_MAX_ROWS.toLocaleString("vi-VN")} dòng).`);

  const rows: SheetRow[] = [];
  const mergedRows = new Set<number>();
  const formulaCells: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged) mergedRows.add(rowNumber);
      if (cell.type === ExcelJS.ValueType.Formula) {
        formulaCells.push(cellRef(rowNumber, col));
        return;
      }
      cells[col - 1] = cellValue(cell);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ number: rowNumber, cells });
  });
  return { sheet: { name: ws.name, format: "xlsx", rows, mergedRows, formulaCells } };
}

function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    // a cell formatted as a percentage holds 0.855 for "85,5%"
    return typeof cell.numFmt === "string" && cell.numFmt.includes("%") ? Math.round(v * 100 * 1e6) / 1e6 : v;
  }
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "error" in v) return String(v.error);
  return String(v);
}
