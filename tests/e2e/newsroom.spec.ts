// The newsroom and the follow-up of notice tasks, in a real browser against the production build:
// what an editor publishes is on the public home page at once, and what an assignee reports
// changes the leadership's scorecard (and the public notice page) at once.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

test("an editor publishes an article and it appears on the home page at once", async ({ page }) => {
  const title = `Thái Nguyên ra quân xây dựng nông thôn mới kiểu mẫu ${Date.now()}`;
  await login(page, "bientap@ntm.demo");
  await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Tin bài" }).click();
  await page.getByRole("link", { name: "Viết bài mới" }).click();

  await page.getByLabel("Tiêu đề").fill(title);
  await page.getByLabel("Tóm tắt (sapo)").fill("Toàn tỉnh ra quân đồng loạt, hướng tới các xã đạt chuẩn nông thôn mới kiểu mẫu.");
  await page.getByLabel(/^Nội dung/).fill(`<p>Sáng nay, các xã <strong>đồng loạt ra quân</strong>.</p><script>alert("x")</script><p onclick="alert(1)">Người dân hưởng ứng.</p>`);
  // the live preview shows the body as it will be stored: the script and the handler are gone
  const preview = page.getByTestId("rich-text-preview");
  await expect(preview).toContainText("Người dân hưởng ứng.");
  await expect(preview.locator("script")).toHaveCount(0);
  await expect(preview.locator("[onclick]")).toHaveCount(0);

  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page).toHaveURL(/\/quan-ly\/tin-bai\/\d+\?da-tao=1$/);
  await expect(page.getByTestId("publish-state")).toContainText("Bản nháp");
  await page.getByRole("button", { name: "Đăng ngay" }).click();
  await expect(page.getByTestId("publish-message")).toHaveText("Đã cập nhật trạng thái đăng.");
  await expect(page.getByTestId("publish-state")).toContainText("Đang hiển thị công khai");

  await page.goto("/");
  const link = page.getByRole("link", { name: title }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator("main")).toContainText("Người dân hưởng ứng.");
});

/** The scorecard row of the organisation, as the leadership sees it. */
async function scorecardCounts(page: Page, organisation: RegExp) {
  const row = page.getByTestId("scorecard").getByRole("row", { name: organisation });
  await expect(row).toHaveCount(1);
  const count = async (cls: string) => Number(await row.locator(`[data-testid$="-${cls}"]`).innerText());
  return { overdue: await count("OVERDUE"), doneLate: await count("DONE_LATE"), doneOnTime: await count("DONE_ON_TIME") };
}

test("a department officer marks a task done and the scorecard seen by the leadership changes", async ({ browser }) => {
  test.setTimeout(90_000); // two people, two sign-ins, six page loads and a save
  const leader = await (await browser.newContext()).newPage();
  await login(leader, "lanhdao@ntm.demo");
  await leader.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Theo dõi nhiệm vụ" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Theo dõi thực hiện nhiệm vụ");
  const before = await scorecardCounts(leader, /Sở Kế hoạch và Đầu tư/);
  expect(before.overdue).toBeGreaterThan(0); // the seed deadline of 31/12/2023 has passed with nothing reported

  const officer = await (await browser.newContext()).newPage();
  await login(officer, "so@ntm.demo");
  await expect(officer).toHaveURL(/\/quan-ly\/nhiem-vu$/);
  // the overdue task of 3691/TB-VPUBND stands out, first in the list
  const overdueTask = officer.getByTestId("my-tasks").getByRole("listitem").filter({ hasText: "Quá hạn" }).first();
  await expect(overdueTask).toContainText("3691/TB-VPUBND");
  await overdueTask.getByRole("link", { name: /Thông báo số 3691\/TB-VPUBND/ }).click();
  await expect(officer.getByTestId("task-class")).toContainText("Quá hạn");

  await officer.getByLabel("Đã hoàn thành").check();
  await expect(officer.getByLabel("Ngày hoàn thành")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await officer.getByRole("button", { name: "Cập nhật tình trạng" }).click();
  await expect(officer.getByTestId("task-status-message")).toHaveText("Đã cập nhật tình trạng nhiệm vụ.");
  await expect(officer.getByTestId("task-class")).toContainText("Hoàn thành quá hạn");

  await leader.reload();
  const after = await scorecardCounts(leader, /Sở Kế hoạch và Đầu tư/);
  expect(after).toEqual({ overdue: before.overdue - 1, doneLate: before.doneLate + 1, doneOnTime: before.doneOnTime });

  // the public notice page shows the new state at once (its cache was expired by the update)
  await officer.getByRole("link", { name: "Thông báo số 3691/TB-VPUBND" }).click();
  await expect(officer.getByRole("table").getByText("Hoàn thành quá hạn").first()).toBeVisible();
});
