// Criteria frameworks as data: phases, the commune sets of 2016–2020 (QĐ 1980), 2021–2025
// (QĐ 318) and 2026–2030 (QĐ 51/2025) with the criterion names of prisma/data/ntm_criteria.csv,
// and the SAMPLE indicator catalogues of prisma/data/indicators (isSample = true).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { CATALOGUE_2016_2020 } from "../data/indicators/2016-2020.ts";
import { CATALOGUE_2021_2025 } from "../data/indicators/2021-2025.ts";
import { CATALOGUE_2026_2030 } from "../data/indicators/2026-2030.ts";
import type { CriterionSpec, IndicatorSpec } from "../data/indicators/types.ts";
import type { GroupingScheme, NtmRegion, ThresholdRow } from "../../lib/criteria/rules.ts";
import { insertRows, type Sql } from "./sql.ts";

interface SetSpec {
  code: string;
  period: string;
  name: string;
  decision: string;
  decisionDate: string;
  scheme: GroupingScheme;
  catalogue: CriterionSpec[];
}

export const PHASES = [
  { code: "2016-2020", name: "Giai đoạn 2016–2020", startYear: 2016, endYear: 2020 },
  { code: "2021-2025", name: "Giai đoạn 2021–2025", startYear: 2021, endYear: 2025 },
  { code: "2026-2030", name: "Giai đoạn 2026–2030", startYear: 2026, endYear: 2030 },
];

const SETS: SetSpec[] = [
  { code: "XA_2016_2020", period: "2016-2020", name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020",
    decision: "1980/QĐ-TTg", decisionDate: "2016-10-17", scheme: "REGION_7", catalogue: CATALOGUE_2016_2020 },
  { code: "XA_2021_2025", period: "2021-2025", name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
    decision: "318/QĐ-TTg", decisionDate: "2022-03-08", scheme: "REGION_7", catalogue: CATALOGUE_2021_2025 },
  { code: "XA_2026_2030", period: "2026-2030", name: "Bộ tiêu chí quốc gia về nông thôn mới cấp xã giai đoạn 2026–2030",
    decision: "51/2025/QĐ-TTg", decisionDate: "2025-12-29", scheme: "COMMUNE_GROUP_3", catalogue: CATALOGUE_2026_2030 },
];

/** Key criteria of QĐ 18/2022 revocation (19-criteria sets): Thu nhập, Môi trường và ATTP, Quốc phòng và An ninh. */
const KEY_CRITERIA_19 = new Set(["Thu nhập", "Môi trường và an toàn thực phẩm", "Quốc phòng và An ninh"]);

const REGIONS: NtmRegion[] = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];

export interface SeededIndicator {
  id: number;
  code: string;
  kind: "NUMBER" | "PERCENT" | "BOOLEAN";
  comparison: "GTE" | "LTE" | "EQ";
  thresholds: ThresholdRow[];
}
export interface SeededCriterion {
  id: number;
  number: number;
  isKey: boolean;
  indicators: SeededIndicator[];
}
export interface SeededSet {
  id: number;
  code: string;
  scheme: GroupingScheme;
  criteria: SeededCriterion[];
}

type CsvRow = { period: string; decision: string; no: string; group_vi: string; name_vi: string; name_en: string; source: string };

function thresholdRows(spec: IndicatorSpec, scheme: GroupingScheme): ThresholdRow[] {
  if (spec.kind === "BOOLEAN") return [{ region: null, communeGroup: null, provinceId: null, value: null }];
  const rows: ThresholdRow[] = [];
  if (spec.general !== undefined) rows.push({ region: null, communeGroup: null, provinceId: null, value: spec.general });
  if (scheme === "REGION_7") {
    for (const r of REGIONS) {
      const v = spec.byRegion?.[r];
      if (v !== undefined) rows.push({ region: r, communeGroup: null, provinceId: null, value: v });
    }
  } else {
    for (const g of [1, 2, 3] as const) {
      const v = spec.byGroup?.[g];
      if (v !== undefined) rows.push({ region: null, communeGroup: g, provinceId: null, value: v });
    }
  }
  return rows;
}

