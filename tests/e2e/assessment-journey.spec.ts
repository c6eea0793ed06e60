import { expect, test, type Locator, type Page } from "@playwright/test";
import { login } from "./helpers";

// The demo data leaves two dossiers of 2025 open for these journeys (prisma/seed.ts DEMO_SCRIPT):
// Xã Tân Thành (Phú Bình) at 18/19 with criterion 17 short, and Xã Bàn Đạt in DRAFT.

async function reachedInProvince(page: Page): Promise<number> {
  await page.goto("/quan-ly/tong-quan?nam=2025");
  const text = await page.getByTestId("figure-reached").locator("span").first().textContent();
  return Number((text ?? "").replace(/\D/g, ""));
}

/** Criteria already met start folded: open one to edit it. */
async function unfold(card: Locator) {
  if (!(await card.evaluate((el) => (el as HTMLDetailsElement).open))) await card.locator("summary").click();
}

async function openCommune(page: Page, name: string) {
  await page.goto("/quan-ly/xa?nam=2025");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test.describe.configure({ mode: "serial" });

test("a commune fills a criterion and submits; the district verifies; the province appraises and recognises", async ({ browser }) => {
  test.setTimeout(180_000); // three people, four sign-ins, nine page loads
  // the province's figure before
  const leader = await browser.newPage();
  await login(leader, "tinh@ntm.demo");
  const before = await reachedInProvince(leader);

  // commune officer: criterion 17 is short; fill it, watch it turn "Đạt", save, submit
  const xa = await browser.newPage();
  await login(xa, "xa@ntm.demo");
  await expect(xa.getByTestId("criteria-met")).toHaveText("18/19");
  const c17 = xa.getByTestId("criterion-17");
  const failing = c17.locator("tbody tr").filter({ hasText: "✗ Chưa đạt" });
  const count = await failing.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const row = c17.locator("tbody tr").filter({ hasText: "✗ Chưa đạt" }).first();
    const select = row.locator("select");
    if (await select.count()) await select.selectOption("true");
    else await row.locator("input").fill("100");
  }
  await expect(c17.locator("tbody tr").filter({ hasText: "✗ Chưa đạt" })).toHaveCount(0);
  await c17.getByRole("button", { name: "Lưu tiêu chí 17" }).click();
  await expect(xa.getByTestId("criterion-17-message")).toContainText("Đã lưu. Xã đạt 19/19 tiêu chí.");
  await xa.reload();
  await expect(xa.getByTestId("criteria-met")).toHaveText("19/19");
  await xa.getByRole("button", { name: "Trình thẩm tra" }).click();
  await expect(xa.getByText("Đã trình").first()).toBeVisible();
  // values are locked once submitted
  await expect(xa.getByRole("button", { name: "Lưu tiêu chí 17" })).toHaveCount(0);

  // district officer verifies
  const huyen = await browser.newPage();
  await login(huyen, "huyen@ntm.demo");
  await openCommune(huyen, "Xã Tân Thành");
  await huyen.getByRole("button", { name: "Xác nhận thẩm tra" }).click();
  await expect(huyen.getByText("Huyện đã thẩm tra").first()).toBeVisible();

  // province: council appraisal, then recognition
  await openCommune(leader, "Xã Tân Thành");
  const appraise = leader.getByRole("form", { name: "Ghi nhận thẩm định" });
  await appraise.getByLabel("Số thành viên hội đồng đồng ý").fill("14");
  await appraise.getByLabel("Tổng số thành viên").fill("15");
  await appraise.getByRole("button", { name: "Ghi nhận thẩm định" }).click();
  await expect(leader.getByText("Tỉnh đã thẩm định").first()).toBeVisible();
  const recognise = leader.getByRole("form", { name: "Công nhận đạt chuẩn" });
  await recognise.getByLabel("Số quyết định").fill("2345/QĐ-UBND");
  await recognise.getByLabel("Ngày quyết định").fill("2025-12-20");
  await recognise.getByLabel("Người ký").fill("Chủ tịch UBND tỉnh Thái Nguyên");
  await recognise.getByRole("button", { name: "Công nhận đạt chuẩn" }).click();
  await expect(leader.getByText("Quyết định công nhận số 2345/QĐ-UBND ngày 20/12/2025")).toBeVisible();
  await expect(leader.getByRole("region", { name: "Lịch sử thay đổi" })).toContainText("Công nhận đạt chuẩn");

  // the province figure counts the commune now
  expect(await reachedInProvince(leader)).toBe(before + 1);
});

test("a stale save from a second browser is refused with the newer value and who saved it", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await login(first, "huyen@ntm.demo");
  await login(second, "tinh@ntm.demo");
  await openCommune(first, "Xã Bàn Đạt");
  await openCommune(second, "Xã Bàn Đạt");

  const card = (p: Page) => p.getByTestId("criterion-2");
  for (const p of [first, second]) await unfold(card(p));
  const input = (p: Page) => card(p).locator("input[inputmode=decimal]").first();
  await input(first).fill("91,5");
  await card(first).getByRole("button", { name: "Lưu tiêu chí 2" }).click();
  await expect(first.getByTestId("criterion-2-message")).toContainText("Đã lưu");

  await input(second).fill("42");
  await card(second).getByRole("button", { name: "Lưu tiêu chí 2" }).click();
  await expect(second.getByTestId("criterion-2-message")).toContainText("vừa được Cán bộ VPĐP huyện Phú Bình lưu");
  await expect(second.getByTestId("criterion-2-conflict")).toContainText("91,5");

  // nothing was overwritten
  await first.reload();
  await unfold(card(first));
  await expect(input(first)).toHaveValue("91,5");
});

test("bad input gets a clear Vietnamese message next to the field and nothing is saved", async ({ page }) => {
  await login(page, "tinh@ntm.demo");
  await openCommune(page, "Xã Bàn Đạt");
  const card = page.getByTestId("criterion-5");
  await unfold(card);
  const input = card.locator("input[inputmode=decimal]").first();
  const original = await input.inputValue();
  await input.fill("khoảng 80");
  await card.getByRole("button", { name: "Lưu tiêu chí 5" }).click();
  await expect(card.getByText("Giá trị phải là một số (ví dụ 85,5).")).toBeVisible();
  await input.fill("-5");
  await card.getByRole("button", { name: "Lưu tiêu chí 5" }).click();
  await expect(card.getByText("Tỷ lệ không được âm.")).toBeVisible();
  await page.reload();
  await unfold(card);
  await expect(card.locator("input[inputmode=decimal]").first()).toHaveValue(original);
});
