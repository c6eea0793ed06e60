// A task's result file over HTTP: its assignee downloads it; a department officer of another
// organisation gets the same 404 as for a file that does not exist (the full matrix of file
// kinds × accounts is tests/integration/file-scope.test.ts).
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { login } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** A draft national notice with one task of the account's organisation, whose progress note carries a PDF. */
async function taskResultFile(client: pg.Client, email: string) {
  const key = `e2e/${randomBytes(8).toString("hex")}.pdf`;
  const { rows } = await client.query<{ fileId: number; noticeId: number }>(
    `WITH u AS (SELECT id, "organisationId" FROM "User" WHERE email = $1),
          f AS (INSERT INTO "StoredFile" ("storageKey", "fileName", "mimeType", size, sha256, "uploadedById")
                SELECT $2, 'bao-cao-ket-qua.pdf', 'application/pdf', $3, 'e2e', id FROM u RETURNING id),
          c AS (INSERT INTO "StoredFileChunk" ("fileId", seq, bytes) SELECT id, 0, $5 FROM f),
          n AS (INSERT INTO "Notice" (slug, number, title, summary, "bodyHtml", "issuedDate", "issuingBody", status, "updatedAt")
                VALUES ($4, '1/TB-E2E', 'Thông báo thử', 'Thử', '<p>Thử</p>', current_date, 'Văn phòng Chính phủ', 'DRAFT', now()) RETURNING id),
          t AS (INSERT INTO "NoticeTask" ("noticeId", "assigneeOrgId", number, "sortOrder", content, "assigneeText", "updatedAt")
                SELECT n.id, u."organisationId", '1', 1, 'Nhiệm vụ thử', 'Đơn vị chủ trì', now() FROM n, u RETURNING id)
     INSERT INTO "TaskProgress" ("taskId", date, note, "fileId", "createdById")
     SELECT t.id, current_date, 'Đã gửi báo cáo kết quả.', f.id, u.id FROM t, f, u
     RETURNING "fileId", (SELECT id FROM n) AS "noticeId"`,
    [email, key, PDF.length, `tb-e2e-${randomBytes(4).toString("hex")}`, PDF],
  );
  return rows[0];
}

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  return page;
}

test("a task result file answers 200 to its assignee and 404 to a department officer of another organisation", async ({ browser }) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  const { fileId, noticeId } = await taskResultFile(client, "huyen@ntm.demo");
  try {
    const owner = await signedIn(browser, "huyen@ntm.demo");
    const ok = await owner.request.get(`/api/tep/${fileId}`);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-type"]).toBe("application/pdf");
    expect((await ok.body()).equals(PDF)).toBe(true); // streamed from the database as stored

    const other = await signedIn(browser, "so@ntm.demo");
    const refused = await other.request.get(`/api/tep/${fileId}`);
    const missing = await other.request.get(`/api/tep/${fileId + 1_000_000}`);
    expect([refused.status(), missing.status()]).toEqual([404, 404]);
    expect(await refused.text()).toBe(await missing.text()); // nothing tells a refused file from a missing one
  } finally {
    await client.query(`DELETE FROM "Notice" WHERE id = $1`, [noticeId]); // the task and its progress go with it
    await client.query(`DELETE FROM "StoredFile" WHERE id = $1`, [fileId]);
    await client.end();
  }
});
