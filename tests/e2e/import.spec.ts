import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const YEAR = 2026;

/** "≥ 70 / ≥ 80 (theo vùng/nhóm xã)" → a value meeting every alternative. */
function meetingValue(threshold: string): number | string {
  if (threshold === "Đạt") return "Đạt";
  const values = [...threshold.matchAll(/([≥≤=]) ([\d.,]+)/g)].map((m) => ({ sign: m[1], v: Number(m[2].replace(/\./g, "").replace(",", ".")) }));
  if (values.length === 0) throw new Error(`no threshold in "${threshold}"`);
  return values[0].sign === "≤" ? Math.min(...values.map((x) => x.v)) : Math.max(...values.map((x) => x.v));
}

/** "x/y xã" of the headline: reports meeting every criterion / reports confirmed. */
async function fullOfConfirmed(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId("figure-full").locator("span").first().textContent()) ?? "";
  const [full, confirmed] = text.replace(/[.\s]|xã/g, "").split("/").map(Number);
  return [full, confirmed];
}

// 2026: the units of today (no districts), a year the other journeys do not touch.
test("a province officer downloads the template, fills a commune, sees the dry run, confirms; the dashboard counts the report once it is sent and confirmed", async ({ browser, page }, testInfo) => {
  test.setTimeout(150_000); // two people, the dashboard three times, two dry runs and an apply
  // a xã of today's Thái Nguyên with its commune group (so every threshold applies) whose 2026
  // dossier is open for entry and has not reached the standard
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  const { rows } = await sql.query<{ id: number; code: string; name: string; fullName: string }>(`
    SELECT c.id, c.code, c.name, c."fullName" FROM "AdminUnit" c JOIN "AdminUnit" p ON p.id = c."provinceId"
      JOIN "Assessment" a ON a."unitId" = c.id AND a.year = ${YEAR}
     WHERE c.level = 'COMMUNE' AND c.type = 'XA' AND c."validTo" IS NULL AND c."communeGroup" IS NOT NULL
       AND p.code = '19' AND p."validTo" IS NULL AND a.status IN ('DRAFT', 'RETURNED') AND NOT a."reachedStandard"
     ORDER BY c.code LIMIT 1`);
  await sql.end();
  expect(rows).toHaveLength(1);
  const commune = rows[0];

  await login(page, "tinh@ntm.demo");
  await page.goto(`/quan-ly/tong-quan?nam=${YEAR}`);
  const [fullBefore, confirmedBefore] = await fullOfConfirmed(page);

  await page.goto(`/quan-ly/nhap-lieu?nam=${YEAR}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu tiêu chí từ Excel");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải tệp mẫu" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^so-lieu-tieu-chi-2026-\d+\.xlsx$/);
  const templatePath = testInfo.outputPath("mau.xlsx");
  await download.saveAs(templatePath);

  // fill the commune's row: every indicator at a value that meets its threshold
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(templatePath) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.getCell("A3").value).toBe("Mã xã");
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === commune.code) row = n;
  });
  expect(row).toBeGreaterThan(5);
  let filled = 0;
  ws.getRow(3).eachCell((cell, col) => {
    if (typeof cell.value === "string" && cell.value.startsWith("CT ")) {
      ws.getCell(row, col).value = meetingValue(String(ws.getCell(5, col).value));
      filled++;
    }
    // and each criterion's status as it will be: met
    if (typeof cell.value === "string" && cell.value.startsWith("TC ")) ws.getCell(row, col).value = "Đạt";
  });
  const filledPath = testInfo.outputPath("da-dien.xlsx");
  writeFileSync(filledPath, Buffer.from(await wb.xlsx.writeBuffer()));

  await page.getByLabel(/Tệp số liệu/).setInputFiles(filledPath);
  await page.getByRole("button", { name: "Kiểm tra thử" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Kiểm tra thử xong, chưa ghi gì.");
  const figure = async (label: string) => Number((await report.locator("dt", { hasText: label }).locator("+ dd").textContent())!.replace(/\D/g, ""));
  const cells = (await figure("Ô mới")) + (await figure("Ô thay đổi"));
  expect(cells).toBeGreaterThan(0);
  expect(cells).toBeLessThanOrEqual(filled);
  expect(await figure("Xã có thay đổi")).toBe(1);
  await expect(report.getByRole("cell", { name: `${commune.code} ${commune.name}` }).first()).toBeVisible();

  await page.getByRole("button", { name: "Xác nhận ghi" }).click();
  await expect(report).toContainText(`Đã ghi ${cells.toLocaleString("vi-VN")} ô số liệu của 1 xã.`);

  // the staff's list of communes shows the values at once; the official figures count confirmed reports only
  await page.goto(`/quan-ly/tong-quan?nam=${YEAR}`);
  const line = page.getByTestId("table-xa").locator("tr").filter({ hasText: commune.fullName });
  await expect(line.first()).toContainText("Đạt");
  expect(await fullOfConfirmed(page)).toEqual([fullBefore, confirmedBefore]);

  // sent and confirmed (an administrator of the province may do both), the report is counted
  const admin = await browser.newPage();
  await login(admin, "admin.tinh@ntm.demo");
  await admin.goto(`/quan-ly/xa/${commune.id}?nam=${YEAR}`);
  await expect(admin.getByTestId("criteria-met")).toHaveText("10/10");
  await admin.getByRole("form", { name: "Gửi báo cáo" }).getByRole("button", { name: "Gửi báo cáo" }).click();
  await admin.getByRole("form", { name: "Xác nhận báo cáo" }).getByRole("button", { name: "Xác nhận báo cáo" }).click();
  await expect(admin.getByText("Đã xác nhận", { exact: true }).first()).toBeVisible();
  await page.reload();
  expect(await fullOfConfirmed(page)).toEqual([fullBefore + 1, confirmedBefore + 1]);

  // the same file again: nothing left to write
  await page.goto(`/quan-ly/nhap-lieu?nam=${YEAR}`);
  await page.getByLabel(/Tệp số liệu/).setInputFiles(filledPath);
  await page.getByRole("button", { name: "Kiểm tra thử" }).click();
  await expect(page.getByTestId("import-report")).toContainText("Không có thay đổi nào");
  await expect(page.getByRole("button", { name: "Xác nhận ghi" })).toHaveCount(0);
});

test("a file that is not a spreadsheet gets a Vietnamese error and no confirm button", async ({ page }, testInfo) => {
  await login(page, "tinh@ntm.demo");
  await page.goto(`/quan-ly/nhap-lieu?nam=${YEAR}`);
  const path = testInfo.outputPath("bao-cao.xlsx");
  writeFileSync(path, "%PDF-1.7 không phải bảng tính");
  await page.getByLabel(/Tệp số liệu/).setInputFiles(path);
  await page.getByRole("button", { name: "Kiểm tra thử" }).click();
  await expect(page.getByTestId("import-report")).toContainText("không phải là tệp Excel hợp lệ");
  await expect(page.getByRole("button", { name: "Xác nhận ghi" })).toHaveCount(0);
});
