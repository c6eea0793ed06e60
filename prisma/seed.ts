// Seeds an empty database in ONE transaction (a failed seed leaves nothing behind):
// real data (administrative units, criteria, the five seed articles, the documents library) and,
// with `demo`, DEMO data (assessments 2019–2025 for the five provinces of the seed articles,
// OCOP products, capital lines, one account per role), every demo row flagged isDemo.
import pg from "pg";
import { seedContent } from "./seed/content.ts";
import { seedCriteria } from "./seed/criteria.ts";
import { unitsDateForYear } from "../lib/units/rules.ts";
import { seedDemoAssessments, type DemoCommune, type DemoUnit, type ScriptedCommune } from "./seed/demo-assessments.ts";
import { seedDemoCapital, seedDemoOcop } from "./seed/demo-extras.ts";
import { seedDemoPlans, seedDemoSurveys } from "./seed/demo-plans.ts";
import { seedUnits } from "./seed/units.ts";
import { seedDemoUsers, type DemoAccount } from "./seed/users.ts";

/** The provinces of the five seed articles: Thái Nguyên, Quảng Bình, Quảng Trị, Ninh Thuận, Cao Bằng. */
export const DEMO_PROVINCES = ["19", "44", "45", "58", "04"];
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/**
 * Hand-written stories of two communes of the demo accounts, for the guided journeys (README,
 * tests/e2e/assessment-journey.spec.ts): Xã Tân Thành (Phú Bình) registered to reach the standard
 * in 2025 and is one criterion short (17, Môi trường và an toàn thực phẩm) with its dossier open;
 * Xã Bàn Đạt has its 2025 dossier open too.
 */
export const DEMO_SCRIPT: Record<string, ScriptedCommune> = {
  "05923": { reachYear: Infinity, unmet: { 2025: [17] }, status: { 2025: "DRAFT" } },
  "05911": { reachYear: Infinity, status: { 2025: "DRAFT" } },
};

/** Their successors since 1/7/2025 (Thái Nguyên, Quảng Trị, Cao Bằng, Khánh Hòa) get 2026 demo assessments. */
export const DEMO_NEW_PROVINCES = ["19", "44", "04", "56"];

export interface SeedSummary {
  counts: Record<string, number>;
  accounts: DemoAccount[];
  seconds: number;
}

export async function isDatabaseEmpty(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AdminUnit"`);
    return rows[0].n === 0;
  } finally {
    await c.end();
  }
}

/**
 * Xã of the given provinces valid on a date: the communes the NTM criteria apply to
 * (2025-06-30 → the last units before the reform, 2026-01-01 → the new communes).
 */
export async function loadDemoCommunes(sql: pg.ClientBase, provinceCodes: string[] | null, on = "2025-06-30"): Promise<DemoCommune[]> {
  const { rows } = await sql.query<DemoCommune>(
    `SELECT u.id, u.code, p.code AS "provinceCode", u."provinceId", u."districtId", u.region, u."communeGroup"
       FROM "AdminUnit" u JOIN "AdminUnit" p ON p.id = u."provinceId"
      WHERE u.level = 'COMMUNE' AND u.type = 'XA'
        AND u."validFrom" <= $2::date AND (u."validTo" IS NULL OR u."validTo" > $2::date)
        AND ($1::text[] IS NULL OR p.code = ANY($1))
      ORDER BY u.code`,
    [provinceCodes, on],
  );
  return rows;
}

/**
 * The xã of the given provinces in each of `years`, as the units of the year stood
 * (unitsDateForYear: 2020 → the communes of 31/12/2020): one DemoCommune per commune code — the
 * demo story is keyed by code — with the unit each year's assessment is written on. A code that
 * was not a xã of those provinces in a year has no assessment that year. The commune's own
 * fields are those of its last year.
 */
