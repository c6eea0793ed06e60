import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// 2024: every demo assessment of that year has been reviewed, so the staff dashboard and the
// public API count the same communes.
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
  expect(Number(inChart)).toBe(api.bands["19"]);
  expect(Number(inTable)).toBe(api.bands["19"]);
  // and the headline figure
  await expect(page.getByTestId("figure-reached")).toContainText(`${api.communesReached} xã`);
});

test("the public statistics page and its open data agree for the nation", async ({ page }) => {
  await page.goto("/so-lieu?nam=2024");
  const api = await (await page.request.get("/api/v1/thong-ke?nam=2024")).json();
  await expect(page.getByTestId("figure-reached")).toContainText(`${api.communesReached} xã`);
  const csv = await (await page.request.get("/api/v1/thong-ke?nam=2024&dinh_dang=csv")).text();
  expect(csv).toContain(`2024,NATION,,"Toàn quốc",${api.communesAssessed},${api.communesReached}`);
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
