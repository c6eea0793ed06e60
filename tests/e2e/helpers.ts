import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "NongThonMoi@2026";

/** Signs in through the sign-in page of `base` (default: the suite's server). */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, base = "") {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/quan-ly/);
}
