import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// /quan-ly/tieu-chi shows each set's legal dates, the source of every sourced threshold with its
// confidence, "mẫu" where no source exists, and "tạm tính" on the bands of the 10-criteria set.

test("a threshold shows its source and confidence, a sample value says mẫu", async ({ page }) => {
  await login(page, "tinh@ntm.demo");
  await page.goto("/quan-ly/tieu-chi?bo=XA_2016_2020");
  await expect(page.getByText("QĐ 1980/QĐ-TTg ngày 17/10/2016")).toBeVisible();
  await expect(page.getByText("từ 17/10/2016 đến hết 7/3/2022")).toBeVisible();
  await expect(page.getByText(/^2016–2021 \(bộ tiêu chí có hiệu lực ngày 31\/12/)).toBeVisible();

  // income: two independent publishers, Bắc Trung Bộ ≥ 36 (the sample had 41)
  const income = page.getByRole("region", { name: "Tiêu chí 10" }).getByRole("row").filter({ hasText: "10.1" });
  const btb = income.getByRole("cell").nth(4);
  await expect(btb).toContainText("36");
  await expect(btb).toContainText("2 nguồn");
  await expect(btb.getByRole("link", { name: "Nguồn", exact: true })).toHaveAttribute("href", /^https:\/\/thuviennhadat\.vn\//);

  // child stunting is a ceiling from one source; 4.2 keeps sample regional values beside a sourced general one
  const stunting = page.getByRole("region", { name: "Tiêu chí 15" }).getByRole("row").filter({ hasText: "15.3" });
  await expect(stunting).toContainText("≤ ngưỡng (%)");
  const tayNguyen = stunting.getByRole("cell").nth(6);
  await expect(tayNguyen).toContainText("31,4");
  await expect(tayNguyen).toContainText("1 nguồn");
  const power = page.getByRole("region", { name: "Tiêu chí 4" }).getByRole("row").filter({ hasText: "4.2" });
  await expect(power.getByRole("cell").nth(1)).toContainText("2 nguồn");
  await expect(power.getByRole("cell").nth(2)).toContainText("mẫu");
});

test("the 2021–2025 set records its amendment, the 2010–2015 set has no criteria, the 2026–2030 bands are tạm tính", async ({ page }) => {
  await login(page, "tinh@ntm.demo");
  await page.goto("/quan-ly/tieu-chi?bo=XA_2021_2025");
  await expect(page.getByText(/QĐ 211\/QĐ-TTg, hiệu lực từ 1\/3\/2024/)).toBeVisible();
  await expect(page.getByText("chưa có chỉ tiêu sửa đổi")).toBeVisible();

  await page.goto("/quan-ly/tieu-chi?bo=XA_2010_2015");
  await expect(page.getByText("QĐ 491/QĐ-TTg ngày 16/4/2009")).toBeVisible();
  await expect(page.getByText(/Cổng chưa có danh mục tiêu chí của bộ này/)).toBeVisible();

  await page.goto("/quan-ly/tieu-chi?bo=XA_2026_2030");
  await expect(page.getByText("tạm tính", { exact: true })).toBeVisible();
  await expect(page.getByText(/8–9 tiêu chí \(tạm tính\)/)).toBeVisible();
});
