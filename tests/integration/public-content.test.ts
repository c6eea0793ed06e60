import { afterAll, describe, expect, it } from "vitest";
import { publicClock } from "@/lib/cache/cached-read";
import { db } from "@/lib/db";
import { getPublishedDocument, listDocumentFacets, listDocumentsPage } from "@/lib/documents/queries";
import { getPublishedArticle, listArticlesPage, listLatestArticles, listOtherArticles } from "@/lib/news/queries";
import { getPublishedNotice, listNoticesPage } from "@/lib/notices/queries";

const PREFIX = "kiem-thu-cong-khai-";

describe("public reads", () => {
  afterAll(async () => {
    await db.article.deleteMany({ where: { slug: { startsWith: PREFIX } } });
  });

  it("a scheduled article appears at its time and not before, and moves the list's visibility epoch", async () => {
    const at = new Date(Date.now() + 2500);
    const slug = `${PREFIX}hen-gio`;
    await db.article.create({ data: { slug, title: "Tin hẹn giờ kiểm thử", summary: "", bodyHtml: "<p>x</p>", status: "SCHEDULED", publishedAt: at } });
    const clock = await publicClock("articles");
    expect(clock.nextChangeAt?.getTime()).toBe(at.getTime());
    expect(await getPublishedArticle(slug)).toBeNull();
    expect((await listLatestArticles(50)).map((a) => a.slug)).not.toContain(slug);

    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 100));
    const later = await publicClock("articles");
    expect(later.epoch).toBe(at.toISOString());
    expect(later.epoch).not.toBe(clock.epoch);
    expect((await getPublishedArticle(slug))?.title).toBe("Tin hẹn giờ kiểm thử");
    expect((await listLatestArticles(1)).map((a) => a.slug)).toEqual([slug]);
  });

  it("an unpublished article is not read, a draft neither", async () => {
    await db.article.create({ data: { slug: `${PREFIX}go`, title: "Đã gỡ", summary: "", bodyHtml: "", status: "UNPUBLISHED", publishedAt: new Date(Date.now() - 1000) } });
    await db.article.create({ data: { slug: `${PREFIX}nhap`, title: "Nháp", summary: "", bodyHtml: "", status: "DRAFT" } });
    expect(await getPublishedArticle(`${PREFIX}go`)).toBeNull();
    expect(await getPublishedArticle(`${PREFIX}nhap`)).toBeNull();
    const { items } = await listArticlesPage({ page: 1, pageSize: 100 });
    expect(items.map((a) => a.slug).filter((s) => s.startsWith(`${PREFIX}go`) || s.startsWith(`${PREFIX}nhap`))).toEqual([]);
  });

  it('"Các tin khác" prefers the article\'s own category, then the latest of the others', async () => {
    const article = (await getPublishedArticle("hoi-nghi-toan-quoc-van-phong-dieu-phoi-ntm-cac-cap-nam-2020"))!;
    const others = await listOtherArticles(article, 5);
    expect(others.map((a) => a.slug)).not.toContain(article.slug);
    const sameCategory = others.filter((a) => a.category?.slug === article.category?.slug);
    expect(sameCategory.length).toBeGreaterThan(0);
    // the same category first
    const firstOther = others.findIndex((a) => a.category?.slug !== article.category?.slug);
    if (firstOther >= 0) expect(others.slice(firstOther).every((a) => a.category?.slug !== article.category?.slug)).toBe(true);
  });

  it("news pages by category count the whole list", async () => {
    const local = await listArticlesPage({ page: 1, pageSize: 10, categorySlug: "tin-dia-phuong" });
    expect(local.items.map((a) => a.slug)).toContain("nong-thon-moi-phai-gop-phan-nang-cao-doi-song-cua-nguoi-dan");
    expect(local.items.every((a) => a.category?.slug === "tin-dia-phuong")).toBe(true);
    const page2 = await listArticlesPage({ page: 2, pageSize: 1 });
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBeGreaterThanOrEqual(3);
  });

  it("a notice reads with its numbered tasks, assignees and deadlines", async () => {
    const { items, total } = await listNoticesPage({ page: 1, pageSize: 10 });
    expect(total).toBe(2);
    const ty = items.find((n) => n.number === "58/TB-UBND")!;
    expect(ty._count.tasks).toBeGreaterThan(0);
    const notice = (await getPublishedNotice(ty.slug))!;
    expect(notice.issuingBody).toBe("UBND tỉnh Thái Nguyên");
    expect(notice.tasks.length).toBe(ty._count.tasks);
    expect(notice.tasks.some((t) => t.deadline?.toISOString().startsWith("2020-07-17"))).toBe(true);
    expect(notice.tasks.every((t) => t.assigneeText || t.assigneeOrg)).toBe(true);
  });

  it("the documents library filters by type, issuer and year", async () => {
    const facets = await listDocumentFacets();
    expect(facets.docTypes).toEqual(["Nghị quyết", "Quyết định"]);
    expect(facets.issuers).toEqual(["Quốc hội", "Thủ tướng Chính phủ"]);
    expect(facets.years).toContain(2022);
    const nq = await listDocumentsPage({ docType: "Nghị quyết", page: 1, pageSize: 20 });
    expect(nq.items.map((d) => d.number)).toEqual(["25/2021/QH15"]);
    const y2022 = await listDocumentsPage({ year: 2022, issuer: "Thủ tướng Chính phủ", page: 1, pageSize: 20 });
    expect(y2022.total).toBeGreaterThan(3);
    expect(y2022.items.every((d) => d.issuedDate.getUTCFullYear() === 2022)).toBe(true);
    const doc = await getPublishedDocument("quyet-dinh-318-qd-ttg");
    expect(doc?.sourceUrl).toMatch(/^https:\/\//);
    expect(doc?.file).toBeNull();
  });
});
