// DEMO year plans with their roadmaps, and residents' satisfaction surveys (isDemo = true on the
// plan entries; surveys have no flag — they exist only in demo databases), deterministic.
// Needs the demo assessments: plans are drawn from each province's results of the year before.
import { communeSetCodeForYear } from "../../lib/criteria/rules.ts";
import { unitsDateForYear } from "../../lib/units/rules.ts";
import { createRandom, insertRows, type Sql } from "./sql.ts";

/**
 * Communes registered per province and year: [to reach the standard, to reach the advanced level].
 * Quảng Bình follows its 2023 notice ("9 xã đạt chuẩn, 11 xã nâng cao"); the others are invented.
 */
const PLAN_SIZE: Record<string, [number, number]> = {
  "19": [8, 10], // Thái Nguyên
  "44": [9, 11], // Quảng Bình
  "45": [7, 6], // Quảng Trị
  "58": [5, 4], // Ninh Thuận
  "04": [6, 2], // Cao Bằng
};
const DEFAULT_SIZE: [number, number] = [5, 3];
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Xã Tân Thành (Phú Bình) is registered to reach the standard in 2025 (prisma/seed.ts DEMO_SCRIPT). */
const ALWAYS_REGISTERED: Record<number, string[]> = { 2025: ["05923"] };

interface Candidate {
  communeId: number;
  code: string;
  reachedStandard: boolean;
  /** the highest title held at the start of the plan year (null: none) */
  title: string | null;
  criteriaMet: number;
  unmet: number[] | null;
  /** the highest title held at the end of the plan year (how it turned out) */
  nextTitle: string | null;
}

/**
 * Registers, for each province (pre-reform ids, as the demo assessments use) and year, the xã
 * closest to the standard that were not recognised the year before ("đạt chuẩn") and recognised
 * xã still at the basic level ("nâng cao"), with a roadmap of the criteria each missed the year
 * before, due between June and October. Returns the row counts.
 */
export async function seedDemoPlans(sql: Sql, opts: { provinceIds: number[]; years: number[] }): Promise<{ planEntries: number; roadmapItems: number }> {
  const rng = createRandom(2023);
  const entries: { row: unknown[]; unmet: number[] }[] = [];
  for (const provinceId of opts.provinceIds) {
    const { rows: [province] } = await sql.query<{ code: string }>(`SELECT code FROM "AdminUnit" WHERE id = $1`, [provinceId]);
    const [ntmCount, advancedCount] = PLAN_SIZE[province.code] ?? DEFAULT_SIZE;
    for (const year of opts.years) {
      // the year before, against the criteria set of the plan year (its roadmap uses that set)
      const { rows } = await sql.query<Candidate>(
        `SELECT u.id AS "communeId", u.code, a."reachedStandard", a."criteriaMet",
                (SELECT r.level::text FROM "Recognition" r WHERE r."unitId" = u.id AND r."decisionDate" < make_date($2, 1, 1)
                    AND (r."revocationDate" IS NULL OR r."revocationDate" >= make_date($2, 1, 1))
                  ORDER BY array_position(ARRAY['NTM', 'ADVANCED', 'MODEL'], r.level::text) DESC LIMIT 1) AS title,
                (SELECT r.level::text FROM "Recognition" r WHERE r."unitId" = u.id AND r."decisionDate" <= make_date($2, 12, 31)
                    AND (r."revocationDate" IS NULL OR r."revocationDate" > make_date($2, 12, 31))
                  ORDER BY array_position(ARRAY['NTM', 'ADVANCED', 'MODEL'], r.level::text) DESC LIMIT 1) AS "nextTitle",
                (SELECT array_agg(cr."criterionId" ORDER BY c.number) FROM "CriterionResult" cr JOIN "Criterion" c ON c.id = cr."criterionId"
                  WHERE cr."assessmentId" = a.id AND cr.status <> 'MET') AS unmet
           FROM "AdminUnit" u
           JOIN "Assessment" a ON a."unitId" = u.id AND a.year = $2 - 1
           JOIN "CriteriaSet" s ON s.id = a."setId"
          WHERE u."provinceId" = $1 AND u.level = 'COMMUNE' AND u.type = 'XA'
            AND u."validFrom" <= $4::date AND (u."validTo" IS NULL OR u."validTo" > $4::date)
            AND s.code = $3
          ORDER BY u.code`,
        // the xã of the plan year (a commune's row of the year before may have ended since)
        [provinceId, year, communeSetCodeForYear(year), isoDate(unitsDateForYear(year))],
      );
      const forced = new Set(ALWAYS_REGISTERED[year] ?? []);
      const notRecognised = rows.filter((r) => r.title === null);
      const ntm = [
        ...notRecognised.filter((r) => forced.has(r.code)),
        ...notRecognised.filter((r) => !forced.has(r.code)).sort((a, b) => b.criteriaMet - a.criteriaMet || a.code.localeCompare(b.code)),
      ].slice(0, Math.max(ntmCount, forced.size));
      // plans are made with hindsight here: about 60% of those registered for "nâng cao" make it
      const basic = rows.filter((r) => r.title === "NTM" && r.reachedStandard);
      const made = basic.filter((r) => r.nextTitle === "ADVANCED" || r.nextTitle === "MODEL");
      const notMade = basic.filter((r) => !made.includes(r) && rng.chance(0.5));
      const fromMade = made.slice(0, Math.ceil(advancedCount * 0.6));
      const advanced = [...fromMade, ...notMade.slice(0, advancedCount - fromMade.length)];
      for (const c of ntm) {
        entries.push({
          row: [year, provinceId, c.communeId, "NTM", `${year}-11-30`, `Đăng ký đạt chuẩn năm ${year} (dữ liệu mẫu)`, true],
          unmet: c.unmet ?? [],
        });
      }
      for (const c of advanced) {
        entries.push({ row: [year, provinceId, c.communeId, "ADVANCED", `${year}-12-15`, `Đăng ký nâng cao năm ${year} (dữ liệu mẫu)`, true], unmet: [] });
      }
    }
  }
  const ids = await insertRows<{ id: number }>(
    sql,
    "PlanEntry",
    [
      { name: "year", type: "int" }, { name: "provinceId", type: "int" }, { name: "communeId", type: "int" },
      { name: "target", type: "PlanTarget" }, { name: "targetDate", type: "date" }, { name: "note", type: "text" },
      { name: "isDemo", type: "boolean" },
    ],
    entries.map((e) => e.row),
    { returning: "id" },
  );
  const items: unknown[][] = [];
  entries.forEach((e, i) => {
    const year = e.row[0] as number;
    for (const criterionId of e.unmet) {
      const month = rng.pick([6, 7, 8, 9, 10]);
      items.push([ids[i].id, criterionId, `${year}-${String(month).padStart(2, "0")}-${month === 6 || month === 9 ? 30 : 31}`]);
    }
  });
  await insertRows(sql, "RoadmapItem", [{ name: "planEntryId", type: "int" }, { name: "criterionId", type: "int" }, { name: "targetDate", type: "date" }], items);
  return { planEntries: ids.length, roadmapItems: items.length };
}

