// The editor's side of articles, notices (with their numbered tasks) and documents, through the
// real services on the seeded database: every change is authorised on the content's own unit,
// keeps a revision of what it replaces and writes an audit row; bad input and refused calls get
// a Vietnamese message and change nothing. Fixtures are made here and removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { ZPublish, ZRestore } from "@/lib/content/schemas";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { ZDocument, ZDocumentUpdate } from "@/lib/documents/schemas";
import { createDocument, publishDocument, updateDocument } from "@/lib/documents/service";
import { parseInput, type UploadInput } from "@/lib/forms";
import { ZArticle, ZArticleUpdate } from "@/lib/news/schemas";
import { createArticle, publishArticle, restoreArticle, updateArticle } from "@/lib/news/service";
import { ZDeleteNoticeTask, ZNotice, ZNoticeTask, ZNoticeUpdate } from "@/lib/notices/schemas";
import { createNotice, deleteNoticeTask, publishNotice, restoreNotice, saveNoticeTask, updateNotice } from "@/lib/notices/service";
import { pdfOfSize, pngOfSize } from "../upload-fixtures";
import { appErrorOf, viewerOf } from "./helpers";

/** files uploaded by this run are those recorded since */
const startedAt = new Date();
/** makes this run's titles unique, so a rerun on the same database starts clean */
const RUN = Date.now().toString(36);
const created = { articles: [] as number[], notices: [] as number[], documents: [] as number[] };

let bientap: Viewer; // EDITOR, Thái Nguyên (today's province; old Thái Nguyên through succession)
let tinh: Viewer; // PROVINCE_OFFICER, Thái Nguyên
let admin: Viewer; // national
let lanhdao: Viewer; // LEADER: reads, does not edit content
let so: Viewer; // DEPARTMENT_OFFICER, Quảng Bình
const units = { thaiNguyenOld: 0, quangBinhOld: 0, thaiNguyenCommune: 0, quangBinhCommune: 0 };
const orgs = { thaiNguyenOffice: 0, quangBinhPlanning: 0 };
let quangBinhNotice: { id: number; version: number; slug: string };

