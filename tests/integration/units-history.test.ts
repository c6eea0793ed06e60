// Administrative units 2015–2025 with the validity of their time (prisma/seed/units-history.ts):
// every GSO snapshot's counts as prisma/data/units_history/README.md states them, the 1/3/2025 and
// 1/7/2025 states unchanged, one row for a unit that never changed, and scope through history.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isUnitInScope } from "@/lib/authz";
import { db } from "@/lib/db";
import { unitsDateForYear } from "@/lib/units/rules";
import { assessmentGrid } from "@/lib/imports/template";
import { listLinkableCommunes } from "@/lib/notices/staff-queries";
import { resolveReportUnit } from "@/lib/reports/scope";
import { openStatistics } from "@/lib/stats/open-data";
import { communeOptionsForViewer } from "@/lib/ocop/queries";
import { unitWithPredecessors } from "@/lib/units/queries";
import { listGrantableUnits } from "@/lib/users/staff-queries";
import { DEMO_SCRIPT, DEMO_YEARS, loadDemoCommunesByYear } from "../../prisma/seed";
import { seedUnits } from "../../prisma/seed/units";
import { ensureUnitsHistory } from "../../prisma/seed/units-history";
import { applyMigrations } from "../../scripts/lib/migrations";
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from "../../scripts/lib/postgres";
import { onDate, TEST_PROVINCE_CODE, viewerOf } from "./helpers";

/** A pg client on the test database, for the seed's own loaders. */
async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const README = readFileSync("prisma/data/units_history/README.md", "utf8");
const dmy = (d: string) => d.split("/").reverse().join("-"); // 31/08/2015 → 2015-08-31
const num = (s: string) => Number(s.replace(/,/g, "").replace(/\s*\(.*\)$/, ""));

/** README table "Snapshots: source, date, counts": file date → P, D, communes, xã, phường, thị trấn. */
const COUNTS = [...README.matchAll(/^\| (\d{4}-\d{2}-\d{2}) \|.*\| (\d+) \| (\d+ \(\d+\)) \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \|$/gm)].map((m) => ({
  file: m[1],
  counts: { PROVINCE: num(m[2]), DISTRICT: num(m[3]), COMMUNE: num(m[4]), XA: num(m[5]), PHUONG: num(m[6]), THI_TRAN: num(m[7]) },
}));
/** README table "Which file for which date": file → the first day its units stand (01/11/2024 is in the 31/12/2024 row). */
const VALID_FROM = new Map([
  ...[...README.matchAll(/^\| [^|]+ \| `units_(\d{4}-\d{2}-\d{2})\.csv` \| (\d{2}\/\d{2}\/\d{4}) →/gm)].map((m): [string, string] => [m[1], dmy(m[2])]),
  ...[...README.matchAll(/bracketed by `units_(2024-11-01)\.csv`, valid (\d{2})\/(\d{2}) →/g)].map((m): [string, string] => [m[1], `2024-${m[3]}-${m[2]}`]),
]);
/** year_end_index.csv: the established year ends and their file. */
const YEAR_ENDS = readFileSync("prisma/data/units_history/year_end_index.csv", "utf8").trim().split("\n").slice(1)
  .map((l) => l.split(","))
  .filter((f) => f[2] === "established")
  .map((f) => ({ date: f[0], file: f[1].slice(6, 16) }));

async function countsOn(iso: string, provinceCode?: string) {
  const province = provinceCode ? { province: { code: provinceCode } } : {};
  const by = async (where: object) => db.adminUnit.count({ where: { ...where, ...onDate(iso) } });
  return {
    PROVINCE: provinceCode ? undefined : await by({ level: "PROVINCE" }),
    DISTRICT: await by({ level: "DISTRICT", ...province }),
    COMMUNE: await by({ level: "COMMUNE", ...province }),
    XA: await by({ level: "COMMUNE", type: "XA", ...province }),
    PHUONG: await by({ level: "COMMUNE", type: "PHUONG", ...province }),
    THI_TRAN: await by({ level: "COMMUNE", type: "THI_TRAN", ...province }),
  };
}