const ANSWER_LEVELS = ["VERY_SATISFIED", "SATISFIED", "NOT_SATISFIED", "NO_OPINION"] as const;
const QUESTION_KEYS = ["infrastructure", "livelihood", "environment", "security", "participation", "overall"] as const;

/**
 * Satisfaction surveys of one year for about half of the xã of the given provinces (pre-reform
 * ids), each with 12–60 responses. Device hashes are random hex (no device ever answered).
 */
export async function seedDemoSurveys(sql: Sql, opts: { provinceIds: number[]; year: number }): Promise<{ surveys: number; surveyResponses: number }> {
  const rng = createRandom(1822);
  const { rows: communes } = await sql.query<{ id: number }>(
    `SELECT id FROM "AdminUnit" WHERE "provinceId" = ANY($1) AND level = 'COMMUNE' AND type = 'XA'
        AND "validFrom" <= $2::date AND ("validTo" IS NULL OR "validTo" > $2::date) ORDER BY code`,
    [opts.provinceIds, isoDate(unitsDateForYear(opts.year))],
  );
  const chosen = communes.filter(() => rng.chance(0.5));
  const surveys = await insertRows<{ id: number }>(
    sql,
    "Survey",
    [{ name: "communeId", type: "int" }, { name: "year", type: "int" }, { name: "open", type: "boolean" }],
    chosen.map((c) => [c.id, opts.year, false]),
    { returning: "id" },
  );
  const responses: unknown[][] = [];
  const hex = () => Array.from({ length: 8 }, () => Math.floor(rng.next() * 0x100000000).toString(16).padStart(8, "0")).join("");
  for (const s of surveys) {
    const n = rng.int(12, 60);
    const mood = 0.6 + rng.next() * 0.35; // share of residents broadly satisfied
    for (let i = 0; i < n; i++) {
      const answers = Object.fromEntries(
        QUESTION_KEYS.map((k) => {
          const u = rng.next();
          return [k, u < mood * 0.35 ? ANSWER_LEVELS[0] : u < mood ? ANSWER_LEVELS[1] : u < mood + (1 - mood) * 0.8 ? ANSWER_LEVELS[2] : ANSWER_LEVELS[3]];
        }),
      );
      responses.push([s.id, hex(), answers, answers.overall === "VERY_SATISFIED" || answers.overall === "SATISFIED"]);
    }
  }
  await insertRows(
    sql,
    "SurveyResponse",
    [{ name: "surveyId", type: "int" }, { name: "deviceHash", type: "text" }, { name: "answers", type: "jsonb" }, { name: "satisfied", type: "boolean" }],
    responses,
  );
  return { surveys: surveys.length, surveyResponses: responses.length };
}
