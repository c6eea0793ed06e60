// A table as a file: CSV (UTF-8 with BOM so Excel reads Vietnamese) or XLSX (exceljs), with a
// Vietnamese header row, frozen, and numbers stored as numbers with vi-VN-looking formats.
import ExcelJS from "exceljs";
import type { ColumnKind, TableData } from "@/lib/dashboard/tables";

const NUM_FMT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: "#,##0",
  percent: "0.0",
  decimal2: "0.00",
  date: "d/m/yyyy",
};

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(t: TableData): string {
  const lines = [t.columns.map((c) => csvCell(c.label)).join(",")];
  for (const row of [...t.rows, ...(t.total ? [t.total] : [])]) lines.push(t.columns.map((c) => csvCell(row[c.key])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A cell as Excel should hold it: dates as dates (ISO "2024-06-26" in the table), the rest as is. */
function xlsxValue(v: string | number | null | undefined, kind: ColumnKind): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (kind === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

function textLength(v: unknown): number {
  return v === null || v === undefined ? 0 : String(v).length;
}

export async function tablesToXlsx(tables: TableData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng thông tin Nông thôn mới";
  wb.created = new Date();
  for (const t of tables) {
    // title, an optional subtitle, then the header row: the view is frozen just below the header
    const headerRow = t.subtitle ? 3 : 2;
    const ws = wb.addWorksheet(t.name.slice(0, 31), {
      views: [{ state: "frozen", ySplit: headerRow }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
    ws.addRow([t.title]).font = { bold: true, size: 12 };
    if (t.subtitle) ws.addRow([t.subtitle]).font = { italic: true };
    const header = ws.addRow(t.columns.map((c) => c.label));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD6EFDB" } };
      cell.border = { bottom: { style: "thin" } };
    });
    for (const row of t.rows) ws.addRow(t.columns.map((c) => xlsxValue(row[c.key], c.kind)));
    if (t.total) {
      const total = ws.addRow(t.columns.map((c) => xlsxValue(t.total![c.key], c.kind)));
      total.font = { bold: true };
      total.eachCell((cell) => (cell.border = { top: { style: "thin" } }));
    }
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.kind === "text") {
        const longest = Math.max(c.label.length, ...t.rows.map((r) => textLength(r[c.key])), textLength(t.total?.[c.key]));
        col.width = Math.max(12, Math.min(50, longest + 2));
      } else {
        col.width = c.kind === "date" ? 12 : Math.max(10, Math.min(24, c.label.length + 2));
      }
      if (NUM_FMT[c.kind]) col.numFmt = NUM_FMT[c.kind]!;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