describe("units of every GSO snapshot, 2015–2025", () => {
  it("reads the README's tables: 12 snapshots, each with its validity start, 9 established year ends", () => {
    expect(COUNTS).toHaveLength(12);
    expect(COUNTS.every((c) => VALID_FROM.has(c.file))).toBe(true);
    expect(VALID_FROM.get("2016-12-27")).toBe("2015-08-31");
    expect(YEAR_ENDS).toHaveLength(9);
  });

  it.each(COUNTS)("snapshot $file: the units valid on its date and from its validity start are the README's counts", async ({ file, counts }) => {
    expect(await countsOn(file)).toEqual(counts);
    expect(await countsOn(VALID_FROM.get(file)!)).toEqual(counts);
  });

  it.each(YEAR_ENDS)("year end $date shows the units of $file", async ({ date, file }) => {
    expect(await countsOn(date)).toEqual(COUNTS.find((c) => c.file === file)!.counts);
  });

  it("keeps 1/3/2025 at 63 / 696 / 10,035 (7,692 xã) and 1/7/2025 at 34 / 3,321", async () => {
    expect(await countsOn("2025-03-01")).toEqual({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035, XA: 7692, PHUONG: 1726, THI_TRAN: 617 });
    expect(await countsOn("2025-06-30")).toMatchObject({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035 });
    expect(await countsOn("2025-07-01")).toMatchObject({ PROVINCE: 34, DISTRICT: 0, COMMUNE: 3321 });
  });

  it.each([
    ["2016-12-31", 140],
    ["2020-06-01", 137],
    ["2020-06-30", 137],
    ["2023-12-31", 126],
    ["2024-11-30", 126],
    ["2024-12-31", 121], // 1240/NQ-UBTVQH15, in force 01/12/2024
    ["2025-03-01", 121],
  ])("Thái Nguyên on %s has %i xã", async (iso, xa) => {
    expect((await countsOn(iso, "19")).XA).toBe(xa);
  });

  it("a year's figures use the units of its year end (2025: the last day before the reform)", () => {
    expect(unitsDateForYear(2016).toISOString().slice(0, 10)).toBe("2016-12-31");
    expect(unitsDateForYear(2020).toISOString().slice(0, 10)).toBe("2020-12-31");
    expect(unitsDateForYear(2024).toISOString().slice(0, 10)).toBe("2024-12-31");
    expect(unitsDateForYear(2025).toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(unitsDateForYear(2026).toISOString().slice(0, 10)).toBe("2026-12-31");
  });

  it("a unit unchanged from 2015 to the reform is one row, the one the demo accounts point at", async () => {
    const rows = await db.adminUnit.findMany({ where: { level: "COMMUNE", code: "05923", validFrom: { lt: new Date("2025-07-01") } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fullName: "Xã Tân Thành", validFrom: new Date("2015-08-31"), validTo: new Date("2025-07-01") });
    const officer = await db.user.findUniqueOrThrow({ where: { email: "xa@ntm.demo" } });
    expect(officer.unitId).toBe(rows[0].id);
  });

  it("links the versions of one code: Thừa Thiên Huế → Huế on 1/1/2025, Huyện → Thị xã Mộc Châu on 1/3/2025", async () => {
    const hue = await db.adminUnit.findMany({ where: { level: "PROVINCE", code: "46", validFrom: { lt: new Date("2025-07-01") } }, orderBy: { validFrom: "asc" } });
    expect(hue.map((h) => [h.fullName, h.validFrom.toISOString().slice(0, 10), h.validTo?.toISOString().slice(0, 10)])).toEqual([
      ["Tỉnh Thừa Thiên Huế", "2015-08-31", "2025-01-01"],
      ["Thành phố Huế", "2025-01-01", "2025-07-01"],
    ]);
    const link = await db.unitSuccession.findUniqueOrThrow({ where: { predecessorId_successorId: { predecessorId: hue[0].id, successorId: hue[1].id } } });
    expect(link).toMatchObject({ kind: "FULL", effectiveDate: new Date("2025-01-01") });
    expect(link.legalBasis).toMatch(/Tổng cục Thống kê ngày 01\/01\/2025/);
    // today's Huế covers both (a province officer's history)
    const today = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "46", ...onDate("2025-07-01") } });
    expect(await unitWithPredecessors(today.id)).toEqual(expect.arrayContaining([hue[0].id, hue[1].id]));

    const mocChau = await db.adminUnit.findMany({ where: { level: "DISTRICT", code: "123" }, orderBy: { validFrom: "asc" } });
    expect(mocChau.map((d) => d.fullName)).toEqual(["Huyện Mộc Châu", "Thị xã Mộc Châu"]);
    expect(await db.unitSuccession.count({ where: { predecessorId: mocChau[0].id, successorId: mocChau[1].id, effectiveDate: new Date("2025-03-01") } })).toBe(1);
  });

  it("dates Thái Nguyên's 2024 mergers at 01/12/2024, the other provinces' changes of that bracket at 01/01/2025", async () => {
    const ended = await db.adminUnit.groupBy({
      by: ["validTo"],
      where: { level: "COMMUNE", province: { code: "19" }, validTo: { gt: new Date("2024-11-01"), lt: new Date("2025-03-01") } },
      _count: true,
    });
    expect(ended.map((e) => e.validTo?.toISOString().slice(0, 10))).toEqual(["2024-12-01"]);
    const elsewhere = await db.adminUnit.count({ where: { level: "COMMUNE", province: { code: { not: "19" } }, validTo: new Date("2024-12-01") } });
    expect(elsewhere).toBe(0);
  });

  it("gives every unit before the reform an NTM region", async () => {
    expect(await db.adminUnit.count({ where: { validTo: { lte: new Date("2025-07-01") }, region: null } })).toBe(0);
  });
});

