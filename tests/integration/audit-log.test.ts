// The audit-log viewer on real PostgreSQL: who may read it, whose entries a scoped viewer sees,
// each filter, and the pages.
import { beforeAll, describe, expect, it } from "vitest";
import { parseAuditFilters } from "@/lib/audit/filters";
import { listAuditEntries } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { appErrorOf, onDate, viewerOf } from "./helpers";

// letters only (an action is [a-z.]): this run's entries, apart from every other test's
const tag = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const action = `kiemthu.${tag}`;
const ids: Record<"tanThanh" | "caoBang" | "national" | "province", string> = { tanThanh: "", caoBang: "", national: "", province: "" };
let caoBangProvince: number;

beforeAll(async () => {
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@ntm.demo" } });
  const leader = await db.user.findUniqueOrThrow({ where: { email: "lanhdao@ntm.demo" } });
  const thaiNguyen = (await viewerOf("tinh@ntm.demo")).unitId!;
  const tanThanh = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", code: "05923", ...onDate("2025-03-01") } });
  const caoBang = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", province: { code: "04" }, ...onDate("2025-03-01") } });
  caoBangProvince = caoBang.provinceId!;
  const entry = async (key: keyof typeof ids, data: { at: string; userId: number; unitId: number | null; entityType: string; entityId: string }) => {
    const row = await db.auditLog.create({ data: { ...data, at: new Date(data.at), action, before: { status: "DRAFT" }, after: { status: "SUBMITTED" } } });
    ids[key] = String(row.id);
  };
  // times in UTC; in Vietnam (UTC+7): 1/3 08:00, 2/3 23:30, 3/3 00:30, 5/3 12:00
  await entry("tanThanh", { at: "2020-03-01T01:00:00Z", userId: admin.id, unitId: tanThanh.id, entityType: "Assessment", entityId: `A1-${tag}` });
  await entry("caoBang", { at: "2020-03-02T16:30:00Z", userId: admin.id, unitId: caoBang.id, entityType: "Assessment", entityId: `A2-${tag}` });
  await entry("national", { at: "2020-03-02T17:30:00Z", userId: leader.id, unitId: null, entityType: "SiteSetting", entityId: "site" });
  await entry("province", { at: "2020-03-05T05:00:00Z", userId: admin.id, unitId: thaiNguyen, entityType: "Article", entityId: `B1-${tag}` });
});

async function seen(email: string, query: Record<string, string> = {}, pageSize?: number) {
  const r = await listAuditEntries(await viewerOf(email), parseAuditFilters({ thao_tac: action, ...query }), pageSize);
  return r.rows.map((row) => row.id);
}

describe("who reads the audit log", () => {
  it("a national admin sees every entry, newest first", async () => {
    expect(await seen("admin@ntm.demo")).toEqual([ids.province, ids.national, ids.caoBang, ids.tanThanh]);
  });

  it("a national leader sees every entry", async () => {
    expect(await seen("lanhdao@ntm.demo")).toHaveLength(4);
  });

  it("a province officer sees only entries about units within its province (its predecessors' communes included)", async () => {
    expect(await seen("tinh@ntm.demo")).toEqual([ids.province, ids.tanThanh]);
  });

  it("a province officer asking for another province gets nothing", async () => {
    expect(await seen("tinh@ntm.demo", { tinh: String(caoBangProvince) })).toEqual([]);
  });

  it.each(["huyen@ntm.demo", "xa@ntm.demo", "so@ntm.demo", "bientap@ntm.demo"])("%s (no audit.view) is refused", async (email) => {
    await appErrorOf(listAuditEntries(await viewerOf(email), parseAuditFilters({})), "FORBIDDEN");
  });

  it("anonymous is refused", async () => {
    await appErrorOf(listAuditEntries(null, parseAuditFilters({})), "UNAUTHENTICATED");
  });
});

describe("filters", () => {
  it.each([
    ["who did it, by part of the e-mail", { nguoi: "LANHDAO@" }, ["national"]],
    ["who did it, by part of the name", { nguoi: "lãnh đạo" }, ["national"]],
    ["a province: the entries about it and the units under it", { tinh: "CAO_BANG" }, ["caoBang"]],
    ["the unit concerned, by part of its name", { don_vi: "tân thành" }, ["tanThanh"]],
    ["the kind of entity", { doi_tuong: "Article" }, ["province"]],
    ["one entity", { doi_tuong: "Assessment", ma: "A2-TAG" }, ["caoBang"]],
    ["a day in Vietnam: 23:30 on 2/3 is in it, 00:30 on 3/3 is not", { tu: "2020-03-02", den: "2020-03-02" }, ["caoBang"]],
    ["from a day on", { tu: "2020-03-03" }, ["province", "national"]],
    ["up to a day", { den: "2020-03-01" }, ["tanThanh"]],
  ] as const)("by %s", async (_label, query, expected) => {
    const q = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === "CAO_BANG" ? String(caoBangProvince) : v.replace("TAG", tag)]));
    expect(await seen("admin@ntm.demo", q)).toEqual(expected.map((k) => ids[k]));
  });
});

describe("pages", () => {
  it("splits the entries into pages, newest first, and keeps a page past the end on the last one", async () => {
    const viewer = await viewerOf("admin@ntm.demo");
    const first = await listAuditEntries(viewer, parseAuditFilters({ thao_tac: action }), 3);
    expect({ total: first.total, pageCount: first.pageCount, rows: first.rows.map((r) => r.id) }).toEqual({ total: 4, pageCount: 2, rows: [ids.province, ids.national, ids.caoBang] });
    const second = await listAuditEntries(viewer, parseAuditFilters({ thao_tac: action, trang: "2" }), 3);
    expect(second.rows.map((r) => r.id)).toEqual([ids.tanThanh]);
    const beyond = await listAuditEntries(viewer, parseAuditFilters({ thao_tac: action, trang: "99" }), 3);
    expect({ page: beyond.page, rows: beyond.rows.map((r) => r.id) }).toEqual({ page: 2, rows: [ids.tanThanh] });
  });

  it("shows who, what, which unit and the change of each entry", async () => {
    const [row] = (await listAuditEntries(await viewerOf("admin@ntm.demo"), parseAuditFilters({ thao_tac: action, don_vi: "Tân Thành" }))).rows;
    expect(row).toMatchObject({ action, entityType: "Assessment", user: { email: "admin@ntm.demo" }, unit: { fullName: "Xã Tân Thành" }, before: { status: "DRAFT" }, after: { status: "SUBMITTED" } });
  });
});
