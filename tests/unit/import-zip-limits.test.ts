// An .xlsx is a zip: its entries are inflated and counted before exceljs sees the file, so a zip
// bomb (a few hundred KB that inflate to hundreds of MB, or to millions of rows) is refused in well
// under a second with bounded memory, while the largest real spreadsheet the portal accepts —
// 20,000 rows as wide as the national export — passes.
import { describe, expect, it } from "vitest";
import { checkXlsxLimits, IMPORT_MAX_ROWS, readSheet, XLSX_MAX_INFLATED_BYTES } from "@/lib/imports/sheet";
import { rowBomb, xlsxOf } from "../xlsx-files";

/** Time and peak RSS growth (sampled every 10 ms) of reading `bytes`. */
async function measured(bytes: Uint8Array) {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const result = await readSheet(bytes, "so-lieu.xlsx");
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - t0, grownMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const problemOf = (r: Awaited<ReturnType<typeof readSheet>>) => ("problem" in r ? r.problem.message : `read ${r.sheet.rows.length} rows`);

/** A zip whose sheet entry declares `declared` bytes when it inflates to far more. */
function lyingSizes(zip: Buffer, entryName: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entryName);
  for (let at = out.indexOf(name); at >= 0; at = out.indexOf(name, at + 1)) {
    if (out.readUInt32LE(at - 30) === 0x04034b50) out.writeUInt32LE(declared, at - 30 + 22);
    if (out.readUInt32LE(at - 46) === 0x02014b50) out.writeUInt32LE(declared, at - 46 + 24);
  }
  return out;
}

describe("zip bombs are refused before exceljs reads them", () => {
  it("a ~350 KB workbook whose sheet inflates to 300 MB: refused in under a second, memory flat", async () => {
    const bomb = await rowBomb({ megabytes: 300 });
    expect(bomb.length).toBeLessThan(500 * 1024);
    const { result, ms, grownMb } = await measured(bomb);
    expect(problemOf(result)).toMatch(/khi giải nén vượt quá 100 MB/);
    expect(ms).toBeLessThan(1000);
    expect(grownMb).toBeLessThan(50);
  }, 60_000);

  it("two million one-cell rows (60 MB) in ~150 KB: refused for its rows in under a second", async () => {
    const bomb = await rowBomb({ megabytes: 60, cellBytes: 0 });
    const { result, ms, grownMb } = await measured(bomb);
    expect(problemOf(result)).toMatch(/quá nhiều dòng \(tối đa 20\.000 dòng\)/);
    expect(ms).toBeLessThan(1000);
    expect(grownMb).toBeLessThan(50);
  }, 60_000);

  it("a sheet that declares 1 KB and inflates to 300 MB: refused as damaged, in under a second", async () => {
    const bomb = lyingSizes(await rowBomb({ megabytes: 300 }), "xl/worksheets/sheet1.xml", 1024);
    const { result, ms, grownMb } = await measured(bomb);
    expect(problemOf(result)).toMatch(/không phải là tệp Excel \(\.xlsx\) hợp lệ hoặc đã bị hỏng/);
    expect(ms).toBeLessThan(1000);
    expect(grownMb).toBeLessThan(50);
  }, 60_000);

  it("a workbook of 1,200 parts is refused for its parts", async () => {
    const parts = Array.from({ length: 1_200 }, (_, i) => ({ name: `xl/media/a${i}.xml`, parts: ["<a/>"] }));
    const { result, ms } = await measured(await xlsxOf([`<row r="1"><c r="A1"><v>1</v></c></row>`], { extra: parts }));
    expect(problemOf(result)).toMatch(/quá nhiều thành phần/);
    expect(ms).toBeLessThan(1000);
  }, 60_000);
});

describe("real spreadsheets pass the limits", () => {
  /** One data row as the portal's export writes it: 5 text columns, then 78 numbers and answers. */
  function* exportRows(rows: number) {
    const letters = Array.from({ length: 83 }, (_, i) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26))));
    for (let r = 6; r < 6 + rows; r++) {
      let row = `<row r="${r}">`;
      row += `<c r="A${r}" t="inlineStr"><is><t>${String(10000 + r).padStart(5, "0")}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Xã Tân Thành</t></is></c>`;
      row += `<c r="C${r}"><v>2025</v></c><c r="D${r}" t="inlineStr"><is><t>Huyện Phú Bình</t></is></c><c r="E${r}" t="inlineStr"><is><t>Đã công nhận</t></is></c>`;
      for (let c = 5; c < 83; c++) row += c % 4 === 0 ? `<c r="${letters[c]}${r}" t="inlineStr"><is><t>Đạt</t></is></c>` : `<c r="${letters[c]}${r}"><v>${((r * 7 + c * 13) % 1000) / 10}</v></c>`;
      yield `${row}</row>`;
    }
  }

  it(`the most rows accepted (${IMPORT_MAX_ROWS.toLocaleString("vi-VN")}) as wide as the national export: within the limits, with room`, async () => {
    const file = await xlsxOf(exportRows(IMPORT_MAX_ROWS - 5), { level: 1 });
    const t0 = performance.now();
    const check = await checkXlsxLimits(file);
    expect(check.problem).toBeNull();
    // the national export (7,692 rows, 83 columns) inflates to ~20 MB; this one to more than twice that
    expect(check.inflatedBytes).toBeGreaterThan(40 * 2 ** 20);
    expect(check.inflatedBytes).toBeLessThan(XLSX_MAX_INFLATED_BYTES * 0.7);
    expect(check.rows).toBe(IMPORT_MAX_ROWS - 5);
    expect(performance.now() - t0).toBeLessThan(2000);
  }, 60_000);

  it("a small workbook is read whole after the check", async () => {
    const result = await readSheet(await xlsxOf(exportRows(3)), "so-lieu.xlsx");
    expect("sheet" in result && result.sheet.rows.map((r) => [r.number, r.cells[1], r.cells.length])).toEqual([
      [6, "Xã Tân Thành", 83],
      [7, "Xã Tân Thành", 83],
      [8, "Xã Tân Thành", 83],
    ]);
  });
});
