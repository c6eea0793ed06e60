import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const LANDINGS = [
  ["admin@ntm.demo", /\/quan-ly\/nguoi-dung$/, "Người dùng"],
  ["admin.tinh@ntm.demo", /\/quan-ly\/nguoi-dung$/, "Người dùng"],
  ["lanhdao@ntm.demo", /\/quan-ly\/tong-quan$/, "Tổng quan"],
  ["tinh@ntm.demo", /\/quan-ly\/xa$/, "Kết quả thực hiện tiêu chí các xã"],
  ["huyen@ntm.demo", /\/quan-ly\/xa$/, "Kết quả thực hiện tiêu chí các xã"],
  ["xa@ntm.demo", /\/quan-ly\/xa\/\d+$/, "Xã Tân Thành"],
  ["so@ntm.demo", /\/quan-ly\/nhiem-vu$/, "Nhiệm vụ của tôi"],
  ["bientap@ntm.demo", /\/quan-ly\/tin-bai$/, "Tin bài"],
] as const;

for (const [email, url, heading] of LANDINGS) {
  test(`${email} logs in and lands on its page`, async ({ page }) => {
    await login(page, email);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  });
}

test("a wrong password gets a clear Vietnamese message", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Email").fill("tinh@ntm.demo");
  await page.getByLabel("Mật khẩu").fill("mat-khau-sai");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Email hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/dang-nhap/);
});

test("an anonymous visitor of a staff page is sent to the login page", async ({ page }) => {
  await page.goto("/quan-ly/xa");
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fquan-ly%2Fxa/);
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
});

// the values as they arrive in the address bar: Next decodes them before the page reads them
for (const callbackUrl of ["/%5Cevil.example/x", "/%09/evil.example", "/%5C%5Cevil.example", "//evil.example", "javascript:alert(1)"]) {
  test(`after signing in with callbackUrl=${callbackUrl} the browser stays on the portal`, async ({ page, baseURL }) => {
    await page.goto(`/dang-nhap?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill("tinh@ntm.demo");
    await page.getByLabel("Mật khẩu").fill("NongThonMoi@2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname.startsWith("/quan-ly"));
  });
}

test("a commune officer cannot open another commune's page", async ({ page }) => {
  await login(page, "xa@ntm.demo");
  const own = Number(page.url().split("/").pop());
  const res = await page.goto(`/quan-ly/xa/${own + 1}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByText("Không có quyền truy cập")).toBeVisible();
});

test("the leadership page draws the band chart with a table of the same numbers", async ({ page }) => {
  await login(page, "lanhdao@ntm.demo");
  await expect(page.getByRole("img", { name: /Biểu đồ số xã/ })).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("band-table")).toContainText("19 tiêu chí");
});
