// The columns of the assessment spreadsheet, shared by the template writer and the reader:
// one row per commune; "Mã xã", "Tên xã", "Năm"; then per criterion its indicators ("CT 2.1")
// followed by its status ("TC 2"). Rows "Nội dung" and "Ngưỡng đạt" under the header explain
// the columns and are skipped on import; informational columns ("Huyện", "Trạng thái hồ sơ")
// are ignored.
import { addProblem, type ImportReport } from "./report";
import { cellRef, columnLetter, type CellValue, type Sheet, type SheetRow } from "./sheet";

export const HEADER = {
  code: "Mã xã",
  name: "Tên xã",
  year: "Năm",
  district: "Huyện",
  status: "Trạng thái hồ sơ",
  labels: "Nội dung",
  thresholds: "Ngưỡng đạt",
} as const;

export const indicatorHeader = (code: string) => `CT ${code}`;
export const criterionHeader = (n: number) => `TC ${n}`;

export type Column =
  | { kind: "code" | "name" | "year" | "info"; index: number; header: string }
  | { kind: "indicator"; index: number; header: string; code: string }
  | { kind: "criterion"; index: number; header: string; number: number };

export interface Layout {
  headerRow: number;
  columns: Column[];
  dataRows: SheetRow[];
}

/** Lower case, no diacritics, single spaces: "  Mã  XÃ " → "ma xa". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

const FIXED: Record<string, "code" | "name" | "year" | "info"> = {
  [fold(HEADER.code)]: "code",
  [fold(HEADER.name)]: "name",
  [fold(HEADER.year)]: "year",
  [fold(HEADER.district)]: "info",
  [fold(HEADER.status)]: "info",
  [fold("Tỉnh")]: "info",
  [fold("STT")]: "info",
};
const SKIPPED_ROWS = new Set([fold(HEADER.labels), fold(HEADER.thresholds)]);

/** Finds the header row and the columns; every problem goes to the report. Null when unusable. */
export function readLayout(sheet: Sheet, report: ImportReport): Layout | null {
  const headerRow = sheet.rows.slice(0, 30).find((r) => fold(cellText(r.cells[0])) === fold(HEADER.code));
  if (!headerRow) {
    addProblem(report, {
      message: `Không tìm thấy dòng tiêu đề: ô đầu tiên của dòng tiêu đề phải là "${HEADER.code}". Hãy dùng tệp mẫu tải từ cổng thông tin.`,
    });
    return null;
  }

  let ok = true;
  const columns: Column[] = [];
  const seen = new Map<string, string>();
  headerRow.cells.forEach((raw, index) => {
    const header = cellText(raw);
    if (!header) return;
    const key = fold(header);
    const at = cellRef(headerRow.number, index + 1);
    if (seen.has(key)) {
      addProblem(report, { row: headerRow.number, column: columnLetter(index + 1), header, message: `Cột "${header}" lặp lại (đã có ở ô ${seen.get(key)}).` });
      ok = false;
      return;
    }
    seen.set(key, at);
    const fixed = FIXED[key];
    const indicator = /^ct ?(\d+(?:\.\d+)+)$/.exec(key);
    const criterion = /^tc ?(\d+)$/.exec(key);
    if (fixed) columns.push({ kind: fixed as "code" | "name" | "year" | "info", index, header });
    else if (indicator) columns.push({ kind: "indicator", index, header, code: indicator[1] });
    else if (criterion) columns.push({ kind: "criterion", index, header, number: Number(criterion[1]) });
    else {
      addProblem(report, {
        row: headerRow.number,
        column: columnLetter(index + 1),
        header,
        message: `Cột "${header}" không thuộc mẫu. Tiêu đề chỉ tiêu có dạng "CT 2.1", tiêu đề tiêu chí có dạng "TC 2".`,
      });
      ok = false;
    }
  });
  for (const required of [HEADER.code, HEADER.name, HEADER.year]) {
    if (!seen.has(fold(required))) {
      addProblem(report, { row: headerRow.number, message: `Thiếu cột "${required}" ở dòng tiêu đề.` });
      ok = false;
    }
  }
  if (!columns.some((c) => c.kind === "indicator" || c.kind === "criterion")) {
    addProblem(report, { row: headerRow.number, message: 'Không có cột chỉ tiêu nào (dạng "CT 2.1"). Hãy dùng tệp mẫu tải từ cổng thông tin.' });
    ok = false;
  }

  // everything after the header: explanation rows skipped, empty rows skipped
  const after = sheet.rows.filter((r) => r.number > headerRow.number);
  const explanation = after.filter((r) => SKIPPED_ROWS.has(fold(cellText(r.cells[0]))));
  for (const r of [headerRow, ...explanation]) {
    if (sheet.mergedRows.has(r.number)) {
      addProblem(report, { row: r.number, message: "Dòng tiêu đề có ô gộp (merge). Hãy bỏ gộp ô: mỗi cột một tiêu đề riêng." });
      ok = false;
    }
  }
  const dataRows = after.filter((r) => !SKIPPED_ROWS.has(fold(cellText(r.cells[0]))) && r.cells.some((c) => cellText(c) !== ""));

  // data under a column without a header would be silently dropped: refuse it
  const known = new Set(columns.map((c) => c.index));
  const orphan = new Set<number>();
  for (const r of dataRows) r.cells.forEach((c, i) => cellText(c) !== "" && !known.has(i) && !headerRow.cells[i] && orphan.add(i));
  for (const i of orphan) {
    addProblem(report, { row: headerRow.number, column: columnLetter(i + 1), message: "Cột có số liệu nhưng không có tiêu đề." });
    ok = false;
  }

  for (const ref of sheet.formulaCells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    addProblem(report, { row: Number(m[2]), column: m[1], message: "Ô chứa công thức. Hãy sao chép và dán giá trị (Paste Values) thay cho công thức." });
    ok = false;
  }
  return ok ? { headerRow: headerRow.number, columns, dataRows } : null;
}