beforeAll(async () => {
  [bientap, tinh, admin, lanhdao, so] = await Promise.all(
    ["bientap@ntm.demo", "tinh@ntm.demo", "admin@ntm.demo", "lanhdao@ntm.demo", "so@ntm.demo"].map(viewerOf),
  );
  const [tnOld, qbOld] = await Promise.all(
    ["Thái Nguyên", "Quảng Bình"].map((name) => db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", name, validTo: { not: null } } })),
  );
  units.thaiNguyenOld = tnOld.id;
  units.quangBinhOld = qbOld.id;
  expect(bientap.scopeUnitIds).toContain(tnOld.id); // succession: old Thái Nguyên is in scope
  expect(bientap.scopeUnitIds).not.toContain(qbOld.id);
  units.thaiNguyenCommune = (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", provinceId: tnOld.id } })).id;
  units.quangBinhCommune = (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", provinceId: qbOld.id } })).id;
  orgs.thaiNguyenOffice = (await db.organisation.findFirstOrThrow({ where: { unitId: tnOld.id, kind: "COORDINATION_OFFICE" } })).id;
  orgs.quangBinhPlanning = (await db.organisation.findFirstOrThrow({ where: { unitId: qbOld.id, name: "Sở Kế hoạch và Đầu tư" } })).id;
  quangBinhNotice = await db.notice.findFirstOrThrow({ where: { number: "3691/TB-VPUBND" }, select: { id: true, version: true, slug: true } });
});

afterAll(async () => {
  const all = [...created.articles, ...created.notices, ...created.documents];
  await db.contentRevision.deleteMany({
    where: { OR: [{ entityType: "article", entityId: { in: created.articles } }, { entityType: "notice", entityId: { in: created.notices } }, { entityType: "document", entityId: { in: created.documents } }] },
  });
  await db.article.deleteMany({ where: { id: { in: created.articles } } });
  await db.notice.deleteMany({ where: { id: { in: created.notices } } }); // tasks and their links cascade
  await db.document.deleteMany({ where: { id: { in: created.documents } } });
  await db.storedFile.deleteMany({ where: { createdAt: { gte: startedAt }, uploadedById: { in: [bientap.id, tinh.id, admin.id] } } }); // their content cascades
  expect(all.length).toBeGreaterThan(0);
});

// ───────────── files ─────────────

const filled = (head: number[], size: number) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};
const pdf = (size = 2048): UploadInput => ({ name: "thong-bao.pdf", bytes: pdfOfSize(size) });
const png = (size = 2048): UploadInput => ({ name: "anh.png", bytes: pngOfSize(size) });
/** a Windows executable ("MZ") renamed to look like a PDF */
const exeAsPdf = (): UploadInput => ({ name: "ket-qua.pdf", bytes: filled([0x4d, 0x5a, 0x90, 0x00, 0x03], 4096) });

// ───────────── calls as the forms make them ─────────────

const BODY = "<p>Nội dung bài viết về xây dựng nông thôn mới.</p>";

async function newArticle(viewer: Viewer | null, raw: Record<string, unknown>, cover: UploadInput | null = null) {
  const r = await createArticle(viewer, parseInput(ZArticle, { bodyHtml: BODY, ...raw }), cover);
  created.articles.push(r.id);
  return r;
}
/** the edit form of a stored article, with changes */
async function articleForm(id: number, changes: Record<string, unknown> = {}) {
  const a = await db.article.findUniqueOrThrow({ where: { id } });
  return { id: a.id, version: a.version, title: a.title, slug: a.slug, summary: a.summary, bodyHtml: a.bodyHtml, author: a.author ?? "", source: a.source ?? "", sourceUrl: a.sourceUrl ?? "", categoryId: a.categoryId ?? "", ...changes };
}
const editArticle = async (viewer: Viewer | null, id: number, changes: Record<string, unknown>, cover: UploadInput | null = null) =>
  updateArticle(viewer, parseInput(ZArticleUpdate, await articleForm(id, changes)), cover);
const publishArticleAs = async (viewer: Viewer | null, id: number, command: "publish" | "unpublish" | "schedule", publishAt?: string, version?: number) =>
  publishArticle(viewer, parseInput(ZPublish, { id, version: version ?? (await db.article.findUniqueOrThrow({ where: { id } })).version, command, publishAt }));

const NOTICE = {
  title: "Kết luận của Phó Chủ tịch UBND tỉnh tại hội nghị sơ kết xây dựng nông thôn mới",
  bodyHtml: "<p>Ngày 30/6/2020, Phó Chủ tịch UBND tỉnh chủ trì hội nghị.</p>",
  issuedDate: "2020-07-06",
  issuingBody: "UBND tỉnh Thái Nguyên",
  signer: "Nguyễn Văn A",
};
async function newNotice(viewer: Viewer | null, raw: Record<string, unknown> = {}, attachment: UploadInput | null = null) {
  const r = await createNotice(viewer, parseInput(ZNotice, { ...NOTICE, number: `${RUN.length}${Math.floor(Math.random() * 1e6)}/TB-UBND`, ...raw }), attachment);
  created.notices.push(r.id);
  return r;
}
async function noticeForm(id: number, changes: Record<string, unknown> = {}) {
  const n = await db.notice.findUniqueOrThrow({ where: { id } });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return {
    id: n.id, version: n.version, number: n.number, title: n.title, slug: n.slug, summary: n.summary, bodyHtml: n.bodyHtml,
    issuedDate: day(n.issuedDate), meetingDate: day(n.meetingDate), issuingBody: n.issuingBody, signer: n.signer ?? "",
    signerTitle: n.signerTitle ?? "", source: n.source ?? "", sourceUrl: n.sourceUrl ?? "", ...changes,
  };
}
const editNotice = async (viewer: Viewer | null, id: number, changes: Record<string, unknown>, attachment: UploadInput | null = null) =>
  updateNotice(viewer, parseInput(ZNoticeUpdate, await noticeForm(id, changes)), attachment);
const saveTask = async (viewer: Viewer | null, raw: Record<string, unknown>) =>
  saveNoticeTask(viewer, parseInput(ZNoticeTask, { number: "1", content: "Rà soát, báo cáo kết quả thực hiện các tiêu chí.", ...raw }));

/** What a refused call must leave as it was. */
async function snapshot(where: { article?: number; notice?: number; document?: number } = {}) {
  const [audit, revisions, files, chunks, articles, notices, tasks, documents, article, notice, noticeTasks, document] = await Promise.all([
    db.auditLog.count(),
    db.contentRevision.count(),
    db.storedFile.count(),
    db.storedFileChunk.count(),
    db.article.count(),
    db.notice.count(),
    db.noticeTask.count(),
    db.document.count(),
    where.article ? db.article.findUnique({ where: { id: where.article } }) : null,
    where.notice ? db.notice.findUnique({ where: { id: where.notice } }) : null,
    where.notice ? db.noticeTask.findMany({ where: { noticeId: where.notice }, orderBy: { id: "asc" }, include: { criteria: true, units: true } }) : null,
    where.document ? db.document.findUnique({ where: { id: where.document } }) : null,
  ]);
  return JSON.parse(JSON.stringify({ audit, revisions, files, chunks, articles, notices, tasks, documents, article, notice, noticeTasks, document })) as unknown;
}

const auditActions = async (entityType: string, id: number) =>
  (await db.auditLog.findMany({ where: { entityType, entityId: String(id) }, orderBy: { id: "asc" } })).map((a) => a.action);
const revisionCount = (entityType: string, entityId: number) => db.contentRevision.count({ where: { entityType, entityId } });
const isVisible = async (id: number, at = new Date()) => (await db.article.count({ where: { id, ...publicWhere(at) } })) === 1;

// ───────────── articles ─────────────

describe("articles", () => {
  it("an editor creates a draft: slug from the Vietnamese title, summary from the body, one audit row, no revision yet", async () => {
    const r = await newArticle(bientap, { title: `Đẩy mạnh phong trào “Nông thôn mới” ${RUN}` });
    const a = await db.article.findUniqueOrThrow({ where: { id: r.id } });
    expect(a.slug).toBe(`day-manh-phong-trao-nong-thon-moi-${RUN}`);
    expect(a).toMatchObject({ status: "DRAFT", publishedAt: null, unitId: bientap.unitId, version: 1, createdById: bientap.id });
    expect(a.summary).toBe("Nội dung bài viết về xây dựng nông thôn mới.");
    expect(await auditActions("Article", r.id)).toEqual(["article.create"]);
    expect(await revisionCount("article", r.id)).toBe(0);
    expect(await isVisible(r.id)).toBe(false);
  });

  it("a second article with the same title gets the next free slug (-2, then -3)", async () => {
    const title = `Xã Tân Thành về đích nông thôn mới ${RUN}`;
    const [a, b, c] = [await newArticle(bientap, { title }), await newArticle(tinh, { title }), await newArticle(bientap, { title })];
    expect([a.slug, b.slug, c.slug]).toEqual([`xa-tan-thanh-ve-dich-nong-thon-moi-${RUN}`, `xa-tan-thanh-ve-dich-nong-thon-moi-${RUN}-2`, `xa-tan-thanh-ve-dich-nong-thon-moi-${RUN}-3`]);
  });

  it("the body is sanitised on save: script, onerror, javascript: links, SVG, style and iframes are gone", async () => {
    const body = [
      `<p onclick="alert(1)" style="color:red">Đoạn an toàn</p>`,
      `<script>alert("x")</script>`,
      `<img src="https://a.vn/anh.png" onerror="alert(1)" alt="Ảnh">`,
      `<a href="javascript:alert(1)">bấm</a>`,
      `<svg onload="alert(1)"><script>alert(2)</script></svg>`,
      `<style>p{width:expression(alert(1))}</style>`,
      `<iframe src="https://evil.example"></iframe>`,
    ].join("");
    const r = await newArticle(bientap, { title: `Bài có mã độc ${RUN}`, bodyHtml: body });
    const stored = (await db.article.findUniqueOrThrow({ where: { id: r.id } })).bodyHtml;
    expect(stored).toBe(`<p>Đoạn an toàn</p><img src="https://a.vn/anh.png" alt="Ảnh" /><a>bấm</a>`);
  });

  it("editing keeps a revision of the previous state, bumps the version and writes an audit row", async () => {
    const r = await newArticle(bientap, { title: `Bản đầu ${RUN}` });
    const out = await editArticle(bientap, r.id, { title: `Bản sửa ${RUN}`, bodyHtml: "<p>Nội dung mới</p>" });
    const a = await db.article.findUniqueOrThrow({ where: { id: r.id } });
    expect(a).toMatchObject({ title: `Bản sửa ${RUN}`, bodyHtml: "<p>Nội dung mới</p>", version: 2, slug: `ban-dau-${RUN}` });
    expect(out).toMatchObject({ version: 2, previousSlug: null });
    const revisions = await db.contentRevision.findMany({ where: { entityType: "article", entityId: r.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0].snapshot).toMatchObject({ title: `Bản đầu ${RUN}`, status: "DRAFT" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Article", entityId: String(r.id), action: "article.update" } });
    expect(audit).toMatchObject({ userId: bientap.id, unitId: bientap.unitId });
    expect(audit.before).toMatchObject({ title: `Bản đầu ${RUN}` });
    expect(audit.after).toMatchObject({ title: `Bản sửa ${RUN}` });
  });

  it("a changed slug is made unique too, and the old one is reported for cache expiry", async () => {
    const taken = await newArticle(bientap, { title: `Trùng đường dẫn ${RUN}` });
    const r = await newArticle(bientap, { title: `Bài khác ${RUN}` });
    const out = await editArticle(bientap, r.id, { slug: `Trùng đường dẫn ${RUN}` });
    expect(out).toMatchObject({ slug: `${taken.slug}-2`, previousSlug: `bai-khac-${RUN}` });
  });

  it("a stale version is refused with a Vietnamese conflict message, and nothing changes", async () => {
    const r = await newArticle(bientap, { title: `Hai người cùng sửa ${RUN}` });
    const stale = await articleForm(r.id, { title: `Sửa từ trang cũ ${RUN}` });
    await editArticle(tinh, r.id, { title: `Người kia đã sửa ${RUN}` });
    const before = await snapshot({ article: r.id });
    const err = await appErrorOf(updateArticle(bientap, parseInput(ZArticleUpdate, stale)), "CONFLICT");
    expect(err.message).toMatch(/^Bài viết này vừa được cập nhật lúc \d{2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4} \(phiên bản 2\).*tải lại trang/);
    expect(await snapshot({ article: r.id })).toEqual(before);
    await appErrorOf(publishArticleAs(bientap, r.id, "publish", undefined, 1), "CONFLICT");
    expect(await snapshot({ article: r.id })).toEqual(before);
  });

  it("publish makes it public now and unpublish hides it again, each with a revision and an audit row", async () => {
    const r = await newArticle(bientap, { title: `Đăng rồi gỡ ${RUN}` });
    const t0 = Date.now();
    await publishArticleAs(bientap, r.id, "publish");
    const a = await db.article.findUniqueOrThrow({ where: { id: r.id } });
    expect(a.status).toBe("PUBLISHED");
    expect(a.publishedAt!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(await isVisible(r.id)).toBe(true);
    await publishArticleAs(bientap, r.id, "unpublish");
    expect(await isVisible(r.id)).toBe(false);
    expect(await db.article.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "UNPUBLISHED", version: 3, publishedAt: a.publishedAt });
    expect(await auditActions("Article", r.id)).toEqual(["article.create", "article.publish", "article.unpublish"]);
    expect(await revisionCount("article", r.id)).toBe(2);
    // publishing again keeps the first publication date
    await publishArticleAs(bientap, r.id, "publish");
    expect((await db.article.findUniqueOrThrow({ where: { id: r.id } })).publishedAt).toEqual(a.publishedAt);
  });

  it("a scheduled article is not visible before its time and is visible after it", async () => {
    const r = await newArticle(tinh, { title: `Hẹn giờ đăng ${RUN}` });
    const inOneHour = new Date(Date.now() + 3600_000);
    const local = new Date(inOneHour.getTime() + 7 * 3600_000).toISOString().slice(0, 16); // Vietnam time, as the form sends it
    await publishArticleAs(tinh, r.id, "schedule", local);
    const a = await db.article.findUniqueOrThrow({ where: { id: r.id } });
    expect(a.status).toBe("SCHEDULED");
    expect(Math.abs(a.publishedAt!.getTime() - inOneHour.getTime())).toBeLessThan(60_000);
    expect(await isVisible(r.id)).toBe(false);
    expect(await isVisible(r.id, new Date(a.publishedAt!.getTime() - 1000))).toBe(false);
    expect(await isVisible(r.id, a.publishedAt!)).toBe(true);
    expect(await isVisible(r.id, new Date(a.publishedAt!.getTime() + 3600_000))).toBe(true);
    // once its time has passed (here: set in the past), every public read shows it
    await db.article.update({ where: { id: r.id }, data: { publishedAt: new Date(Date.now() - 60_000) } });
    expect(await isVisible(r.id)).toBe(true);
    expect(await auditActions("Article", r.id)).toEqual(["article.create", "article.schedule"]);
  });

  it("scheduling for a time already past is refused with a message next to the time, and nothing changes", async () => {
    const r = await newArticle(bientap, { title: `Hẹn giờ sai ${RUN}` });
    const before = await snapshot({ article: r.id });
    const err = await appErrorOf(publishArticleAs(bientap, r.id, "schedule", "2020-01-01T08:00"), "VALIDATION");
    expect(err.fieldErrors?.publishAt?.[0]).toContain("sau thời điểm hiện tại");
    expect(await snapshot({ article: r.id })).toEqual(before);
  });

  it("restoring a revision brings its content back as a new audited change; the publication state stays", async () => {
    const r = await newArticle(bientap, { title: `Bản gốc ${RUN}`, bodyHtml: "<p>Bản gốc</p>" });
    await editArticle(bientap, r.id, { title: `Bản thứ hai ${RUN}`, bodyHtml: "<p>Bản thứ hai</p>" });
    await publishArticleAs(bientap, r.id, "publish");
    const original = await db.contentRevision.findFirstOrThrow({ where: { entityType: "article", entityId: r.id }, orderBy: { id: "asc" } });
    const { version } = await db.article.findUniqueOrThrow({ where: { id: r.id } });
    await restoreArticle(bientap, parseInput(ZRestore, { id: r.id, version, revisionId: original.id }));
    const a = await db.article.findUniqueOrThrow({ where: { id: r.id } });
    expect(a).toMatchObject({ title: `Bản gốc ${RUN}`, bodyHtml: "<p>Bản gốc</p>", status: "PUBLISHED", version: version + 1 });
    expect(await revisionCount("article", r.id)).toBe(3); // the restored-over state is kept too
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Article", entityId: String(r.id), action: "article.restore" } });
    expect(audit.after).toMatchObject({ title: `Bản gốc ${RUN}`, restoredRevision: original.id });
  });

  it("a revision of another article cannot be restored onto this one", async () => {
    const a = await newArticle(bientap, { title: `Bài A ${RUN}` });
    const b = await newArticle(bientap, { title: `Bài B ${RUN}` });
    await editArticle(bientap, b.id, { title: `Bài B sửa ${RUN}` });
    const revB = await db.contentRevision.findFirstOrThrow({ where: { entityType: "article", entityId: b.id } });
    const before = await snapshot({ article: a.id });
    await appErrorOf(restoreArticle(bientap, parseInput(ZRestore, { id: a.id, version: 1, revisionId: revB.id })), "NOT_FOUND");
    expect(await snapshot({ article: a.id })).toEqual(before);
  });

  it("a cover image is checked by content and size: PNG ≤ 5 MB accepted, a 6 MB one refused", async () => {
    const r = await newArticle(bientap, { title: `Có ảnh đại diện ${RUN}` }, png());
    const a = await db.article.findUniqueOrThrow({ where: { id: r.id }, include: { cover: true } });
    expect(a.cover).toMatchObject({ mimeType: "image/png", fileName: "anh.png", uploadedById: bientap.id });
    const before = await snapshot({ article: r.id });
    const err = await appErrorOf(editArticle(bientap, r.id, { title: "x" }, png(6 * 1024 * 1024)), "VALIDATION");
    expect(err.fieldErrors?.cover?.[0]).toBe("Tệp quá lớn: tối đa 5 MB.");
    await appErrorOf(editArticle(bientap, r.id, { title: "x" }, pdf()), "VALIDATION"); // a PDF is not an image
    expect(await snapshot({ article: r.id })).toEqual(before);
  });

  it("an empty title, or a body that is nothing but script, is refused and nothing is created", async () => {
    const before = await snapshot();
    const noTitle = await appErrorOf(newArticle(bientap, { title: "  " }), "VALIDATION");
    expect(noTitle.fieldErrors?.title).toEqual(["Nhập tiêu đề bài viết."]);
    const onlyScript = await appErrorOf(newArticle(bientap, { title: `Chỉ có script ${RUN}`, bodyHtml: "<script>alert(1)</script>" }), "VALIDATION");
    expect(onlyScript.fieldErrors?.bodyHtml).toEqual(["Nhập nội dung bài viết."]);
    expect(await snapshot()).toEqual(before);
  });

  it("an editor cannot edit, publish or restore an article of another province, and nothing changes", async () => {
    const r = await newArticle(admin, { title: `Tin Quảng Bình ${RUN}`, unitId: units.quangBinhOld });
    expect((await db.article.findUniqueOrThrow({ where: { id: r.id } })).unitId).toBe(units.quangBinhOld);
    const before = await snapshot({ article: r.id });
    const err = await appErrorOf(editArticle(bientap, r.id, { title: "Sửa trái phép" }), "FORBIDDEN");
    expect(err.message).toBe("Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
    await appErrorOf(publishArticleAs(bientap, r.id, "publish"), "FORBIDDEN");
    await appErrorOf(publishArticleAs(tinh, r.id, "publish"), "FORBIDDEN");
    expect(await snapshot({ article: r.id })).toEqual(before);
  });

  it("an editor edits an article of old Thái Nguyên (its province before the merger)", async () => {
    const r = await newArticle(admin, { title: `Tin Thái Nguyên cũ ${RUN}`, unitId: units.thaiNguyenOld });
    await editArticle(bientap, r.id, { title: `Tin Thái Nguyên cũ đã sửa ${RUN}` });
    await publishArticleAs(bientap, r.id, "publish");
    expect(await db.article.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ title: `Tin Thái Nguyên cũ đã sửa ${RUN}`, status: "PUBLISHED" });
  });

  it("a provincial editor's own unit is used whatever unit the form names", async () => {
    const r = await newArticle(bientap, { title: `Gửi kèm đơn vị khác ${RUN}`, unitId: units.quangBinhOld });
    expect((await db.article.findUniqueOrThrow({ where: { id: r.id } })).unitId).toBe(bientap.unitId);
  });

  it("national content is edited by national users only", async () => {
    const r = await newArticle(admin, { title: `Tin toàn quốc ${RUN}` });
    expect((await db.article.findUniqueOrThrow({ where: { id: r.id } })).unitId).toBeNull();
    const before = await snapshot({ article: r.id });
    const err = await appErrorOf(editArticle(bientap, r.id, { title: "x" }), "FORBIDDEN");
    expect(err.message).toContain("cấp quốc gia");
    expect(await snapshot({ article: r.id })).toEqual(before);
    await editArticle(admin, r.id, { title: `Tin toàn quốc đã sửa ${RUN}` });
  });

  it("accounts without content rights (leader, department officer, anonymous) cannot write or publish articles", async () => {
    const r = await newArticle(bientap, { title: `Quyền biên tập ${RUN}` });
    const before = await snapshot({ article: r.id });
    for (const viewer of [lanhdao, so]) {
      await appErrorOf(newArticle(viewer, { title: `Không được tạo ${RUN}` }), "FORBIDDEN");
      await appErrorOf(editArticle(viewer, r.id, { title: "x" }), "FORBIDDEN");
      await appErrorOf(publishArticleAs(viewer, r.id, "publish"), "FORBIDDEN");
    }
    await appErrorOf(publishArticleAs(null, r.id, "publish"), "UNAUTHENTICATED");
    expect(await snapshot({ article: r.id })).toEqual(before);
  });
});

// ───────────── notices and their tasks ─────────────

describe("conclusion notices", () => {
  it("an editor creates a notice with a PDF attachment, then edits and publishes it with revisions and audit rows", async () => {
    const r = await newNotice(bientap, { number: `58${RUN}/TB-UBND` }, pdf());
    const n = await db.notice.findUniqueOrThrow({ where: { id: r.id }, include: { attachment: true } });
    expect(n.slug.startsWith(`58${RUN}-tb-ubnd-ket-luan`)).toBe(true);
    expect(n).toMatchObject({ status: "DRAFT", unitId: bientap.unitId, issuingBody: "UBND tỉnh Thái Nguyên" });
    expect(n.attachment).toMatchObject({ mimeType: "application/pdf", fileName: "thong-bao.pdf" });
    await editNotice(bientap, r.id, { signer: "Dương Văn Lượng", signerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" });
    const { version } = await db.notice.findUniqueOrThrow({ where: { id: r.id } });
    await publishNotice(bientap, parseInput(ZPublish, { id: r.id, version, command: "publish" }));
    expect(await db.notice.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "PUBLISHED", signer: "Dương Văn Lượng", version: 3 });
    expect(await auditActions("Notice", r.id)).toEqual(["notice.create", "notice.update", "notice.publish"]);
    expect(await revisionCount("notice", r.id)).toBe(2);
  });

  it("a notice revision is restored as a new change", async () => {
    const r = await newNotice(bientap, { title: `Trích yếu ban đầu ${RUN}` });
    await editNotice(bientap, r.id, { title: `Trích yếu sửa ${RUN}` });
    const rev = await db.contentRevision.findFirstOrThrow({ where: { entityType: "notice", entityId: r.id } });
    await restoreNotice(bientap, parseInput(ZRestore, { id: r.id, version: 2, revisionId: rev.id }));
    expect(await db.notice.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ title: `Trích yếu ban đầu ${RUN}`, version: 3 });
  });

  it("tasks are added with an assignee of the notice's province, a deadline, and linked criteria and communes", async () => {
    const r = await newNotice(admin, { unitId: units.thaiNguyenOld });
    const criterion = await db.criterion.findFirstOrThrow({ where: { set: { code: "XA_2021_2025" }, number: 2 } });
    const t = await saveTask(bientap, {
      noticeId: r.id, number: "2.1", assigneeOrgId: orgs.thaiNguyenOffice, deadline: "2020-07-17",
      criterionIds: [String(criterion.id)], unitIds: [String(units.thaiNguyenCommune)],
    });
    const task = await db.noticeTask.findUniqueOrThrow({ where: { id: t.taskId }, include: { criteria: true, units: true, assigneeOrg: true } });
    expect(task).toMatchObject({ number: "2.1", status: "NOT_STARTED", sortOrder: 1, deadline: new Date("2020-07-17T00:00:00Z"), assigneeText: task.assigneeOrg!.name });
    expect(task.criteria.map((c) => c.criterionId)).toEqual([criterion.id]);
    expect(task.units.map((u) => u.unitId)).toEqual([units.thaiNguyenCommune]);
    // editing replaces the links
    await saveTask(bientap, { noticeId: r.id, taskId: t.taskId, version: 1, number: "2.1", assigneeOrgId: orgs.thaiNguyenOffice, deadline: "2020-07-20", criterionIds: [], unitIds: [] });
    const edited = await db.noticeTask.findUniqueOrThrow({ where: { id: t.taskId }, include: { criteria: true, units: true } });
    expect(edited).toMatchObject({ version: 2, deadline: new Date("2020-07-20T00:00:00Z"), criteria: [], units: [] });
    expect(await auditActions("NoticeTask", t.taskId)).toEqual(["notice.task.create", "notice.task.update"]);
    // and a task with no progress can be removed
    await deleteNoticeTask(bientap, parseInput(ZDeleteNoticeTask, { noticeId: r.id, taskId: t.taskId, version: 2 }));
    expect(await db.noticeTask.count({ where: { id: t.taskId } })).toBe(0);
  });

  it("an assignee of another province, or a commune of another province, is refused", async () => {
    const r = await newNotice(bientap);
    const before = await snapshot({ notice: r.id });
    const org = await appErrorOf(saveTask(bientap, { noticeId: r.id, assigneeOrgId: orgs.quangBinhPlanning }), "VALIDATION");
    expect(org.fieldErrors?.assigneeOrgId?.[0]).toContain("của tỉnh ban hành thông báo");
    const commune = await appErrorOf(saveTask(bientap, { noticeId: r.id, assigneeOrgId: orgs.thaiNguyenOffice, unitIds: [String(units.quangBinhCommune)] }), "VALIDATION");
    expect(commune.fieldErrors?.unitIds?.[0]).toContain("thuộc tỉnh ban hành thông báo");
    expect(await snapshot({ notice: r.id })).toEqual(before);
  });

  it("a deadline before the issue date is refused, and so is moving the issue date past a deadline", async () => {
    const r = await newNotice(bientap, { issuedDate: "2020-07-06" });
    let before = await snapshot({ notice: r.id });
    const err = await appErrorOf(saveTask(bientap, { noticeId: r.id, assigneeOrgId: orgs.thaiNguyenOffice, deadline: "2020-07-05" }), "VALIDATION");
    expect(err.fieldErrors?.deadline).toEqual(["Thời hạn không được trước ngày ban hành thông báo (6/7/2020)."]);
    expect(await snapshot({ notice: r.id })).toEqual(before);

    await saveTask(bientap, { noticeId: r.id, number: "3", assigneeOrgId: orgs.thaiNguyenOffice, deadline: "2020-07-15" });
    before = await snapshot({ notice: r.id });
    const moved = await appErrorOf(editNotice(bientap, r.id, { issuedDate: "2020-07-20" }), "VALIDATION");
    expect(moved.fieldErrors?.issuedDate?.[0]).toBe("Ngày ban hành không được sau thời hạn của nhiệm vụ: 3 (15/7/2020).");
    expect(await snapshot({ notice: r.id })).toEqual(before);
  });

  it("a notice number without “/”, an empty title or a future issue date is refused with a message next to the field", async () => {
    const before = await snapshot();
    const number = await appErrorOf(newNotice(bientap, { number: "58 TB-UBND" }), "VALIDATION");
    expect(number.message).toBe("Dữ liệu nhập chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.");
    expect(number.fieldErrors?.number?.[0]).toContain("dấu “/”");
    const title = await appErrorOf(newNotice(bientap, { title: "" }), "VALIDATION");
    expect(title.fieldErrors?.title).toEqual(["Nhập trích yếu (tiêu đề) của thông báo."]);
    const future = await appErrorOf(newNotice(bientap, { issuedDate: "2099-01-01" }), "VALIDATION");
    expect(future.fieldErrors?.issuedDate).toEqual(["Ngày ban hành không được sau ngày hôm nay."]);
    expect(await snapshot()).toEqual(before);
  });

  it("a 30 MB attachment and an executable renamed .pdf are refused, and no file is kept", async () => {
    const r = await newNotice(bientap);
    const before = await snapshot({ notice: r.id });
    const big = await appErrorOf(editNotice(bientap, r.id, { title: "x" }, pdf(30 * 1024 * 1024)), "VALIDATION");
    expect(big.fieldErrors?.attachment).toEqual(["Tệp quá lớn: tối đa 20 MB."]);
    const exe = await appErrorOf(editNotice(bientap, r.id, { title: "x" }, exeAsPdf()), "VALIDATION");
    expect(exe.fieldErrors?.attachment?.[0]).toBe("Định dạng tệp không được chấp nhận (chỉ nhận PDF); nội dung tệp không khớp với tên tệp.");
    await appErrorOf(newNotice(bientap, {}, exeAsPdf()), "VALIDATION");
    expect(await snapshot({ notice: r.id })).toEqual(before);
  });

  it("an editor cannot edit a notice of another province (3691/TB-VPUBND of Quảng Bình), and nothing changes", async () => {
    const task = await db.noticeTask.findFirstOrThrow({ where: { noticeId: quangBinhNotice.id }, orderBy: { sortOrder: "asc" } });
    const before = await snapshot({ notice: quangBinhNotice.id });
    for (const viewer of [bientap, tinh]) {
      const err = await appErrorOf(editNotice(viewer, quangBinhNotice.id, { title: "Sửa thông báo của tỉnh khác" }), "FORBIDDEN");
      expect(err.message).toBe("Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
      await appErrorOf(publishNotice(viewer, parseInput(ZPublish, { id: quangBinhNotice.id, version: quangBinhNotice.version, command: "unpublish" })), "FORBIDDEN");
      await appErrorOf(saveTask(viewer, { noticeId: quangBinhNotice.id, assigneeOrgId: orgs.quangBinhPlanning }), "FORBIDDEN");
      await appErrorOf(saveTask(viewer, { noticeId: quangBinhNotice.id, taskId: task.id, version: task.version, assigneeOrgId: orgs.quangBinhPlanning, deadline: "2024-01-01" }), "FORBIDDEN");
      await appErrorOf(deleteNoticeTask(viewer, parseInput(ZDeleteNoticeTask, { noticeId: quangBinhNotice.id, taskId: task.id, version: task.version })), "FORBIDDEN");
    }
    expect(await snapshot({ notice: quangBinhNotice.id })).toEqual(before);
  });

  it("an editor of Thái Nguyên edits a notice of old Thái Nguyên, and a national admin edits any notice", async () => {
    const r = await newNotice(admin, { unitId: units.thaiNguyenOld });
    await editNotice(bientap, r.id, { signer: "Người ký mới" });
    const q = await newNotice(admin, { unitId: units.quangBinhOld, issuingBody: "UBND tỉnh Quảng Bình" });
    await editNotice(admin, q.id, { signer: "Người ký" });
    expect((await db.notice.findUniqueOrThrow({ where: { id: q.id } })).version).toBe(2);
  });

  it("a task with reported progress cannot be deleted", async () => {
    const r = await newNotice(bientap);
    const t = await saveTask(bientap, { noticeId: r.id, assigneeOrgId: orgs.thaiNguyenOffice });
    await db.taskProgress.create({ data: { taskId: t.taskId, date: new Date("2020-08-01T00:00:00Z"), note: "Đã triển khai" } });
    const before = await snapshot({ notice: r.id });
    const err = await appErrorOf(deleteNoticeTask(bientap, parseInput(ZDeleteNoticeTask, { noticeId: r.id, taskId: t.taskId, version: 1 })), "VALIDATION");
    expect(err.message).toContain("đã có báo cáo tiến độ");
    expect(await snapshot({ notice: r.id })).toEqual(before);
  });
});

// ───────────── documents ─────────────

describe("documents", () => {
  const DOC = { docType: "Quyết định", title: "Ban hành Bộ tiêu chí quốc gia về xã nông thôn mới", issuer: "UBND tỉnh Thái Nguyên", issuedDate: "2022-03-08", summary: "Bộ tiêu chí áp dụng trên địa bàn tỉnh." };

  it("an editor creates, edits and publishes a document with its PDF; the slug comes from type and number", async () => {
    const r = await createDocument(bientap, parseInput(ZDocument, { ...DOC, number: `12${RUN}/QĐ-UBND` }), pdf());
    created.documents.push(r.id);
    expect(r.slug).toBe(`quyet-dinh-12${RUN}-qd-ubnd`);
    const d = await db.document.findUniqueOrThrow({ where: { id: r.id }, include: { file: true } });
    expect(d).toMatchObject({ status: "DRAFT", unitId: bientap.unitId });
    expect(d.file?.mimeType).toBe("application/pdf");
    await updateDocument(bientap, parseInput(ZDocumentUpdate, { ...DOC, number: d.number, id: r.id, version: 1, effectiveDate: "2022-04-01" }));
    await publishDocument(bientap, parseInput(ZPublish, { id: r.id, version: 2, command: "publish" }));
    expect(await db.document.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "PUBLISHED", version: 3, effectiveDate: new Date("2022-04-01T00:00:00Z") });
    expect(await auditActions("Document", r.id)).toEqual(["document.create", "document.update", "document.publish"]);
    expect(await revisionCount("document", r.id)).toBe(2);
  });

  it("an executable renamed .pdf is refused and nothing is created", async () => {
    const before = await snapshot();
    const err = await appErrorOf(createDocument(bientap, parseInput(ZDocument, { ...DOC, number: `13${RUN}/QĐ-UBND` }), exeAsPdf()), "VALIDATION");
    expect(err.fieldErrors?.file?.[0]).toContain("chỉ nhận PDF");
    expect(await snapshot()).toEqual(before);
  });

  it("national documents (the seed library) cannot be edited by a provincial editor", async () => {
    const seed = await db.document.findFirstOrThrow({ where: { unitId: null } });
    const before = await snapshot({ document: seed.id });
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await appErrorOf(
      updateDocument(bientap, parseInput(ZDocumentUpdate, { ...DOC, number: seed.number, docType: "Quyết định", id: seed.id, version: seed.version, issuedDate: day(seed.issuedDate) })),
      "FORBIDDEN",
    );
    await appErrorOf(publishDocument(bientap, parseInput(ZPublish, { id: seed.id, version: seed.version, command: "unpublish" })), "FORBIDDEN");
    expect(await snapshot({ document: seed.id })).toEqual(before);
  });
});