export async function seedCriteria(sql: Sql): Promise<Map<string, SeededSet>> {
  const csv: CsvRow[] = parse(readFileSync(join(process.cwd(), "prisma/data/ntm_criteria.csv")), { columns: true, bom: true });
  const phaseIds = new Map<string, number>();
  for (const p of PHASES) {
    const r = await sql.query<{ id: number }>(
      `INSERT INTO "Phase" (code, name, "startYear", "endYear") VALUES ($1, $2, $3, $4) RETURNING id`,
      [p.code, p.name, p.startYear, p.endYear],
    );
    phaseIds.set(p.code, r.rows[0].id);
  }
  const result = new Map<string, SeededSet>();
  for (const s of SETS) {
    const setId = (
      await sql.query<{ id: number }>(
        `INSERT INTO "CriteriaSet" (code, "phaseId", level, name, decision, "decisionDate", "groupingScheme")
         VALUES ($1, $2, 'COMMUNE', $3, $4, $5, $6) RETURNING id`,
        [s.code, phaseIds.get(s.period), s.name, s.decision, s.decisionDate, s.scheme],
      )
    ).rows[0].id;
    const rows = csv.filter((r) => r.period === s.period);
    const groups: string[] = [];
    const criteria: SeededCriterion[] = [];
    for (const row of rows) {
      const number = Number(row.no);
      const spec = s.catalogue.find((c) => c.number === number);
      if (!spec) throw new Error(`No indicators for criterion ${number} of ${s.code}`);
      const groupName = row.group_vi || row.name_vi;
      if (!groups.includes(groupName)) groups.push(groupName);
      const isKey = rows.length === 19 && KEY_CRITERIA_19.has(row.name_vi);
      const criterionId = (
        await sql.query<{ id: number }>(
          `INSERT INTO "Criterion" ("setId", number, "groupName", "groupOrder", name, "nameEn", "responsibleDepartment", "isKey", source)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [setId, number, groupName, groups.indexOf(groupName) + 1, row.name_vi, row.name_en, spec.responsibleDepartment, isKey,
            `${row.decision}; ${row.source}`],
        )
      ).rows[0].id;
      const indicatorIds = await insertRows<{ id: number; code: string }>(
        sql,
        "Indicator",
        [
          { name: "criterionId", type: "int" },
          { name: "code", type: "text" },
          { name: "sortOrder", type: "int" },
          { name: "name", type: "text" },
          { name: "unit", type: "text" },
          { name: "kind", type: "IndicatorKind" },
          { name: "comparison", type: "Comparison" },
          { name: "isSample", type: "boolean" },
        ],
        spec.indicators.map((ind, i) => [criterionId, ind.code, i + 1, ind.name, ind.unit ?? null, ind.kind, ind.comparison, true]),
        { returning: "id, code" },
      );
      const idByCode = new Map(indicatorIds.map((r) => [r.code, r.id]));
      const indicators: SeededIndicator[] = spec.indicators.map((ind) => ({
        id: idByCode.get(ind.code)!,
        code: ind.code,
        kind: ind.kind,
        comparison: ind.comparison,
        thresholds: thresholdRows(ind, s.scheme),
      }));
      await insertRows(
        sql,
        "IndicatorThreshold",
        [
          { name: "indicatorId", type: "int" },
          { name: "region", type: "NtmRegion" },
          { name: "communeGroup", type: "int" },
          { name: "value", type: "numeric" },
          { name: "isSample", type: "boolean" },
          { name: "updatedAt", type: "timestamp" },
        ],
        indicators.flatMap((ind) => ind.thresholds.map((t) => [ind.id, t.region, t.communeGroup, t.value, true, new Date()])),
      );
      criteria.push({ id: criterionId, number, isKey, indicators });
    }
    result.set(s.code, { id: setId, code: s.code, scheme: s.scheme, criteria });
  }
  return result;
}
