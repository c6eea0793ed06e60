import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const ARTICLE_TITLE = "Nông thôn mới phải góp phần nâng cao đời sống của người dân";
const ARTICLE = "/tin-tuc/nong-thon-moi-phai-gop-phan-nang-cao-doi-song-cua-nguoi-dan";
const NOTICE_58 = "/thong-bao/58-tb-ubnd-ket-luan-cua-pho-chu-tich-ubnd-tinh-duong-van-luong-tai-hoi-nghi";

test("search from the header finds an article typed without diacritics and highlights the words", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Tìm kiếm trên cổng thông tin" });
  await box.fill("doi song cua nguoi dan");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tim-kiem\?q=doi\+song\+cua\+nguoi\+dan/);
  const results = page.getByTestId("search-results");
  const hit = results.getByRole("link", { name: ARTICLE_TITLE });
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark")).toHaveText(["đời sống của người dân"]);
  await hit.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
});

test("search says so when nothing matches, and punctuation alone is no error", async ({ page }) => {
  await page.goto("/tim-kiem?q=khong+co+tu+nay+xyzzy");
  await expect(page.getByText("Không tìm thấy kết quả")).toBeVisible();
  const res = await page.goto("/tim-kiem?q=%21%21%21");
  expect(res?.status()).toBe(200);
  await expect(page.getByText("Không tìm thấy kết quả")).toBeVisible();
});

test("a misspelt search is offered the words of the texts, and the offer finds them", async ({ page }) => {
  await page.goto("/tim-kiem?q=nong+thon+moj");
  await expect(page.getByText("Không tìm thấy kết quả")).toBeVisible();
  await page.getByRole("status").getByRole("link", { name: "nông thôn mới" }).click();
  await expect(page).toHaveURL(/q=n%C3%B4ng\+th%C3%B4n\+m%E1%BB%9Bi/);
  await expect(page.getByRole("status")).toContainText("kết quả cho “nông thôn mới”");
});

test("the RSS feed is valid XML listing the seed articles and notices", async ({ page, request }) => {
  const res = await request.get("/rss.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await res.text();
  await page.goto("/gioi-thieu");
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      version: doc.documentElement.getAttribute("version"),
      language: doc.querySelector("channel > language")?.textContent,
      titles: [...doc.querySelectorAll("item > title")].map((t) => t.textContent),
      links: [...doc.querySelectorAll("item > link")].map((t) => t.textContent),
    };
  }, xml);
  expect(feed.error).toBe(false);
  expect(feed.version).toBe("2.0");
  expect(feed.language).toBe("vi");
  expect(feed.titles).toContain(ARTICLE_TITLE);
  expect(feed.titles.some((t) => t?.startsWith("Thông báo số 58/TB-UBND"))).toBe(true);
  expect(feed.links.some((l) => l?.endsWith(ARTICLE))).toBe(true);
});

test("the sitemap is valid XML listing the articles, notices and documents", async ({ page, request }) => {
  const res = await request.get("/sitemap.xml");
  expect(res.status()).toBe(200);
  const xml = await res.text();
  await page.goto("/gioi-thieu");
  const locs = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) return null;
    return [...doc.getElementsByTagName("loc")].map((l) => new URL(l.textContent ?? "").pathname);
  }, xml);
  expect(locs).not.toBeNull();
  expect(locs).toEqual(expect.arrayContaining(["/", "/tin-tuc", ARTICLE, NOTICE_58, "/van-ban/quyet-dinh-318-qd-ttg"]));
});

test("a notice page shows its numbered tasks, who does them, by when, and their status", async ({ page }) => {
  await page.goto(NOTICE_58);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dương Văn Lượng");
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"]);
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(table).toContainText("Sở");
  await expect(table).toContainText("17/7/2020");
  // the 2020 deadlines have passed with no progress reported: overdue, counted in the summary
  await expect(table.getByText("Quá hạn").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Tình hình thực hiện nhiệm vụ" })).toContainText("Quá hạn");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Thông báo số 58/TB-UBND");
});

test("the footer shows the visitor counter, and an article's view is counted by its beacon", async ({ page }) => {
  await page.goto(ARTICLE);
  const counter = page.getByTestId("visit-counter");
  await expect(counter).toContainText("Đang truy cập");
  for (const label of ["Đang truy cập", "Hôm nay", "Trong tuần", "Tổng truy cập"]) {
    await expect(counter.locator("dt", { hasText: label }).locator("+ dd")).toHaveText(/^[1-9][\d.]*$/);
  }
  // the cached page shows the count of its render; the beacon's answer brings the live one
  // (the seed article has no views; this visit makes at least one)
  await expect(page.getByTestId("view-count")).toHaveText(/^[1-9][\d.]* lượt xem$/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
});

test("the documents library filters by type and links each document to its page", async ({ page }) => {
  await page.goto("/van-ban");
  await page.getByLabel("Loại văn bản").selectOption("Nghị quyết");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/loai=Ngh/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: "25/2021/QH15" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nghị quyết số 25/2021/QH15");
  await expect(page.getByRole("link", { name: "Xem toàn văn tại nguồn chính thức" })).toHaveAttribute("href", /^https:\/\//);
});

test("an admin changes the footer's address and cached public pages show it at once", async ({ page, browser }) => {
  // an anonymous visitor, as the public is: the article's and the footer's reads now cached
  const visitor = await (await browser.newContext()).newPage();
  for (let i = 0; i < 2; i++) await visitor.goto(ARTICLE);
  await login(page, "admin@ntm.demo");
  await page.goto("/quan-ly/cai-dat");
  const address = `Số ${Date.now() % 1000} đường Hoàng Văn Thụ, Thái Nguyên`;
  await page.getByLabel("Địa chỉ").fill(address);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await visitor.goto(ARTICLE);
  await expect(visitor.getByTestId("site-office")).toContainText(`Địa chỉ: ${address}`);
  await visitor.goto("/gioi-thieu");
  await expect(visitor.getByTestId("site-office")).toContainText(`Địa chỉ: ${address}`);
  await visitor.context().close();
});

test("an editor cannot open the portal settings", async ({ page }) => {
  await login(page, "bientap@ntm.demo");
  const res = await page.goto("/quan-ly/cai-dat");
  expect(res?.status()).toBe(403);
});
