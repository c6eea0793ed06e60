import { expect, test, type Locator, type Page } from "@playwright/test";
import { login } from "./helpers";

// The demo data leaves two annual reports of 2025 open for these journeys (prisma/seed.ts
// DEMO_SCRIPT): Xã Tân Thành (Phú Bình) at 18/19 with criterion 17 short, and Xã Bàn Đạt in DRAFT.
// The journeys run after 1/7/2025: the level above a commune is its province (the districts are
// gone), and the recognition procedure has no district step.

const VN = { timeZone: "Asia/Ho_Chi_Minh" } as const;
const todayIso = () => new Intl.DateTimeFormat("en-CA", VN).format(new Date());
const todayVi = () => new Intl.DateTimeFormat("vi-VN", { ...VN, day: "numeric", month: "numeric", year: "numeric" }).format(new Date());

/** "xã đạt chuẩn NTM (có quyết định công nhận)" of the province for 2025's communes, as at today. */
async function recognisedInProvince(page: Page): Promise<number> {
  await page.goto(`/quan-ly/tong-quan?nam=2025&den-ngay=${todayIso()}`);
  const text = await page.getByTestId("figure-recognised").locator("span").first().textContent();
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

test("a commune completes and sends its report; the province confirms it; the commune asks to be recognised; the council appraises; the province records the decision", async ({ browser }) => {
  test.setTimeout(180_000); // three people, five sign-ins, a dozen page loads
  // the province's figure before
  const tinh = await browser.newPage();
  await login(tinh, "tinh@ntm.demo");
  const before = await recognisedInProvince(tinh);

  // commune officer: criterion 17 is short; fill it, watch it turn "Đạt", save, send the report
  const xa = await browser.newPage();
  await login(xa, "xa@ntm.demo");
  await expect(xa.getByTestId("criteria-met")).toHaveText("18/19");
  const recognition = xa.getByRole("region", { name: "Công nhận đạt chuẩn" });
  // not yet: the report meets 18 criteria and is not confirmed — said before anything is typed
  await expect(recognition.getByTestId("propose-problem")).toContainText("chưa được cấp trên xác nhận");
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
  const send = xa.getByRole("form", { name: "Gửi báo cáo" });
  await expect(send).toContainText("Gửi báo cáo cho tỉnh xác nhận");
  await send.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(xa.getByText("Chờ cấp trên xác nhận", { exact: true }).first()).toBeVisible();
  // values are locked once sent
  await expect(xa.getByRole("button", { name: "Lưu tiêu chí 17" })).toHaveCount(0);

  // the district officer: no district since 1/7/2025, nothing to confirm
  const huyen = await browser.newPage();
  await login(huyen, "huyen@ntm.demo");
  await openCommune(huyen, "Xã Tân Thành");
  await expect(huyen.getByText("Chờ cấp trên xác nhận", { exact: true }).first()).toBeVisible();
  await expect(huyen.getByRole("button", { name: "Xác nhận báo cáo" })).toHaveCount(0);

  // the province confirms the report
  await openCommune(tinh, "Xã Tân Thành");
  await tinh.getByRole("form", { name: "Xác nhận báo cáo" }).getByRole("button", { name: "Xác nhận báo cáo" }).click();
  await expect(tinh.getByText("Đã xác nhận", { exact: true }).first()).toBeVisible();
  await expect(tinh.getByRole("region", { name: "Lịch sử thay đổi" })).toContainText("Xác nhận báo cáo");

  // the commune may now ask to be recognised, and does
  await xa.reload();
  const propose = recognition.getByRole("form", { name: "Đề nghị xét công nhận" });
  await expect(propose).toContainText("đạt đủ tiêu chí");
  await propose.getByRole("button", { name: "Gửi hồ sơ đề nghị xét công nhận" }).click();
  await expect(recognition).toContainText("Xã đã gửi hồ sơ đề nghị");

  // no verification step after 1/7/2025: the district officer is offered none
  await huyen.reload();
  await expect(huyen.getByRole("region", { name: "Công nhận đạt chuẩn" })).toContainText("Xã đã gửi hồ sơ đề nghị");
  await expect(huyen.getByRole("button", { name: "Xác nhận thẩm tra" })).toHaveCount(0);

  // the province: the council's vote, then the decision
  await tinh.reload();
  const appraise = tinh.getByRole("form", { name: "Ghi nhận thẩm định" });
  await appraise.getByLabel("Ngày họp hội đồng").fill(todayIso());
  await appraise.getByLabel("Số thành viên đồng ý").fill("14");
  await appraise.getByLabel("Tổng số thành viên").fill("15");
  await appraise.getByRole("button", { name: "Ghi nhận thẩm định" }).click();
  await expect(tinh.getByText("Hội đồng thẩm định tỉnh đã thông qua").first()).toBeVisible();
  const decide = tinh.getByRole("form", { name: "Ghi quyết định công nhận" });
  await expect(decide).toContainText("14/15 thành viên đồng ý");
  const record = async (date: string) => {
    await decide.getByLabel("Số quyết định").fill("2345/QĐ-UBND");
    await decide.getByLabel("Ngày ký").fill(date);
    await decide.getByLabel("Người ký").fill("Chủ tịch UBND tỉnh Thái Nguyên");
    await decide.getByLabel("Tôi đã đối chiếu quyết định đã ký với tóm tắt trên.").check();
    await decide.getByRole("button", { name: "Ghi quyết định công nhận" }).click();
  };
  // a decision dated 1/1/2030 is refused next to its date, and no title is granted
  await record("2030-01-01");
  await expect(decide.getByText("Ngày ký quyết định không được sau ngày hôm nay.").first()).toBeVisible();
  await expect(tinh.getByTestId("title")).toHaveCount(0);
  await record(todayIso());
  await expect(tinh.getByTestId("title").first()).toContainText(`Quyết định 2345/QĐ-UBND ngày ${todayVi()}`);

  // the commune holds the title: nothing more to ask for; the province's figure counts it
  await xa.reload();
  await expect(recognition.getByTestId("propose-problem")).toHaveText("Xã đang giữ danh hiệu xã đạt chuẩn nông thôn mới.");
  expect(await recognisedInProvince(tinh)).toBe(before + 1);
});

test("a stale save from a second browser is refused with the newer value and who saved it", async ({ browser }) => {
  test.setTimeout(60_000); // two people, two sign-ins, five page loads
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
  // criterion 3 (irrigation) opens with a rate: 3.1 is a percentage under Decision 318
  const card = page.getByTestId("criterion-3");
  await unfold(card);
  const input = card.locator("input[inputmode=decimal]").first();
  const original = await input.inputValue();
  await input.fill("khoảng 80");
  await card.getByRole("button", { name: "Lưu tiêu chí 3" }).click();
  await expect(card.getByText("Giá trị phải là một số (ví dụ 85,5).")).toBeVisible();
  await input.fill("-5");
  await card.getByRole("button", { name: "Lưu tiêu chí 3" }).click();
  await expect(card.getByText("Tỷ lệ không được âm.")).toBeVisible();
  await page.reload();
  await unfold(card);
  await expect(card.locator("input[inputmode=decimal]").first()).toHaveValue(original);
});
