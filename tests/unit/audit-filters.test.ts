// The audit-log viewer's filters from the query string, and how a change reads.
import { describe, expect, it } from "vitest";
import { auditChanges, auditFilterQuery, parseAuditFilters, vietnamDayStart } from "@/lib/audit/filters";

describe("parseAuditFilters", () => {
  it("reads every filter", () => {
    expect(parseAuditFilters({ nguoi: " tinh@ntm ", tinh: "12", don_vi: "Tân Thành", doi_tuong: "Assessment", ma: "42", thao_tac: "criterion.save", tu: "2026-01-01", den: "2026-01-31", trang: "3" })).toEqual({
      user: "tinh@ntm",
      provinceId: 12,
      unit: "Tân Thành",
      entityType: "Assessment",
      entityId: "42",
      action: "criterion.save",
      from: new Date("2025-12-31T17:00:00Z"),
      to: new Date("2026-01-31T17:00:00Z"),
      page: 3,
    });
  });

  it("takes a period as whole days in Vietnam: a single day runs from 00:00 to 24:00 there", () => {
    const f = parseAuditFilters({ tu: "2026-11-22", den: "2026-11-22" });
    expect(f.from?.toISOString()).toBe("2026-11-21T17:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-11-22T17:00:00.000Z");
  });

  it.each([
    ["a province that is not a number", { tinh: "abc" }],
    ["a date that does not exist", { tu: "2026-02-30" }],
    ["a date in another format", { den: "22/11/2026" }],
    ["an entity type with SQL in it", { doi_tuong: "User' OR 1=1 --" }],
    ["an action with spaces", { thao_tac: "user create" }],
    ["an empty name", { nguoi: "   " }],
  ])("drops %s instead of failing", (_label, query) => {
    const f = parseAuditFilters(query);
    expect({ ...f, page: undefined }).toEqual({ user: undefined, provinceId: undefined, unit: undefined, entityType: undefined, entityId: undefined, action: undefined, from: undefined, to: undefined, page: undefined });
  });

  it("keeps the filters on the links to other pages", () => {
    expect(auditFilterQuery({ nguoi: "a@b", tinh: "5", trang: "2", khac: "x" }, 4)).toBe("?nguoi=a%40b&tinh=5&trang=4");
    expect(auditFilterQuery({}, 1)).toBe("");
  });

  it("knows which days exist", () => {
    expect(vietnamDayStart("2024-02-29")).toEqual(new Date("2024-02-28T17:00:00Z"));
    expect(vietnamDayStart("2025-02-29")).toBeUndefined();
  });
});

describe("auditChanges", () => {
  it("lists only the fields that changed, old → new", () => {
    expect(auditChanges({ status: "DRAFT", version: 1, note: "x" }, { status: "SUBMITTED", version: 2, note: "x" })).toEqual([
      { field: "status", before: "DRAFT", after: "SUBMITTED" },
      { field: "version", before: "1", after: "2" },
    ]);
  });
  it("shows a creation as every field from nothing", () => {
    expect(auditChanges(null, { email: "a@b.vn", role: "EDITOR" })).toEqual([
      { field: "email", before: "–", after: "a@b.vn" },
      { field: "role", before: "–", after: "EDITOR" },
    ]);
  });
  it("compares nested values as a whole and shortens long ones", () => {
    const long = "x".repeat(300);
    const [c] = auditChanges({ values: [1, 2] }, { values: long });
    expect(c.before).toBe("[1,2]");
    expect(c.after).toHaveLength(118);
    expect(auditChanges({ values: [1, 2] }, { values: [1, 2] })).toEqual([]);
  });
  it("has nothing to show when neither side was recorded", () => {
    expect(auditChanges(null, null)).toEqual([]);
  });
});
