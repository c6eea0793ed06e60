// Reading an uploaded spreadsheet into rows of plain cell values, refusing what cannot be read
// safely: a file that is not what its name says, formulas (their cached result may be stale),
// merged cells in the header, sheets beyond the size the portal accepts — zip bombs included.
// XLSX through yauzl (limits) then exceljs, CSV through csv-parse (UTF-8, with or without BOM);
// no parsing by hand.
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import yauzl from "yauzl";
import type { ImportProblem } from "./report";

/** Larger files are refused before parsing: a province file is ~0.2 MB, the whole nation ~6 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * The import request's whole body: the file and the form around it (mode, fingerprint, part
 * headers: a few hundred bytes). The reverse proxy's client_max_body_size for the import is this
 * (deploy/nginx/ntm.conf, checked by tests/unit/nginx-config.test.ts).
 */
export const IMPORT_REQUEST_MAX_BYTES = IMPORT_MAX_BYTES + 64 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/**
 * What an .xlsx may inflate to. The national export (7,692 rows × 83 columns, 2.4 MB) inflates to
 * 20 MB, a file of the most rows accepted to ~55 MB; exceljs inflates every part into memory.
 */
export const XLSX_MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Parts of the zip: a workbook has a dozen or two. */
export const XLSX_MAX_ENTRIES = 1_000;

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

const DAMAGED_XLSX = "Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.";
const TOO_MANY_ROWS = `Trang tính có quá nhiều dòng (tối đa ${IMPORT_MAX_ROWS.toLocaleString("vi-VN")} dòng).`;

export interface XlsxLimits {
  /** null: within every limit */
  problem: ImportProblem | null;
  /** bytes inflated before the answer */
  inflatedBytes: number;
  /** <row> elements in the part that has the most */
  rows: number;
}

/** Counts the <row> elements of XML that arrives in pieces (a tag may straddle two). */
class RowCounter {
  count = 0;
  private tail: Buffer = Buffer.alloc(0);
  add(chunk: Buffer): number {
    const text = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    // "<row" then a space, ">" or "/" (not <rowBreaks>); one at the very end waits for the next piece
    for (let at = text.indexOf("<row"); at >= 0 && at + 4 < text.length; at = text.indexOf("<row", at + 4)) {
      const next = text[at + 4];
      if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) this.count++;
    }
    this.tail = Buffer.from(text.subarray(Math.max(0, text.length - 4)));
    return this.count;
  }
}

/**
 * Walks the zip and inflates each part while counting its bytes and its rows, and stops at the
 * first limit passed: a zip bomb costs a few MB of inflating at most, in bounded memory, before it
 * is refused. yauzl checks every part's real size against the one it declares, so a part that
 * lies is refused as damaged rather than inflated without end.
 */
export function checkXlsxLimits(bytes: Uint8Array): Promise<XlsxLimits> {
  return new Promise((resolve) => {
    let inflated = 0;
    let entries = 0;
    let rows = 0;
    let settled = false;
    const settle = (message: string | null) => {
      if (settled) return;
      settled = true;
      resolve({ problem: message === null ? null : { message }, inflatedBytes: inflated, rows });
    };
    const tooBig = `Nội dung tệp Excel khi giải nén vượt quá ${XLSX_MAX_INFLATED_BYTES / 1024 / 1024} MB (tệp số liệu cả nước chỉ khoảng 20 MB): tệp có phần thừa hoặc bất thường. Hãy chép số liệu sang tệp mẫu của cổng rồi tải lên lại.`;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return settle(DAMAGED_XLSX);
      zip.on("error", () => settle(DAMAGED_XLSX));
      zip.on("end", () => settle(null));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (settled) return;
        if (++entries > XLSX_MAX_ENTRIES) {
          return settle(`Tệp Excel có quá nhiều thành phần (hơn ${XLSX_MAX_ENTRIES.toLocaleString("vi-VN")}): đây không phải tệp số liệu bình thường. Hãy chép số liệu sang tệp mẫu của cổng rồi tải lên lại.`);
        }
        // the declared size, checked by yauzl as the part inflates, refuses most bombs unopened
        if (inflated + entry.uncompressedSize > XLSX_MAX_INFLATED_BYTES) return settle(tooBig);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return settle(DAMAGED_XLSX);
          const counter = new RowCounter();
          stream.on("data", (chunk: Buffer) => {
            if (settled) return;
            inflated += chunk.length;
            rows = Math.max(rows, counter.add(chunk));
            if (inflated > XLSX_MAX_INFLATED_BYTES) settle(tooBig);
            else if (rows > IMPORT_MAX_ROWS) settle(TOO_MANY_ROWS);
            if (settled) stream.destroy();
          });
          stream.on("error", () => settle(DAMAGED_XLSX));
          stream.on("end", () => {
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

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
  const limits = await checkXlsxLimits(bytes);
  if (limits.problem) return { problem: limits.problem };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return fileProblem(DAMAGED_XLSX);
  }
  const ws = wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0];
  if (!ws) return fileProblem("Tệp Excel không có trang tính nào.");
  if (ws.rowCount > IMPORT_MAX_ROWS) return fileProblem(TOO_MANY_ROWS);

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
