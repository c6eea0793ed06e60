import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const vi = (n: number) => n.toLocaleString("vi-VN");

// 2024: every demo report of that year has been confirmed, so the staff dashboard and the public
// API count the same communes; both read the titles in force and the reports confirmed by 31/12/2024.
test("a leader drills from the national map to a province and a district; chart, table and API agree", async ({ page }) => {
  await login(page, "lanhdao@ntm.demo");
  await page.goto("/quan-ly/tong-quan?nam=2024");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan: Toàn quốc, năm 2024");

  // the map: click Thái Nguyên (today's province 19)
  await page.locator('a[data-province="19"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan: Tỉnh Thái Nguyên, năm 2024");

  // the district comparison: click the first bar
  await page.locator("section[aria-label='So sánh các huyện'] .recharts-bar-rectangle").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Huyện|Thành phố|Thị xã/);
  const code = (await page.getByTestId("unit-code").textContent())!.replace(/\D/g, "");

  // communes with 19 criteria: in the chart's label, in the table, in the API
  const inChart = await page.locator("section[aria-label='Số xã theo số tiêu chí đạt'] .recharts-label-list text").first().textContent();
  const inTable = await page.getByTestId("band-table").locator("tbody tr").first().locator("td").nth(1).textContent();
  const api = await (await page.request.get(`/api/v1/thong-ke?nam=2024&huyen=${code}`)).json();
  expect(api.asOf).toBe("2024-12-31");
  expect(Number(inChart)).toBe(api.reports.bands["19"]);
  expect(Number(inTable)).toBe(api.reports.bands["19"]);
  // and the headline figures: communes holding the title (by decision), reports meeting every criterion
  await expect(page.getByTestId("as-of")).toHaveText("Số liệu đến ngày 31/12/2024");
  await expect(page.getByTestId("figure-recognised").locator("span").first()).toHaveText(`${vi(api.recognised.communes)} xã`);
  await expect(page.getByTestId("figure-full").locator("span").first()).toHaveText(`${vi(api.reports.fullCriteria)}/${vi(api.reports.confirmed)} xã`);
  await expect(page.getByTestId("figure-not-maintained").locator("span").first()).toHaveText(`${vi(api.notMaintained)} xã`);
});

test("the public statistics page and its open data agree for the nation", async ({ page }) => {
  await page.goto("/so-lieu?nam=2024");
  const api = await (await page.request.get("/api/v1/thong-ke?nam=2024")).json();
  await expect(page.getByTestId("figure-recognised").locator("span").first()).toHaveText(`${vi(api.recognised.communes)} xã`);
  await expect(page.getByTestId("figure-recognised")).toContainText(`(${vi(api.recognised.communes)}/${vi(api.recognised.denominator)} xã)`);
  await expect(page.getByTestId("figure-full").locator("span").first()).toHaveText(`${vi(api.reports.fullCriteria)}/${vi(api.reports.confirmed)} xã`);
  const csv = await (await page.request.get("/api/v1/thong-ke?nam=2024&dinh_dang=csv")).text();
  const [row] = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  expect(row).toMatchObject({
    nam: "2024",
    den_ngay: "2024-12-31",
    cap: "NATION",
    don_vi: "Toàn quốc",
    so_xa_dat_chuan_co_quyet_dinh: String(api.recognised.communes),
    so_xa_danh_sach_chuong_trinh: String(api.recognised.denominator),
    so_xa_co_bao_cao_xac_nhan: String(api.reports.confirmed),
    so_xa_dat_du_tieu_chi: String(api.reports.fullCriteria),
    so_xa_chua_duy_tri: String(api.notMaintained),
  });
  // as at an earlier day, the titles decided since are not counted
  const earlier = await (await page.request.get("/api/v1/thong-ke?nam=2024&den-ngay=2024-06-30")).json();
  expect(earlier.asOf).toBe("2024-06-30");
  expect(earlier.recognised.communes).toBeLessThanOrEqual(api.recognised.communes);
  expect(earlier.reports.confirmed).toBe(0); // the 2024 reports were confirmed in November
  const bad = await page.request.get("/api/v1/thong-ke?nam=hai-nghin");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("Tham số nam");
});

test("a dashboard table downloads as CSV and as an Excel file with the same numbers", async ({ page }) => {
  await login(page, "lanhdao@ntm.demo");
  const csv = await (await page.request.get("/api/bang/nhom-tieu-chi?nam=2024")).text();
  expect(csv.split("\r\n")[0]).toBe("\uFEFFNhóm,Số xã,Tỷ lệ (%)");
  const xlsx = await page.request.get("/api/bang/nhom-tieu-chi?nam=2024&dinh_dang=xlsx");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  // anonymous visitors get the public tables only
  const anon = await page.context().browser()!.newContext();
  expect((await anon.request.get(`${new URL(page.url()).origin}/api/bang/nhom-tieu-chi?nam=2024`)).status()).toBe(403);
  await anon.close();
});
