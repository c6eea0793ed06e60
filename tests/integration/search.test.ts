import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchPublic } from "@/lib/search/queries";

const PREFIX = "kiem-thu-tim-kiem-";
const HOUR = 3600_000;

async function article(slug: string, data: { title: string; status: "DRAFT" | "PUBLISHED" | "SCHEDULED" | "UNPUBLISHED"; publishedAt: Date | null; body?: string }) {
  return db.article.create({
    data: { slug: PREFIX + slug, title: data.title, summary: "Tóm tắt kiểm thử.", bodyHtml: `<p>${data.body ?? "Nội dung kiểm thử."}</p>`, status: data.status, publishedAt: data.publishedAt },
  });
}

describe("public search (diacritics- and case-insensitive, ranked, highlighted)", () => {
  beforeAll(async () => {
    const past = new Date(Date.now() - 24 * HOUR);
    // a word no seed text has, in content the public must not find
    await article("nhap", { title: "Bản nháp về hợp tác xã Quỳnh Lưu", status: "DRAFT", publishedAt: null, body: "Giống chè zorangtich." });
    await article("go-xuong", { title: "Tin đã gỡ về hợp tác xã Quỳnh Lưu", status: "UNPUBLISHED", publishedAt: past });
    await article("hen-gio", { title: "Tin hẹn giờ về hợp tác xã Quỳnh Lưu", status: "SCHEDULED", publishedAt: new Date(Date.now() + 24 * HOUR) });
    // ranking: the phrase in the title beats the words only in the body, whatever the dates
    await article("trong-than", { title: "Hội nghị tổng kết năm", status: "PUBLISHED", publishedAt: new Date(Date.now() - HOUR), body: "Bàn về chè Tân Cương Quỳnh Lưu nhiều lần: chè Tân Cương Quỳnh Lưu." });
    await article("trong-tieu-de", { title: "Chè Tân Cương Quỳnh Lưu đạt OCOP", status: "PUBLISHED", publishedAt: new Date(Date.now() - 300 * 24 * HOUR) });
    await article("script", { title: '<script>alert("x")</script> Quỳnh Lưu', status: "PUBLISHED", publishedAt: past });
  });

  afterAll(async () => {
    await db.article.deleteMany({ where: { slug: { startsWith: PREFIX } } });
  });

  it('"nong thon moi" finds the seed articles, whose titles or texts say "nông thôn mới"', async () => {
    const r = await searchPublic({ q: "nong thon moi", kind: "article", pageSize: 50 });
    const slugs = r.results.map((x) => x.slug);
    expect(slugs).toEqual(expect.arrayContaining([
      "nong-thon-moi-phai-gop-phan-nang-cao-doi-song-cua-nguoi-dan",
      "hoi-nghi-toan-quoc-van-phong-dieu-phoi-ntm-cac-cap-nam-2020",
      "hoi-nghi-truc-tuyen-trien-khai-chuong-trinh-muc-tieu-quoc-gia-xdntm-giai-doan",
    ]));
    const titled = r.results.find((x) => x.slug.startsWith("nong-thon-moi-phai"))!;
    expect(titled.titleHtml).toBe("<mark>Nông thôn mới</mark> phải góp phần nâng cao đời sống của người dân");
    expect(titled.href).toBe("/tin-tuc/nong-thon-moi-phai-gop-phan-nang-cao-doi-song-cua-nguoi-dan");
  });

  it("upper case and diacritics in the query make no difference", async () => {
    const plain = await searchPublic({ q: "nong thon moi" });
    for (const q of ["NÔNG THÔN MỚI", "Nông Thôn Mới", "nông thôn mới"]) {
      const r = await searchPublic({ q });
      expect(r.total).toBe(plain.total);
      expect(r.results.map((x) => x.id)).toEqual(plain.results.map((x) => x.id));
    }
  });

  it('"ke hoach va dau tu" finds the Quảng Bình notice, with the words marked in its excerpt', async () => {
    const r = await searchPublic({ q: "ke hoach va dau tu", kind: "notice" });
    const qb = r.results.find((x) => x.slug.startsWith("3691-tb-vpubnd"));
    expect(qb).toBeDefined();
    expect(qb!.labelHtml).toBe("Số 3691/TB-VPUBND");
    expect(qb!.snippetHtml).toContain("<mark>Kế hoạch và Đầu tư</mark>");
  });

  it("finds documents by their number, however it is typed", async () => {
    for (const q of ["318/QĐ-TTg", "318 qd ttg", "quyet dinh 318"]) {
      const r = await searchPublic({ q, kind: "document" });
      expect(r.results.map((x) => x.slug)).toContain("quyet-dinh-318-qd-ttg");
    }
  });

  it("ranks title matches first, then the rest", async () => {
    const r = await searchPublic({ q: "che tan cuong quynh luu" });
    expect(r.results.map((x) => x.slug)).toEqual([PREFIX + "trong-tieu-de", PREFIX + "trong-than"]);
  });

  it("a query of punctuation alone returns nothing, without error or database work", async () => {
    for (const q of ["!!!", "  ", "—/…", "&&||!", "'\"\\"]) {
      const r = await searchPublic({ q });
      expect(r.results).toEqual([]);
      expect(r.total).toBe(0);
    }
  });

  it("a draft, an unpublished article and one scheduled for later are not found; published ones are", async () => {
    const r = await searchPublic({ q: "quynh luu", pageSize: 50 });
    const slugs = r.results.map((x) => x.slug);
    expect(slugs).not.toContain(PREFIX + "nhap");
    expect(slugs).not.toContain(PREFIX + "go-xuong");
    expect(slugs).not.toContain(PREFIX + "hen-gio");
    expect(slugs).toContain(PREFIX + "trong-tieu-de");
  });

  it('suggests "nông thôn mới", as the texts write it, for "nong thon moj", from the published texts only', async () => {
    const typo = await searchPublic({ q: "nong thon moj" });
    expect(typo.total).toBe(0);
    expect(typo.suggestion).toBe("nông thôn mới");
    expect((await searchPublic({ q: typo.suggestion! })).total).toBeGreaterThan(0);
    // "zorangtich" is only in a draft: never suggested, however near the query
    expect(await searchPublic({ q: "zorangtic" })).toMatchObject({ total: 0, suggestion: null });
    expect((await searchPublic({ q: "nong thon moi" })).suggestion).toBeNull();
  });

  it("a scheduled article is found once its time has come", async () => {
    const r = await searchPublic({ q: "quynh luu", pageSize: 50, now: new Date(Date.now() + 48 * HOUR) });
    expect(r.results.map((x) => x.slug)).toContain(PREFIX + "hen-gio");
  });

  it("escapes a title containing HTML: only the marks are markup", async () => {
    const r = await searchPublic({ q: "quynh luu", pageSize: 50 });
    const hit = r.results.find((x) => x.slug === PREFIX + "script")!;
    expect(hit.titleHtml).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Quỳnh Lưu</mark>");
  });

  it("filters by kind, counts every kind, and pages", async () => {
    const all = await searchPublic({ q: "nong thon moi", pageSize: 5 });
    expect(all.counts.article).toBeGreaterThanOrEqual(3);
    expect(all.counts.notice).toBe(2);
    expect(all.counts.document).toBeGreaterThan(5);
    expect(all.total).toBe(all.counts.article + all.counts.notice + all.counts.document);
    expect(all.results).toHaveLength(5);
    const second = await searchPublic({ q: "nong thon moi", pageSize: 5, page: 2 });
    expect(second.results.map((x) => x.id)).not.toEqual(all.results.map((x) => x.id));
    const notices = await searchPublic({ q: "nong thon moi", kind: "notice" });
    expect(notices.total).toBe(2);
    expect(new Set(notices.results.map((x) => x.kind))).toEqual(new Set(["notice"]));
  });

  it("the planner can answer from the GIN index of the search migration", async () => {
    const plans = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Article" WHERE ntm_search_vector(title, summary, "bodyHtml") @@ to_tsquery('simple', 'nong & thon')`,
      );
    });
    expect(plans.map((p) => p["QUERY PLAN"]).join("\n")).toContain("Article_search_idx");
  });
});
