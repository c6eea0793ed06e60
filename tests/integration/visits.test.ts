import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/format";
import { recordBeacon, visitorKey, visitStats } from "@/lib/visits/service";

const ARTICLE = "hoi-nghi-toan-quoc-van-phong-dieu-phoi-ntm-cac-cap-nam-2020";
const alice = { address: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux) Firefox/140" };
const bob = { address: "198.51.100.23", userAgent: "Mozilla/5.0 (Android 15) Chrome/140" };
// beacons of different tests must not share a visitor (the memory lasts for the process)
let n = 0;
const visitor = () => ({ address: `192.0.2.${++n}`, userAgent: "Mozilla/5.0 kiểm thử" });

const todayCount = async () => (await db.visitDay.findUnique({ where: { day: todayInVietnam() } }))?.count ?? 0;

describe("visitor statistics without personal data", () => {
  let before: { day: Date; count: number }[];
  let views: number;
  beforeAll(async () => {
    before = await db.visitDay.findMany();
    views = (await db.article.findUniqueOrThrow({ where: { slug: ARTICLE } })).viewCount;
  });
  afterAll(async () => {
    await db.visitDay.deleteMany();
    if (before.length) await db.visitDay.createMany({ data: before });
    await db.article.update({ where: { slug: ARTICLE }, data: { viewCount: views } });
  });

  it("the database keeps a number per day and nothing else", async () => {
    const columns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'VisitDay' ORDER BY ordinal_position`;
    expect(columns.map((c) => c.column_name)).toEqual(["day", "count"]);
  });

  it("a new visit adds one to today's count; later pages of the visit do not", async () => {
    const start = await todayCount();
    const r1 = await recordBeacon({ ...alice, newVisit: true });
    expect(r1.ok && r1.stats.today).toBe(start + 1);
    expect(await todayCount()).toBe(start + 1);
    await recordBeacon({ ...alice, newVisit: false }); // a later page, a reload, a heartbeat
    await recordBeacon({ ...alice, newVisit: false });
    expect(await todayCount()).toBe(start + 1);
    await recordBeacon({ ...bob, newVisit: true });
    expect(await todayCount()).toBe(start + 2);
  });

  it("one visitor cannot count more than 10 visits in 10 minutes", async () => {
    const v = visitor();
    const start = await todayCount();
    for (let i = 0; i < 15; i++) await recordBeacon({ ...v, newVisit: true });
    expect(await todayCount()).toBe(start + 10);
  });

  it("changing the browser name at every request does not make a new visitor", async () => {
    const address = visitor().address;
    const start = await todayCount();
    const online = (await visitStats()).online;
    for (let i = 0; i < 15; i++) await recordBeacon({ address, userAgent: `Mozilla/5.0 giả mạo ${i}`, newVisit: true } as Parameters<typeof recordBeacon>[0]);
    expect(await todayCount()).toBe(start + 10);
    expect((await visitStats()).online).toBe(online + 1);
  });

  it("today, this week and the total come from the daily counts", async () => {
    const today = todayInVietnam();
    const longAgo = new Date(Date.UTC(2020, 0, 1));
    await db.visitDay.upsert({ where: { day: longAgo }, create: { day: longAgo, count: 1000 }, update: { count: 1000 } });
    const stats = await visitStats();
    const all = await db.visitDay.findMany();
    expect(stats.today).toBe(all.find((d) => d.day.getTime() === today.getTime())?.count ?? 0);
    expect(stats.total).toBe(all.reduce((s, d) => s + d.count, 0));
    expect(stats.week).toBeGreaterThanOrEqual(stats.today);
    expect(stats.week).toBeLessThan(stats.total);
  });

  it("counts visitors online now from hashes held in memory", async () => {
    const a = visitor();
    const before = (await visitStats()).online;
    await recordBeacon({ ...a, newVisit: false });
    await recordBeacon({ ...visitor(), newVisit: false });
    await recordBeacon({ ...a, newVisit: false });
    expect((await visitStats()).online).toBe(before + 2);
    // five minutes later without a heartbeat, they are gone
    expect((await visitStats(new Date(Date.now() + 6 * 60_000))).online).toBe(0);
  });

  it("the visitor's hash does not reveal the address, and changes with the day's salt", () => {
    const key = visitorKey(alice);
    expect(key).not.toContain("203");
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(visitorKey(alice)).toBe(key);
    expect(visitorKey(bob)).not.toBe(key);
    // the salt is replaced at midnight in Vietnam: tomorrow the same person has another hash
    expect(visitorKey(alice, new Date(Date.now() + 24 * 3600_000))).not.toBe(key);
  });

  it("a view of a published article adds one to its count, once per visitor in 10 minutes", async () => {
    const start = (await db.article.findUniqueOrThrow({ where: { slug: ARTICLE } })).viewCount;
    const v = visitor();
    const r = await recordBeacon({ ...v, newVisit: true, view: { type: "article", slug: ARTICLE } });
    expect(r.ok && r.views).toBe(start + 1);
    const again = await recordBeacon({ ...v, newVisit: false, view: { type: "article", slug: ARTICLE } });
    expect(again.ok && again.views).toBe(start + 1);
    await recordBeacon({ ...visitor(), newVisit: false, view: { type: "article", slug: ARTICLE } });
    const row = await db.article.findUniqueOrThrow({ where: { slug: ARTICLE } });
    expect(row.viewCount).toBe(start + 2);
  });

  it("a view is not an edit: updatedAt and version stay as they were", async () => {
    const before = await db.article.findUniqueOrThrow({ where: { slug: ARTICLE } });
    await recordBeacon({ ...visitor(), newVisit: false, view: { type: "article", slug: ARTICLE } });
    const after = await db.article.findUniqueOrThrow({ where: { slug: ARTICLE } });
    expect(after.viewCount).toBe(before.viewCount + 1);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.version).toBe(before.version);
  });

  it("views of notices and documents count too; unknown or unpublished content counts nothing", async () => {
    const notice = await db.notice.findFirstOrThrow({ where: { number: "58/TB-UBND" } });
    const r = await recordBeacon({ ...visitor(), newVisit: false, view: { type: "notice", slug: notice.slug } });
    expect(r.ok && r.views).toBe(notice.viewCount + 1);
    const doc = await db.document.findFirstOrThrow({ where: { slug: "quyet-dinh-318-qd-ttg" } });
    const d = await recordBeacon({ ...visitor(), newVisit: false, view: { type: "document", slug: doc.slug } });
    expect(d.ok && d.views).toBe(doc.viewCount + 1);
    const none = await recordBeacon({ ...visitor(), newVisit: false, view: { type: "article", slug: "khong-ton-tai" } });
    expect(none.ok && none.views).toBeNull();
    const draft = await db.article.create({ data: { slug: "kiem-thu-luot-xem-nhap", title: "Nháp", summary: "", bodyHtml: "", status: "DRAFT" } });
    try {
      const dr = await recordBeacon({ ...visitor(), newVisit: false, view: { type: "article", slug: draft.slug } });
      expect(dr.ok && dr.views).toBeNull();
      expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).viewCount).toBe(0);
    } finally {
      await db.article.delete({ where: { id: draft.id } });
    }
    await db.notice.update({ where: { id: notice.id }, data: { viewCount: notice.viewCount } });
    await db.document.update({ where: { id: doc.id }, data: { viewCount: doc.viewCount } });
  });

  it("a visitor sending too many beacons is refused for the rest of the minute", async () => {
    const v = visitor();
    const results = [];
    for (let i = 0; i < 125; i++) results.push(await recordBeacon({ ...v, newVisit: false }));
    expect(results.slice(0, 120).every((r) => r.ok)).toBe(true);
    const refused = results.at(-1)!;
    expect(refused).toMatchObject({ ok: false, reason: "rate-limited" });
    // the footer still gets the statistics last read, without database work
    expect(refused.stats?.total).toBeGreaterThan(0);
    expect((await recordBeacon({ ...visitor(), newVisit: false })).ok).toBe(true);
  });
});
