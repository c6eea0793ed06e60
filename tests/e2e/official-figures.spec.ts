// The seed article's figures on the public page and in the open data, from the offices' files:
// a province built for the test (its 2016–2020 programme list holds 143 xã) is filled through the
// command line exactly as README writes it, then /so-lieu and /api/v1/thong-ke are read as at
// 30/6/2020. The province stands only until 2021, so no other test's figures include it.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { expect, test } from "@playwright/test";
import pg from "pg";

const N = 143;
const CODE = "97";
const name = (i: number) => `Mẫu ${i}`;
const code = (i: number) => `97${String(i).padStart(3, "0")}`;

test("the public page and the API say '103 xã đạt chuẩn NTM, đạt tỷ lệ 72%' as at 30/6/2020, naming the list", async ({ page, request }, testInfo) => {
  test.setTimeout(300_000); // three runs of the command line, each a process of its own
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  let provinceId = 0;
  try {
    const units = `INSERT INTO "AdminUnit" (level, type, code, name, "fullName", slug, "validFrom", "validTo", "parentId", "provinceId", "districtId", region)`;
    provinceId = (await sql.query(`${units} VALUES ('PROVINCE', 'TINH', $1, 'Mẫu', 'Tỉnh Mẫu', 'mau', '2010-01-01', '2021-01-01', NULL, NULL, NULL, 'TDMNPB') RETURNING id`, [CODE])).rows[0].id;
    const districtId = (await sql.query(`${units} VALUES ('DISTRICT', 'HUYEN', '997', 'Mẫu', 'Huyện Mẫu', 'mau', '2010-01-01', '2021-01-01', $1, $1, NULL, 'TDMNPB') RETURNING id`, [provinceId])).rows[0].id;
    for (let i = 1; i <= N; i++) {
      await sql.query(`${units} VALUES ('COMMUNE', 'XA', $1, $2, $3, $4, '2010-01-01', '2021-01-01', $5, $6, $5, 'TDMNPB')`, [code(i), name(i), `Xã ${name(i)}`, `mau_${i}`, districtId, provinceId]);
    }
  } finally {
    await sql.end();
  }

  const level = (i: number) => (i <= 103 ? 19 : i <= 114 ? 15 + (i % 4) : 10 + (i % 5));
  const files = {
    list: [["Mã xã", "Tên xã", "Giai đoạn", "Căn cứ"], ...Array.from({ length: N }, (_, k) => [code(k + 1), name(k + 1), "2016-2020", "Quyết định số 1234/QĐ-UBND ngày 12/5/2016 của UBND tỉnh Mẫu"])],
    titles: [
      ["Mã xã", "Tên xã", "Danh hiệu", "Bộ tiêu chí", "Số quyết định", "Ngày quyết định", "Người ký"],
      ...Array.from({ length: 103 }, (_, k) => [code(k + 1), name(k + 1), "NTM", 2014 + (k % 7) <= 2015 ? "491/2009" : "1980/2016", `${500 + k}/QĐ-UBND`, 2014 + (k % 7) === 2020 ? "10/03/2020" : `15/12/${2014 + (k % 7)}`, "Chủ tịch UBND tỉnh"]),
    ],
    reports: [
      ["Mã xã", "Tên xã", "Năm", "Ngày xác nhận", ...Array.from({ length: 19 }, (_, j) => `TC ${j + 1}`)],
      ...Array.from({ length: N }, (_, k) => [code(k + 1), name(k + 1), 2020, "20/06/2020", ...Array.from({ length: 19 }, (_, j) => (j < level(k + 1) ? "Đạt" : "Chưa đạt"))]),
    ],
  };
  for (const [kind, rows] of Object.entries(files)) {
    const path = testInfo.outputPath(`${kind}.csv`);
    writeFileSync(path, stringify(rows));
    const run = spawnSync("npm", ["run", "--silent", "import:assessments", "--", path], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, `${kind}: ${run.stdout}${run.stderr}`).toBe(0);
  }

  await page.goto(`/so-lieu?tinh=${provinceId}&nam=2020&den-ngay=2020-06-30`);
  await expect(page.getByTestId("as-of")).toHaveText("Số liệu đến ngày 30/6/2020");
  await expect(page.getByTestId("figures-sentence")).toContainText("103 xã đạt chuẩn NTM, đạt tỷ lệ 72% (103/143 xã)");
  await expect(page.getByTestId("figures-basis")).toContainText("Quyết định số 1234/QĐ-UBND");
  await expect(page.getByTestId("band-table")).toContainText("103");

  const api = await request.get(`/api/v1/thong-ke?tinh=${CODE}&nam=2020&den-ngay=2020-06-30`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.recognised).toMatchObject({ text: "103 xã đạt chuẩn NTM, đạt tỷ lệ 72%", communes: 103, denominator: 143 });
  expect(body.reports.bands).toEqual({ "19": 103, "15-18": 11, "10-14": 29, "5-9": 0, "<5": 0 });
  // the same bytes again: 304
  const again = await request.get(`/api/v1/thong-ke?tinh=${CODE}&nam=2020&den-ngay=2020-06-30`, { headers: { "if-none-match": api.headers().etag } });
  expect(again.status()).toBe(304);
});
