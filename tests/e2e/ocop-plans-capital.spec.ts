import { expect, test, type Locator, type Page } from "@playwright/test";
import { login } from "./helpers";

// A province officer of Thái Nguyên registers a commune in the 2026 plan, records an OCOP product
// with its scores and a disbursement; the staff pages' figures and the public OCOP page show them.
// 2026: no demo plan, product or capital line uses it, so the figures move only by these steps.

const stamp = Date.now().toString(36).slice(-5);
const count = async (page: Page, testId: string) => Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/\D/g, ""));

/** Picks the first real option of a select (the first is the "— Chọn … —" placeholder). */
async function pickFirst(scope: Locator, label: string) {
  const select = scope.getByLabel(label, { exact: true });
  const value = await select.locator("option:not([value=''])").first().getAttribute("value");
  await select.selectOption(value!);
  return value!;
}

test("an officer registers a commune in the year plan, records a product with its scores and a disbursement; the pages show them", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "tinh@ntm.demo");

  // ── the year plan ──
  await page.goto("/quan-ly/ke-hoach?nam=2026");
  const registered = await count(page, "plan-NTM-registered");
  const plan = page.getByRole("form", { name: "Đăng ký xã vào kế hoạch" });
  await pickFirst(plan, "Xã");
  const commune = (await plan.getByLabel("Xã", { exact: true }).locator("option:checked").textContent())!.replace(/ \(.*\)$/, "");
  await plan.getByLabel("Mục tiêu").selectOption("NTM");
  await plan.getByLabel("Ngày dự kiến đạt").fill("2026-12-15");
  await plan.getByRole("button", { name: "Đăng ký vào kế hoạch năm 2026" }).click();
  await expect(page.getByTestId("register-status")).toContainText("Đã đăng ký; lộ trình gồm");
  await page.reload();
  expect(await count(page, "plan-NTM-registered")).toBe(registered + 1);
  const row = page.getByTestId("plan-entries").locator("tr", { hasText: commune });
  await expect(row).toContainText("Đạt chuẩn NTM");
  await expect(row).toContainText("15/12/2026");
  // its roadmap: the criteria the commune has not met, due by its target date
  await row.getByRole("link", { name: commune }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${commune} · Đạt chuẩn NTM năm 2026`);

  // ── an OCOP product with its scores ──
  await page.goto("/quan-ly/ocop");
  const products = await count(page, "ocop-products");
  const fourStars = await count(page, "ocop-stars-4");
  await page.getByRole("link", { name: "Đăng ký sản phẩm" }).click();
  const name = `Chè Shan tuyết ${stamp}`;
  const form = page.getByRole("form", { name: "Đăng ký sản phẩm OCOP" });
  await form.getByLabel("Tên sản phẩm").fill(name);
  await pickFirst(form, "Xã (nơi sản xuất)");
  await form.getByLabel("Nhóm sản phẩm (QĐ 148/QĐ-TTg)").selectOption("DRINK");
  await form.getByLabel("Phân nhóm").fill("Chè và sản phẩm từ chè");
  await form.getByLabel("Tên chủ thể mới").fill(`HTX Chè ${stamp}`);
  await form.getByLabel("Loại chủ thể").selectOption("COOPERATIVE");
  await form.getByRole("button", { name: "Đăng ký sản phẩm" }).click();
  await expect(page).toHaveURL(/\/quan-ly\/ocop\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  const evaluation = page.getByRole("form", { name: "Ghi kết quả đánh giá, phân hạng" });
  await evaluation.getByLabel("Năm đánh giá").fill("2025");
  await evaluation.getByLabel("Hội đồng đánh giá").selectOption("PROVINCE");
  // a part above its maximum is caught as it is typed, and refused by the server
  await evaluation.getByLabel(/Phần A/).fill("41");
  await expect(evaluation).toContainText("Điểm phần A tối đa 40 điểm.");
  await evaluation.getByLabel(/Phần A/).fill("32,5");
  await evaluation.getByLabel(/Phần B/).fill("20");
  await evaluation.getByLabel(/Phần C/).fill("26");
  await expect(page.getByTestId("evaluation-preview")).toContainText("78,50");
  await expect(page.getByTestId("evaluation-preview")).toContainText("4 sao");
  await evaluation.getByLabel("Số quyết định công nhận").fill("456/QĐ-UBND");
  await evaluation.getByLabel("Ngày quyết định").fill("2025-10-15");
  await expect(evaluation).toContainText("hết hạn ngày 15/10/2028");
  await evaluation.getByRole("button", { name: "Ghi kết quả đánh giá" }).click();
  await expect(page.getByTestId("evaluation-status")).toContainText("Đã ghi kết quả: 78,50 điểm, 4 sao.");
  await expect(page.getByTestId("evaluation-history")).toContainText("456/QĐ-UBND, 15/10/2025");

  await page.goto("/quan-ly/ocop");
  expect(await count(page, "ocop-products")).toBe(products + 1);
  expect(await count(page, "ocop-stars-4")).toBe(fourStars + 1);

  // ── a disbursement ──
  await page.goto("/quan-ly/von?nam=2026");
  await page.getByRole("link", { name: "Thêm dòng vốn" }).click();
  const project = `Đường trục thôn ${stamp}`;
  const line = page.getByRole("form", { name: "Thêm dòng vốn" });
  await pickFirst(line, "Đơn vị được giao vốn");
  await line.getByLabel("Nguồn vốn").selectOption("NSDP");
  await line.getByLabel("Vốn được giao (triệu đồng)").fill("1.500");
  await line.getByLabel("Giải ngân đến ngày").fill("2026-12-31");
  await line.getByLabel("Dự án, nội dung (không bắt buộc)").fill(project);
  await pickFirst(line, "Tiêu chí được đầu tư (không bắt buộc)");
  await line.getByRole("button", { name: "Thêm dòng vốn" }).click();
  await expect(page).toHaveURL(/\/quan-ly\/von\/\d+$/);

  const pay = page.getByRole("form", { name: "Ghi giải ngân" });
  // more than allocated is refused with the reason
  await pay.getByLabel("Ngày giải ngân").fill("2026-06-15");
  await pay.getByLabel("Số tiền (triệu đồng)").fill("1.600");
  await pay.getByRole("button", { name: "Ghi giải ngân" }).click();
  await expect(page.getByTestId("disbursement-status")).toContainText("vượt vốn được giao");
  await pay.getByLabel("Số tiền (triệu đồng)").fill("600");
  await pay.getByRole("button", { name: "Ghi giải ngân" }).click();
  await expect(page.getByTestId("disbursement-status")).toContainText("Tổng giải ngân của dòng vốn: 600 triệu đồng.");
  await expect(page.getByTestId("line-rate")).toContainText("40,0%");

  await page.goto("/quan-ly/von?nam=2026");
  const lineRow = page.getByTestId("capital-lines").locator("tr", { hasText: project });
  await expect(lineRow).toContainText("1,5 tỷ đồng");
  await expect(lineRow).toContainText("600 triệu đồng");
  await expect(lineRow).toContainText("40,0%");
  await expect(page.getByTestId("capital-month-table").locator("tr", { hasText: "Tháng 6/2026" })).toContainText("600 triệu đồng");

  // ── the public OCOP directory ──
  await page.goto(`/ocop?q=${encodeURIComponent(name)}`);
  const card = page.getByTestId("ocop-card").filter({ hasText: name });
  await expect(card).toContainText("4 sao");
  await card.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("ocop-decision")).toContainText("Quyết định 456/QĐ-UBND ngày 15/10/2025");
});

test("a product without a decision is not on the public OCOP page", async ({ page }) => {
  const res = await page.goto("/ocop/khong-co-san-pham-nay");
  expect(res?.status()).toBe(404);
  await page.goto("/ocop?sao=5");
  await expect(page.getByTestId("ocop-count")).toContainText("sản phẩm");
  for (const card of await page.getByTestId("ocop-card").all()) await expect(card).toContainText("5 sao");
});

test("a commune opens its satisfaction survey; a resident answers once per device, anonymously", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await login(page, "xa@ntm.demo");
  await page.goto("/quan-ly/khao-sat?nam=2025");
  const open = page.getByRole("form", { name: "Mở khảo sát" });
  if (await open.count()) {
    await pickFirst(open, "Xã");
    await open.getByRole("button", { name: "Mở khảo sát năm 2025" }).click();
  }
  const row = page.getByTestId("survey-table").locator("tbody tr", { hasText: "Xã Tân Thành" });
  await expect(row).toBeVisible();
  if (await row.getByRole("button", { name: "Mở lại" }).count()) await row.getByRole("button", { name: "Mở lại" }).click();
  await expect(row).toContainText("Đang mở");
  const responses = Number((await row.locator("td").nth(1).textContent())!.replace(/\D/g, ""));
  const href = (await row.getByRole("link").getAttribute("href"))!;

  const answer = async (resident: Page) => {
    await resident.goto(href);
    for (const fieldset of await resident.getByRole("group").all()) await fieldset.getByLabel("Hài lòng", { exact: true }).check();
    await resident.getByRole("button", { name: "Gửi ý kiến" }).click();
    await expect(resident.getByTestId("survey-done")).toContainText("Cảm ơn ông/bà đã gửi ý kiến");
  };
  const phone = await (await browser.newContext()).newPage();
  await answer(phone);
  // the same device again: the page says it has answered and shows no form
  await phone.reload();
  await expect(phone.getByTestId("survey-done")).toContainText("Thiết bị này đã gửi ý kiến");
  await expect(phone.getByRole("button", { name: "Gửi ý kiến" })).toHaveCount(0);
  // the device cookie is httpOnly and holds a random token, nothing else
  const cookies = await phone.context().cookies();
  expect(cookies.find((c) => c.name === "ntm_thiet_bi_khao_sat")).toMatchObject({ httpOnly: true, path: "/khao-sat" });
  // another device is another response
  await answer(await (await browser.newContext()).newPage());

  await page.reload();
  await expect(row.locator("td").nth(1)).toHaveText(String(responses + 2));
});