describe("demo data on the units of its year", () => {
  // other test files rewrite some demo dossiers (Tân Thành's, 2024–2026): the choice of communes
  // is checked through the loader the seed uses, the written rows on years they leave alone
  it.each([
    [2019, 139],
    [2020, 137],
    [2023, 126],
    [2024, 121],
    [2025, 121],
  ])("the demo assessments of %i go to Thái Nguyên's %i xã of that year", async (year, xa) => {
    const on = unitsDateForYear(year).toISOString().slice(0, 10);
    const ofYear = await db.adminUnit.findMany({ where: { level: "COMMUNE", type: "XA", province: { code: "19" }, ...onDate(on) }, select: { id: true } });
    expect(ofYear).toHaveLength(xa);
    const chosen = await withClient((c) => loadDemoCommunesByYear(c, ["19"], [year]));
    expect(new Set(chosen.map((c) => c.years!.get(year)!.id))).toEqual(new Set(ofYear.map((u) => u.id)));
  });

  it.each([2019, 2020, 2021, 2022, 2023])("the seed wrote %i's demo assessments of Thái Nguyên on the xã of that year", async (year) => {
    const on = unitsDateForYear(year).toISOString().slice(0, 10);
    const written = await db.assessment.findMany({ where: { year, isDemo: true, unit: { province: { code: "19" } } }, select: { unitId: true } });
    const ofYear = await db.adminUnit.findMany({ where: { level: "COMMUNE", type: "XA", province: { code: "19" }, ...onDate(on) }, select: { id: true } });
    expect(new Set(written.map((u) => u.unitId))).toEqual(new Set(ofYear.map((u) => u.id)));
  });

  it("writes no demo assessment of 2019–2025 on a unit that did not stand at the year's units date", async () => {
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId"
       CROSS JOIN LATERAL (SELECT CASE WHEN a.year = 2025 THEN DATE '2025-06-30' ELSE make_date(a.year, 12, 31) END AS d) y
       WHERE a."isDemo" AND a.year <= 2025 AND NOT (u."validFrom" <= y.d AND (u."validTo" IS NULL OR u."validTo" > y.d))`;
    expect(n).toBe(0);
  });

  it("keeps Xã Tân Thành (DEMO_SCRIPT) and Bàn Đạt on the units of the demo accounts for every year to 2025", async () => {
    const officer = await db.user.findUniqueOrThrow({ where: { email: "xa@ntm.demo" } });
    const chosen = await withClient((c) => loadDemoCommunesByYear(c, ["19"], DEMO_YEARS));
    const tanThanh = chosen.find((c) => c.code === "05923")!;
    expect([...tanThanh.years!.values()].map((u) => u.id)).toEqual(DEMO_YEARS.map(() => officer.unitId));
    const banDat = chosen.find((c) => c.code === "05911")!;
    const banDatUnit = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", code: "05911", ...onDate("2025-03-01") } });
    expect(new Set([...banDat.years!.values()].map((u) => u.id))).toEqual(new Set([banDatUnit.id]));
    expect(Object.keys(DEMO_SCRIPT).sort()).toEqual(["05911", "05923"]);
  });
});

describe("scope through history", () => {
  /** A commune of a province on a date whose code has no unit on 1/3/2025 (merged away since). */
  async function vanishedCommune(provinceCode: string, iso: string) {
    const gone = await db.adminUnit.findMany({
      where: { level: "COMMUNE", province: { code: provinceCode }, validTo: { lte: new Date("2025-03-01") }, ...onDate(iso) },
      orderBy: { code: "asc" },
    });
    for (const c of gone) {
      if (!(await db.adminUnit.count({ where: { level: "COMMUNE", code: c.code, ...onDate("2025-03-01") } }))) return c;
    }
    throw new Error(`no commune of ${provinceCode} on ${iso} vanished by 2025`);
  }

  it("the Thái Nguyên officer (today's province) sees a Thái Nguyên commune of 2020 merged away since; not one of Cao Bằng", async () => {
    const viewer = await viewerOf("tinh@ntm.demo");
    const unit = await db.adminUnit.findUniqueOrThrow({ where: { id: viewer.unitId! } });
    expect(unit.validFrom).toEqual(new Date("2025-07-01"));
    const old = await vanishedCommune("19", "2020-06-01");
    expect(isUnitInScope(viewer, old)).toBe(true);
    expect(isUnitInScope(viewer, await vanishedCommune("04", "2016-12-31"))).toBe(false);
  });

  it("the Phú Bình officer sees the communes of Phú Bình in 2016, not those of another district", async () => {
    const viewer = await viewerOf("huyen@ntm.demo");
    const own = await db.adminUnit.findMany({ where: { level: "COMMUNE", district: { code: "173" }, ...onDate("2016-12-31") } });
    expect(own.length).toBeGreaterThan(15);
    expect(own.every((c) => isUnitInScope(viewer, c))).toBe(true);
    const other = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", province: { code: "19" }, district: { code: { not: "173" } }, ...onDate("2016-12-31") } });
    expect(isUnitInScope(viewer, other)).toBe(false);
  });
});

describe("reports, open data and import templates of an earlier year use that year's units", () => {
  it("a district asked by its 1/3/2025 id is shown as it stood that year: Thị xã Mộc Châu in 2024 is Huyện Mộc Châu", async () => {
    const admin = await viewerOf("admin@ntm.demo");
    const [huyen, thiXa] = await db.adminUnit.findMany({ where: { level: "DISTRICT", code: "123" }, orderBy: { validFrom: "asc" } });
    const unit = await resolveReportUnit(admin, { huyen: thiXa.id }, 2024);
    expect(unit).toMatchObject({ level: "DISTRICT", unitId: huyen.id, name: "Huyện Mộc Châu", scope: { districtId: huyen.id } });
    expect((await resolveReportUnit(admin, { huyen: thiXa.id }, 2025)).unitId).toBe(thiXa.id);
    const stats = await openStatistics({ nam: 2024, huyen: "123" } as Parameters<typeof openStatistics>[0]);
    expect(stats.unit.name).toBe("Huyện Mộc Châu");
  });

  it("a district formed later has no report for a year before it", async () => {
    const admin = await viewerOf("admin@ntm.demo");
    // a district of 1/3/2025 whose code no unit carried at the end of 2016
    const later = await db.adminUnit.findFirstOrThrow({
      where: { level: "DISTRICT", ...onDate("2025-03-01"), NOT: { code: { in: (await db.adminUnit.findMany({ where: { level: "DISTRICT", ...onDate("2016-12-31") }, select: { code: true } })).map((d) => d.code) } } },
    });
    await expect(resolveReportUnit(admin, { huyen: later.id }, 2016)).rejects.toThrow(/có trong danh mục đơn vị hành chính từ/);
  });

  it("the import template of today's Thái Nguyên for 2020 lists the xã of 2020 of Thái Nguyên and Bắc Kạn", async () => {
    const tinh = await viewerOf("tinh@ntm.demo");
    const grid = await assessmentGrid(tinh, tinh.unitId, 2020);
    const xa = await db.adminUnit.count({ where: { level: "COMMUNE", type: "XA", province: { code: { in: ["19", "06"] } }, ...onDate("2020-12-31") } });
    expect(grid.rows).toHaveLength(xa);
    expect(xa).toBeGreaterThan(137);
  });
});

describe("forms for today's work offer the units of 30/6/2025 and later, not older versions", () => {
  it("OCOP communes, task links and account units of Thái Nguyên", async () => {
    const tinh = await viewerOf("tinh@ntm.demo");
    const admin = await viewerOf("admin@ntm.demo");
    const ended = async (ids: number[]) => db.adminUnit.count({ where: { id: { in: ids }, validTo: { lt: new Date("2025-07-01") } } });
    const ocop = await communeOptionsForViewer(tinh);
    expect(ocop.length).toBeGreaterThan(0);
    expect(await ended(ocop.map((o) => o.id))).toBe(0);
    const links = await listLinkableCommunes(tinh.unitId);
    expect(await ended(links.map((l) => l.id))).toBe(0);
    const oldThaiNguyen = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "19", ...onDate("2025-03-01") } });
    const grantable = (await listGrantableUnits(admin, oldThaiNguyen.id))!;
    expect([grantable.districts.length, grantable.communes.length]).toEqual([9, 172]); // 121 xã, 41 phường, 10 thị trấn
  });
});

describe("a database seeded before the history", () => {
  const adminUrl = process.env.TEST_ADMIN_URL!;
  const name = `ntm_test_units_${randomBytes(4).toString("hex")}`;
  afterAll(() => dropDatabase(adminUrl, name));

  it("gets the same history from ensureUnitsHistory, keeps its 1/3/2025 ids, and a second run changes nothing", async () => {
    const source = process.env.DATABASE_URL!;
    await createDatabaseIfMissing(adminUrl, name, decodeURIComponent(new URL(source).username));
    const url = databaseUrl(source, name);
    await applyMigrations(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query("BEGIN");
      await seedUnits(c, { history: false });
      await c.query("COMMIT");
      const idsBefore = (await c.query(`SELECT id, level, code FROM "AdminUnit" WHERE "validFrom" = '2025-03-01' ORDER BY id`)).rows;
      const on = (iso: string) => c.query(`SELECT count(*)::int AS n FROM "AdminUnit" WHERE level = 'COMMUNE' AND type = 'XA' AND "validFrom" <= $1 AND ("validTo" IS NULL OR "validTo" > $1)`, [iso]);
      expect((await on("2020-06-01")).rows[0].n).toBe(0);

      const counts = await ensureUnitsHistory(url, () => {});
      expect(counts?.historyCommunes).toBeGreaterThan(2000);
      expect((await on("2020-06-01")).rows[0].n).toBe(8297);
      expect((await on("2025-03-01")).rows[0].n).toBe(7692);
      // the rows of 1/3/2025 keep their ids; those unchanged since earlier reach back
      const idsAfter = (await c.query(`SELECT id, level, code FROM "AdminUnit" WHERE "validTo" = '2025-07-01' AND "validFrom" <= '2025-03-01' ORDER BY id`)).rows;
      expect(idsAfter).toEqual(idsBefore);
      // the same rows and links as a fresh seed
      // other test files add their own units under TEST_PROVINCE_CODE to the shared database
      const shape = `SELECT u.level, u.code, u.name, u.type, u."validFrom"::text, u."validTo"::text FROM "AdminUnit" u
        LEFT JOIN "AdminUnit" p ON p.id = u."provinceId" WHERE COALESCE(p.code, u.code) <> '${TEST_PROVINCE_CODE}' ORDER BY 1, 2, 5`;
      const fresh = (await db.$queryRawUnsafe<unknown[]>(shape)).length;
      expect((await c.query(shape)).rows).toHaveLength(fresh);
      expect((await c.query(`SELECT count(*)::int AS n FROM "UnitSuccession"`)).rows[0].n).toBe(await db.unitSuccession.count());

      expect(await ensureUnitsHistory(url, () => {})).toBeNull();
    } finally {
      await c.end();
    }
  }, 120_000);
});
