// A table as a file: CSV (UTF-8 with BOM so Excel reads Vietnamese) or XLSX (exceljs), with a
// Vietnamese header row, frozen, and numbers stored as numbers with vi-VN-looking formats.
import ExcelJS from "exceljs";
import type { ColumnKind, TableData } from "@/lib/dashboard/tables";

const NUM_FMT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: "#,##0",
  percent: "0.0",
  decimal2: "0.00",
};

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(t: TableData): string {
  const lines = [t.columns.map((c) => csvCell(c.label)).join(",")];
  for (const row of t.rows) lines.push(t.columns.map((c) => csvCell(row[c.key])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function tablesToXlsx(tables: TableData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng thông tin Nông thôn mới";
  wb.created = new Date();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 2 }] });
    ws.addRow([t.title]).font = { bold: true, size: 12 };
    const header = ws.addRow(t.columns.map((c) => c.label));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD6EFDB" } };
      cell.border = { bottom: { style: "thin" } };
    });
    for (const row of t.rows) ws.addRow(t.columns.map((c) => row[c.key] ?? null));
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.kind === "text" ? Math.max(18, Math.min(50, c.label.length + 4)) : Math.max(10, Math.min(24, c.label.length + 2));
      if (NUM_FMT[c.kind]) col.numFmt = NUM_FMT[c.kind]!;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
