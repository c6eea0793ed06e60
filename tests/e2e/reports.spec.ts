import ExcelJS from "exceljs";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// 2024: no other journey changes that year, so the page, the file and the database agree.
const YEAR = 2024;
const viNumber = (text: string | null) => Number((text ?? "").replace(/\./g, "").replace(",", "."));

test("the province officer opens Báo cáo, prints a report on A4 landscape and downloads its Excel file", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, "tinh@ntm.demo");
  await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Báo cáo", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo");
  await expect(page.getByTestId("report-thuc-hien-nhiem-vu")).toBeVisible(); // the province officer holds task.scorecard

  await page.getByLabel("Năm", { exact: true }).selectOption(String(YEAR));
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`nam=${YEAR}`));

  // the print-ready page
  await page.getByTestId("report-xa-theo-nhom-tieu-chi").getByRole("link", { name: "Xem và in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Số xã theo nhóm tiêu chí");
  await expect(page.getByTestId("report-unit")).toHaveText("Tỉnh Thái Nguyên");
  await expect(page.getByTestId("report-year")).toHaveText(String(YEAR));
  await expect(page.getByTestId("report-date")).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
  const table = page.getByTestId("report-table-xa-theo-nhom-tieu-chi");
  await expect(table.locator("thead th")).toHaveText(["STT", "Huyện", "Số xã được đánh giá", "19 tiêu chí", "15–18 tiêu chí", "10–14 tiêu chí", "5–9 tiêu chí", "Dưới 5 tiêu chí", "Bình quân tiêu chí/xã"]);
  await expect(table.getByTestId("total-name")).toHaveText("Tổng cộng");
  const onPage = viNumber(await table.getByTestId("total-assessed").textContent());
  const average = await table.getByTestId("total-average").textContent();
  expect(average).toMatch(/^\d+,\d\d$/); // vi-VN: 18,03
  await expect(page.getByRole("button", { name: "In / Lưu PDF" })).toBeVisible();

  // printed: the report alone, on A4 landscape (841.89 × 595.28 pt)
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByRole("button", { name: "In / Lưu PDF" })).toBeHidden();
  await expect(page.getByTestId("report-sheet")).toBeVisible();
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
  expect(Math.round(Number(box[1]))).toBe(842);
  expect(Math.round(Number(box[2]))).toBe(595);
  await page.emulateMedia({ media: "screen" });

  // the Excel annex, opened as the office would
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải Excel (XLSX)" }).click()]);
  expect(download.suggestedFilename()).toBe(`Số xã theo nhóm tiêu chí - Tỉnh Thái Nguyên - ${YEAR}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  expect(ws.getCell("A1").value).toBe(`Số xã theo nhóm số tiêu chí đạt năm ${YEAR}`);
  expect(ws.getRow(3).getCell(2).value).toBe("Huyện");
  expect(ws.getRow(3).getCell(4).value).toBe("19 tiêu chí");
  const total = ws.getRow(ws.rowCount);
  expect(total.getCell(2).value).toBe("Tổng cộng");
  expect(total.getCell(3).type).toBe(ExcelJS.ValueType.Number);
  expect(total.getCell(3).value).toBe(onPage);

  // and the database: communes of today's Thái Nguyên and the provinces it succeeded, assessed in that year
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM "Assessment" a JOIN "AdminUnit" c ON c.id = a."unitId" JOIN "CriteriaSet" s ON s.id = a."setId"
       WHERE a.year = ${YEAR} AND s.code = 'XA_2021_2025' AND c.level = 'COMMUNE'
         AND c."provinceId" IN (SELECT p.id FROM "AdminUnit" p WHERE p.level = 'PROVINCE' AND p."fullName" IN ('Tỉnh Thái Nguyên', 'Tỉnh Bắc Kạn'))`);
    expect(total.getCell(3).value).toBe(rows[0].n);
  } finally {
    await sql.end();
  }
});

test("a report outside the officer's province or with a bad year is refused in Vietnamese", async ({ page }) => {
  await login(page, "tinh@ntm.demo");
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  const { rows } = await sql.query<{ id: number }>(`SELECT id FROM "AdminUnit" WHERE level = 'PROVINCE' AND "fullName" = 'Tỉnh Quảng Bình'`);
  await sql.end();
  const outside = await page.request.get(`/api/bao-cao/xa-dat-chuan?nam=${YEAR}&tinh=${rows[0].id}`);
  expect(outside.status()).toBe(403);
  expect((await outside.json()).error).toBe("Tỉnh Quảng Bình nằm ngoài phạm vi quản lý của bạn (Tỉnh Thái Nguyên).");
  await page.goto(`/quan-ly/bao-cao/xa-dat-chuan?nam=${YEAR}&tinh=${rows[0].id}`);
  await expect(page.getByText("Không có quyền truy cập")).toBeVisible();

  const bad = await page.request.get("/api/bao-cao/xa-dat-chuan?nam=hai-nghin");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("Tham số nam phải là một năm");
  await page.goto("/quan-ly/bao-cao/xa-dat-chuan?nam=hai-nghin");
  await expect(page.getByTestId("report-error")).toContainText("Tham số nam phải là một năm");
});
