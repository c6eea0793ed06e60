import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { TableData } from "@/lib/dashboard/tables";
import { tablesToXlsx, tableToCsv } from "@/lib/exports/table-file";

const table: TableData = {
  name: "thu",
  title: "Bảng thử năm 2024",
  subtitle: "Tỉnh Thái Nguyên · năm 2024",
  columns: [
    { key: "name", label: "Đơn vị", kind: "text" },
    { key: "n", label: "Số xã", kind: "int" },
    { key: "p", label: "Tỷ lệ (%)", kind: "percent" },
    { key: "d", label: "Ngày quyết định", kind: "date" },
  ],
  rows: [
    { name: "Huyện Đại Từ", n: 5177, p: 58.2, d: "2020-06-26" },
    { name: "Huyện Phú Bình", n: 12, p: null, d: null },
  ],
  total: { name: "Tổng cộng", n: 5189, p: 57.9 },
};

describe("a table as a file", () => {
  it("XLSX: title, subtitle, header frozen below it, numbers and dates as values with formats, the total in bold last", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tablesToXlsx([table])) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("thu")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell("A1").value).toBe("Bảng thử năm 2024");
    expect(ws.getCell("A2").value).toBe("Tỉnh Thái Nguyên · năm 2024");
    expect(ws.getRow(3).values).toEqual([undefined, "Đơn vị", "Số xã", "Tỷ lệ (%)", "Ngày quyết định"]);
    expect(ws.getCell("B4")).toMatchObject({ value: 5177, numFmt: "#,##0" });
    expect(ws.getCell("C4")).toMatchObject({ value: 58.2, numFmt: "0.0" });
    expect(ws.getCell("D4").value).toEqual(new Date("2020-06-26T00:00:00Z"));
    expect(ws.getCell("D4").numFmt).toBe("d/m/yyyy");
    expect(ws.getCell("C5").value).toBeNull();
    expect(ws.getCell("A6").value).toBe("Tổng cộng");
    expect(ws.getCell("A6").font.bold).toBe(true);
    expect(ws.getCell("B6").value).toBe(5189);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "3:3" });
  });

  it("without a subtitle the header is the second row, as the dashboard tables have it", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tablesToXlsx([{ ...table, subtitle: undefined }])) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(wb.worksheets[0].getCell("A2").value).toBe("Đơn vị");
  });

  it("CSV: the total row last", () => {
    expect(tableToCsv(table).split("\r\n")).toEqual(["\uFEFFĐơn vị,Số xã,Tỷ lệ (%),Ngày quyết định", "Huyện Đại Từ,5177,58.2,2020-06-26", "Huyện Phú Bình,12,,", "Tổng cộng,5189,57.9,", ""]);
  });
});
