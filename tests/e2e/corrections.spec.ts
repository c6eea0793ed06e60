import pg from "pg";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// 2023: no other journey touches that year. A confirmed 19/19 annual report of Huyện Phú Bình has
// its indicator 4.2 (households with safe electricity, %) corrected to 100%: still met, so no figure
// moves, but the public figures of 2023 now say when they were corrected.
const YEAR = 2023;

async function confirmedReport() {
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ unitId: number; name: string; indicatorId: number; value: string }>(`
      SELECT u.id AS "unitId", u."fullName" AS name, i.id AS "indicatorId", v."numberValue"::text AS value
        FROM "Assessment" a
        JOIN "AdminUnit" u ON u.id = a."unitId"
        JOIN "AdminUnit" d ON d.id = u."districtId" AND d.code = '173' AND d.level = 'DISTRICT'
        JOIN "IndicatorValue" v ON v."assessmentId" = a.id
        JOIN "Indicator" i ON i.id = v."indicatorId" AND i.code = '4.2'
       WHERE a.year = ${YEAR} AND a.status = 'CONFIRMED' AND a."criteriaMet" = 19 AND v."numberValue" < 100
         AND NOT EXISTS (SELECT 1 FROM "CorrectionRequest" c WHERE c."assessmentId" = a.id)
       ORDER BY u.name LIMIT 1`);
    expect(rows).toHaveLength(1);
    return rows[0];
  } finally {
    await sql.end();
  }
}

const todayInVietnam = () => new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "numeric", month: "numeric", year: "numeric" }).format(new Date());

test("a district officer asks to correct a confirmed report, a province officer approves it, and the public figures say so", async ({ browser }) => {
  test.setTimeout(90_000);
  const dossier = await confirmedReport();
  const oldText = `${dossier.value.replace(/\.?0+$/, "").replace(".", ",")}%`;

  // the district officer: the values are locked, so a correction request with a reason
  const huyen = await browser.newPage();
  await login(huyen, "huyen@ntm.demo");
  await huyen.goto(`/quan-ly/xa/${dossier.unitId}?nam=${YEAR}`);
  await expect(huyen.getByRole("heading", { level: 1 })).toHaveText(dossier.name);
  // confirmed: the values are locked on the entry screen
  await expect(huyen.getByText("Đã xác nhận", { exact: true }).first()).toBeVisible();
  await expect(huyen.getByRole("button", { name: /^Lưu tiêu chí/ })).toHaveCount(0);
  const panel = huyen.getByRole("region", { name: "Điều chỉnh số liệu đã xác nhận" });
  await panel.locator("summary", { hasText: "Đề nghị điều chỉnh" }).click();
  const form = panel.getByRole("form", { name: "Đề nghị điều chỉnh" });
  await form.getByLabel("Chỉ tiêu cần điều chỉnh 1").selectOption(String(dossier.indicatorId));
  await expect(form.getByTestId("correction-current-4.2")).toHaveText(oldText);
  await form.getByLabel("Giá trị mới của chỉ tiêu 4.2").fill("100");
  // without a reason the server refuses, in Vietnamese, next to the field
  await form.getByLabel("Lý do điều chỉnh (căn cứ, văn bản)").evaluate((el) => el.removeAttribute("required"));
  await form.getByRole("button", { name: "Gửi đề nghị điều chỉnh" }).click();
  await expect(form.getByText(/Nêu rõ lý do điều chỉnh/)).toBeVisible();
  await form.getByLabel("Lý do điều chỉnh (căn cứ, văn bản)").fill("Số hộ dùng điện được xác định lại theo biên bản kiểm tra của Điện lực Phú Bình.");
  await form.getByRole("button", { name: "Gửi đề nghị điều chỉnh" }).click();
  const request = panel.getByRole("article").first();
  await expect(request).toContainText("Chờ phê duyệt");
  const row = request.getByRole("row").filter({ hasText: "4.2" });
  await expect(row.getByRole("cell").nth(1)).toHaveText(oldText); // old
  await expect(row.getByRole("cell").last()).toHaveText("100%"); // → new
  await expect(panel.getByText("Đang có một đề nghị điều chỉnh chờ phê duyệt.")).toBeVisible();
  // the district officer has no approval forms (and could not approve their own request anyway)
  await expect(huyen.getByRole("button", { name: "Phê duyệt và áp dụng" })).toHaveCount(0);

  // the province officer approves it from the queue
  const tinh = await browser.newPage();
  await login(tinh, "tinh@ntm.demo");
  await tinh.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Điều chỉnh số liệu" }).click();
  await expect(tinh.getByRole("heading", { level: 1 })).toHaveText("Điều chỉnh số liệu đã xác nhận");
  const pending = tinh.getByRole("region", { name: "Đề nghị chờ phê duyệt" }).getByRole("article").filter({ hasText: dossier.name });
  await expect(pending).toContainText("Cán bộ VPĐP huyện Phú Bình");
  await expect(pending).toContainText("biên bản kiểm tra của Điện lực Phú Bình");
  await pending.getByRole("button", { name: "Phê duyệt và áp dụng" }).click();
  const decided = tinh.getByRole("region", { name: "Đã xử lý gần đây" }).getByRole("article").filter({ hasText: dossier.name });
  await expect(decided).toContainText("Đã phê duyệt");
  await expect(decided).toContainText("Phê duyệt bởi Cán bộ VPĐP tỉnh Thái Nguyên");

  // the dossier shows the new value and the decision in its history
  await huyen.reload();
  await expect(panel.getByRole("article").first()).toContainText("Đã phê duyệt");
  await expect(huyen.getByRole("region", { name: "Lịch sử thay đổi" })).toContainText("Phê duyệt điều chỉnh 1 chỉ tiêu");
  await expect(huyen.getByTestId("criteria-met")).toHaveText("19/19");

  // the public: the figures of 2023 carry the date of the correction; the open data too
  const visitor = await browser.newPage();
  await visitor.goto(`/so-lieu?nam=${YEAR}`);
  await expect(visitor.getByTestId("correction-notice")).toContainText(`Số liệu năm ${YEAR} đã điều chỉnh ngày ${todayInVietnam()}`);
  const api = await (await visitor.request.get(`/api/v1/thong-ke?nam=${YEAR}`)).json();
  expect(api.correctedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(api.reports.confirmed).toBeGreaterThan(0); // the figures the date is about
  expect(api.reports.fullCriteria).toBeGreaterThan(0);
  await visitor.goto(`/so-lieu?nam=2021`);
  await expect(visitor.getByTestId("correction-notice")).toHaveCount(0);
});