export async function loadDemoCommunesByYear(sql: pg.ClientBase, provinceCodes: string[] | null, years: number[]): Promise<DemoCommune[]> {
  const dates = years.map((y) => unitsDateForYear(y).toISOString().slice(0, 10));
  const { rows } = await sql.query<DemoUnit & { year: number; code: string; provinceCode: string }>(
    `SELECT y.year, u.id, u.code, p.code AS "provinceCode", u."provinceId", u."districtId", u.region, u."communeGroup"
       FROM unnest($2::int[], $3::date[]) AS y(year, on_date)
       JOIN "AdminUnit" u ON u.level = 'COMMUNE' AND u.type = 'XA'
        AND u."validFrom" <= y.on_date AND (u."validTo" IS NULL OR u."validTo" > y.on_date)
       JOIN "AdminUnit" p ON p.id = u."provinceId"
      WHERE $1::text[] IS NULL OR p.code = ANY($1)
      ORDER BY u.code, y.year`,
    [provinceCodes, years, dates],
  );
  const byCode = new Map<string, DemoCommune>();
  for (const r of rows) {
    const unit: DemoUnit = { id: r.id, provinceId: r.provinceId, districtId: r.districtId, region: r.region, communeGroup: r.communeGroup };
    const years = byCode.get(r.code)?.years ?? new Map<number, DemoUnit>();
    years.set(r.year, unit);
    byCode.set(r.code, { ...unit, code: r.code, provinceCode: r.provinceCode, years }); // rows come by year: the last one wins
  }
  return [...byCode.values()];
}

export async function seedDatabase(url: string, opts: { demo: boolean; log?: (m: string) => void }): Promise<SeedSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const counts: Record<string, number> = {};
  let accounts: DemoAccount[] = [];
  try {
    await sql.query("BEGIN");
    const units = await seedUnits(sql);
    Object.assign(counts, units.counts);
    log(`Đơn vị hành chính: ${units.counts.oldCommunes} xã/phường/thị trấn (1/3/2025), ${units.counts.newCommunes} (1/7/2025)`);
    const sets = await seedCriteria(sql);
    counts.criteriaSets = sets.size;
    const content = await seedContent(sql, units);
    Object.assign(counts, content);
    await sql.query(
      `INSERT INTO "SiteSetting" (key, value) VALUES ('site', $1)`,
      [JSON.stringify({
        name: "Cổng thông tin Nông thôn mới",
        office: "Văn phòng Điều phối nông thôn mới",
        address: "Địa chỉ văn phòng (cấu hình trong trang quản trị)",
        phone: "",
        email: "",
        isDemo: opts.demo,
      })],
    );
    if (opts.demo) {
      // each year's assessments on the xã of that year (2020: the 137 xã of Thái Nguyên of 2020)
      const communesByYear = await loadDemoCommunesByYear(sql, DEMO_PROVINCES, DEMO_YEARS);
      Object.assign(counts, await seedDemoAssessments(sql, sets, communesByYear, { years: DEMO_YEARS, currentYear: 2025, scripted: DEMO_SCRIPT }));
      const communes = await loadDemoCommunes(sql, DEMO_PROVINCES); // those of 2025: OCOP producers
      const newCommunes = await loadDemoCommunes(sql, DEMO_NEW_PROVINCES, "2026-01-01");
      const later = await seedDemoAssessments(sql, sets, newCommunes, { years: [2026], currentYear: 2026 });
      counts.assessments += later.assessments;
      log(`Dữ liệu mẫu: ${counts.assessments} kết quả đánh giá của ${communesByYear.length} xã, ${DEMO_YEARS[0]}–${DEMO_YEARS.at(-1)}`);
      const names = new Map(
        (await sql.query<{ id: number; name: string }>(`SELECT id, name FROM "AdminUnit" WHERE id = ANY($1)`, [communes.map((c) => c.id)]))
          .rows.map((r) => [r.id, r.name]),
      );
      Object.assign(counts, await seedDemoOcop(sql, communes, names));
      const demoProvinceIds = DEMO_PROVINCES.map((c) => units.oldProvince.get(c)!);
      Object.assign(counts, await seedDemoCapital(sql, demoProvinceIds, DEMO_YEARS));
      Object.assign(counts, await seedDemoPlans(sql, { provinceIds: demoProvinceIds, years: [2024, 2025] }));
      Object.assign(counts, await seedDemoSurveys(sql, { provinceIds: demoProvinceIds, year: 2025 }));
      accounts = await seedDemoUsers(sql, units);
    }
    await sql.query("COMMIT");
  } catch (err) {
    await sql.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await sql.end();
  }
  return { counts, accounts, seconds: (Date.now() - started) / 1000 };
}
