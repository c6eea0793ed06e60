// Accounts in a real browser: the sign-in limit's message, a forced password change, signing out
// everywhere, and an admin creating an account within its scope.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import { login } from "./helpers";

const tag = () => randomBytes(4).toString("hex");

/** An EDITOR of Thái Nguyên whose password an admin chose: it must be changed at first sign-in. */
async function insertUserMustChange(password: string): Promise<string> {
  const email = `bientap.moi.${tag()}@ntm.test`;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (email, name, "passwordHash", role, "unitId", "mustChangePassword")
       SELECT $1, 'Biên tập viên mới', $2, 'EDITOR', "unitId", true FROM "User" WHERE email = 'bientap@ntm.demo'`,
      [email, await bcrypt.hash(password, 10)],
    );
  } finally {
    await client.end();
  }
  return email;
}

async function signInWithForm(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

test("after five wrong passwords the login page says how long to wait", async ({ page }) => {
  const email = `khong-co.${tag()}@ntm.test`;
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, email, `sai-mat-khau-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText("Email hoặc mật khẩu không đúng.");
  }
  await signInWithForm(page, email, "sai-mat-khau-6");
  await expect(page.getByTestId("login-error")).toHaveText("Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
});

test("a user must change the password an admin chose before anything else, then signs out everywhere", async ({ page, browser }: { page: import("@playwright/test").Page; browser: Browser }) => {
  const first = "Mat-khau-tam-2026";
  const chosen = "Dong-lua-chin-vang-2027";
  const email = await insertUserMustChange(first);
  await signInWithForm(page, email, first);
  await expect(page).toHaveURL(/\/doi-mat-khau$/);
  // every staff page leads back here until the password is changed
  await page.goto("/quan-ly/tin-bai");
  await expect(page).toHaveURL(/\/doi-mat-khau$/);

  await page.getByLabel("Mật khẩu hiện tại").fill(first);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("ngan-qua-1");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("ngan-qua-1");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu phải có ít nhất 12 ký tự.")).toBeVisible();

  await page.getByLabel("Mật khẩu hiện tại").fill(first);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(chosen);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(chosen);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/quan-ly\/tin-bai$/);

  // a second browser signs in too; "sign out everywhere" in the first ends both sessions
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWithForm(otherPage, email, chosen);
  await expect(otherPage).toHaveURL(/\/quan-ly\/tin-bai$/);

  await page.getByRole("link", { name: "Tài khoản" }).click();
  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await otherPage.goto("/quan-ly/tin-bai");
  await expect(otherPage).toHaveURL(/\/dang-nhap/);
  await other.close();
});

test("an admin creates an account within its scope, and the new user must change its password", async ({ page }) => {
  const email = `xa.moi.${tag()}@ntm.test`;
  await login(page, "admin@ntm.demo");
  await page.getByRole("link", { name: "Tạo tài khoản" }).click();
  await page.getByLabel("Tỉnh, thành phố của tài khoản").selectOption({ label: "Tỉnh Thái Nguyên (đến 30/6/2025)" });
  await page.getByRole("button", { name: "Chọn", exact: true }).click();
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel("Họ tên").fill("Cán bộ xã Tân Thành mới");
  await page.getByLabel("Vai trò").selectOption({ label: "Cán bộ xã" });
  await page.getByLabel("Phạm vi quản lý").selectOption({ label: "Xã Tân Thành (Phú Bình)" });
  await page.getByLabel("Mật khẩu ban đầu").fill("Ruong-bac-thang-2026");
  await page.getByLabel(/^Nhập lại mật khẩu/).fill("Ruong-bac-thang-2026");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByTestId("user-create-status")).toContainText("Đã tạo tài khoản.");

  await page.goto("/quan-ly/nguoi-dung");
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toContainText("Cán bộ xã");
  await expect(row).toContainText("chờ đổi mật khẩu");
});
