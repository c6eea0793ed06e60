import { expect, test } from "@playwright/test";

test("the home page shows the seed news, notices and documents", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Hội nghị toàn quốc Văn phòng Điều phối NTM các cấp năm 2020" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Thông báo mới" })).toContainText("58/TB-UBND");
  await expect(page.getByRole("region", { name: "Văn bản mới" })).toContainText("51/2025/QĐ-TTg");
  const figures = page.getByRole("region", { name: "Số liệu chính" });
  await expect(figures).toContainText("tiêu chí/xã bình quân");
  // the reports' figure is named for what it counts: "đạt chuẩn NTM" is the communes holding a decision
  await expect(figures.getByTestId("figure-reached")).toContainText(/đạt đủ \d+ tiêu chí/);
  await expect(figures).not.toContainText("đạt chuẩn NTM");
});

test("an article page shows its body, source and other news, without the old portal's chrome", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Hội nghị toàn quốc Văn phòng Điều phối NTM các cấp năm 2020" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hội nghị toàn quốc Văn phòng Điều phối NTM các cấp năm 2020");
  await expect(page.locator("article")).toContainText("5.177 xã (58,2%)");
  await expect(page.locator("article")).not.toContainText("Thống kê truy cập");
  await expect(page.getByRole("region", { name: "Các tin khác" })).toBeVisible();
});

test("the public reads a conclusion notice and its numbered tasks with deadlines", async ({ page }) => {
  await page.goto("/thong-bao");
  await page.getByRole("link", { name: /Dương Văn Lượng/ }).first().click();
  await expect(page.locator("main").getByText("58/TB-UBND", { exact: true })).toBeVisible();
  const tasks = page.getByRole("table");
  await expect(tasks).toContainText("17/7/2020");
  // deadlines of 2020 with no progress reported are overdue, and shown as such
  await expect(tasks.getByText("Quá hạn").first()).toBeVisible();
});

test("an unknown page answers 404 in Vietnamese", async ({ page }) => {
  const res = await page.goto("/tin-tuc/khong-ton-tai");
  expect(res?.status()).toBe(404);
  await expect(page.getByText("Không tìm thấy trang")).toBeVisible();
});

test("a missing article, notice, document or product answers 404 with the portal's 404 page", async ({ browser }) => {
  // Without JavaScript, an address no route matches gets the whole 404 page from the server. A
  // page that calls notFound() gets the right status, title and noindex, but Next.js draws its
  // body only in the browser (vercel/next.js#62228, fix proposed in #98583): with JavaScript, as
  // every reader has it, the page is complete.
  const withoutJs = await browser.newContext({ javaScriptEnabled: false });
  const bare = await withoutJs.newPage();
  const res = await bare.goto("/khong-co-trang-nay");
  expect(res?.status()).toBe(404);
  await expect(bare.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await expect(bare.getByRole("link", { name: "Về trang chủ" })).toBeVisible();
  await withoutJs.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  for (const url of ["/tin-tuc/khong-ton-tai", "/thong-bao/khong-ton-tai", "/van-ban/khong-ton-tai", "/ocop/khong-ton-tai"]) {
    const answer = await page.goto(url);
    expect(answer?.status(), url).toBe(404);
    await expect(page, url).toHaveTitle(/^Không tìm thấy/);
    await expect(page.locator('meta[name="robots"]').first(), url).toHaveAttribute("content", /noindex/);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" }), url).toBeVisible();
    await expect(page.getByRole("link", { name: "Về trang chủ" }), url).toBeVisible();
  }
  await context.close();
});
