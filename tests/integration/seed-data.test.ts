import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { onDate } from "./helpers";

describe("administrative units from prisma/data", () => {
  it.each([
    ["2025-03-01", "PROVINCE", 63],
    ["2025-03-01", "DISTRICT", 696],
    ["2025-03-01", "COMMUNE", 10035],
    ["2025-07-01", "PROVINCE", 34],
    ["2025-07-01", "COMMUNE", 3321],
    ["2025-07-01", "DISTRICT", 0],
  ] as const)("on %s there are the official number of %s units", async (date, level, expected) => {
    expect(await db.adminUnit.count({ where: { level, ...onDate(date) } })).toBe(expected);
  });

  it("counts 7,692 xã before the reform and 2,611 xã today (Đồng Nai's 10 became phường on 30/4/2026)", async () => {
    expect(await db.adminUnit.count({ where: { level: "COMMUNE", type: "XA", ...onDate("2025-03-01") } })).toBe(7692);
    expect(await db.adminUnit.count({ where: { level: "COMMUNE", type: "XA", ...onDate("2025-07-01") } })).toBe(2621);
    expect(await db.adminUnit.count({ where: { level: "COMMUNE", type: "XA", ...onDate("2026-11-22") } })).toBe(2611);
  });

  it("keeps reused codes apart: 00004 was Phường Trúc Bạch and is now Phường Ba Đình", async () => {
    const units = await db.adminUnit.findMany({ where: { level: "COMMUNE", code: "00004" }, orderBy: { validFrom: "asc" } });
    expect(units.map((u) => u.fullName)).toEqual(["Phường Trúc Bạch", "Phường Ba Đình"]);
    const link = await db.unitSuccession.findFirst({ where: { predecessorId: units[0].id, successorId: units[1].id } });
    expect(link?.kind).toBe("FULL");
  });

  it("loads the old→new mapping, partial merges included", async () => {
    const provinces = await db.unitSuccession.count({ where: { predecessor: { level: "PROVINCE" }, effectiveDate: new Date("2025-07-01") } });
    expect(provinces).toBe(63);
    const partial = await db.unitSuccession.count({ where: { kind: "PARTIAL" } });
    expect(partial).toBeGreaterThan(900);
    // Quảng Bình and Quảng Trị both went into the new Quảng Trị
    const newQuangTri = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "44", ...onDate("2025-07-01") } });
    const olds = await db.unitSuccession.findMany({ where: { successorId: newQuangTri.id }, include: { predecessor: true } });
    expect(olds.map((o) => o.predecessor.fullName).sort()).toEqual(["Tỉnh Quảng Bình", "Tỉnh Quảng Trị"]);
  });

  it("gives every pre-reform commune one of the 7 NTM regions (prisma/data/province_regions.csv)", async () => {
    expect(await db.adminUnit.count({ where: { level: "COMMUNE", region: null, ...onDate("2025-03-01") } })).toBe(0);
    expect(await db.adminUnit.count({ where: { level: "COMMUNE", region: null, ...onDate("2016-12-31") } })).toBe(0);
    const quangNinh = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "22", ...onDate("2025-03-01") } });
    expect(quangNinh.region).toBe("DBSH");
  });
});

describe("criteria frameworks", () => {
  const csv: { period: string; no: string; name_vi: string }[] = parse(readFileSync("prisma/data/ntm_criteria.csv"), { columns: true, bom: true });

  it.each([
    ["XA_2016_2020", "2016-2020", 19],
    ["XA_2021_2025", "2021-2025", 19],
    ["XA_2026_2030", "2026-2030", 10],
  ])("%s has the criterion names of ntm_criteria.csv exactly", async (code, period, count) => {
    const set = await db.criteriaSet.findUniqueOrThrow({ where: { code }, include: { criteria: { orderBy: { number: "asc" } } } });
    expect(set.criteria).toHaveLength(count);
    expect(set.criteria.map((c) => c.name)).toEqual(csv.filter((r) => r.period === period).map((r) => r.name_vi));
  });

  it("marks as sample every seeded indicator and threshold that no source states (criteria-sources.test.ts checks the sourced ones)", async () => {
    expect(await db.indicator.count({ where: { isSample: false, source: null } })).toBe(0);
    expect(await db.indicatorThreshold.count({ where: { isSample: false, source: null, provinceId: null } })).toBe(0);
    expect(await db.indicator.count({ where: { criterion: { set: { code: "XA_2026_2030" } } } })).toBe(47);
  });
});

describe("the audit log", () => {
  it("is append-only: the database refuses to rewrite history", async () => {
    const entry = await db.auditLog.create({ data: { action: "test.append", entityType: "test", entityId: "1" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.append");
  });
});
