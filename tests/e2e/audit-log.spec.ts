// The audit-log viewer in a real browser: a leader filters it; an editor may not open it.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { login } from "./helpers";

test("a leader opens the audit log from the menu and filters it down to one entity", async ({ page }) => {
  const entityId = `e2e-${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "AuditLog" ("userId", action, "entityType", "entityId", "unitId", before, after)
       SELECT u.id, 'criterion.save', 'CriterionResult', $1, u."unitId", '{"status":"NOT_MET"}', '{"status":"MET"}' FROM "User" u WHERE u.email = 'xa@ntm.demo'`,
      [entityId],
    );
  } finally {
    await client.end();
  }
  await login(page, "lanhdao@ntm.demo");
  await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Nhật ký" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhật ký thao tác");
  await page.getByLabel("Loại đối tượng").selectOption("CriterionResult");
  await page.getByLabel("Mã đối tượng").fill(entityId);
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`doi_tuong=CriterionResult.*ma=${entityId}`));
  await expect(page.getByTestId("audit-total")).toHaveText("1 mục");
  const row = page.getByTestId("audit-table").getByRole("row").nth(1);
  await expect(row).toContainText("Cán bộ xã Tân Thành");
  await expect(row).toContainText("Xã Tân Thành");
  await expect(row).toContainText("status: NOT_MET → MET");
});

test("an editor cannot open the audit log", async ({ page }) => {
  await login(page, "bientap@ntm.demo");
  const res = await page.goto("/quan-ly/nhat-ky");
  expect(res?.status()).toBe(403);
});
