// Criteria frameworks as data: phases, the commune sets of 2010–2015 (QĐ 491, recorded without
// its criteria), 2016–2020 (QĐ 1980), 2021–2025 (QĐ 318, with its 2024 amendment QĐ 211 recorded)
// and 2026–2030 (QĐ 51/2025) with their legal dates (lib/criteria/rules.ts COMMUNE_SET_TERMS) and
// the criterion names of prisma/data/ntm_criteria.csv; the indicator catalogues of
// prisma/data/indicators, SAMPLE (isSample = true) except where prisma/data/ntm_indicators_sourced.csv
// gives a threshold with its sources (isSample = false, source and confidence kept).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { CATALOGUE_2016_2020 } from "../data/indicators/2016-2020.ts";
import { CATALOGUE_2021_2025 } from "../data/indicators/2021-2025.ts";
import { CATALOGUE_2026_2030 } from "../data/indicators/2026-2030.ts";
import type { CriterionSpec, IndicatorSpec } from "../data/indicators/types.ts";
import { COMMUNE_SET_TERMS, reportYearsOf, type CommuneSetCode, type GroupingScheme, type NtmRegion, type ThresholdRow } from "../../lib/criteria/rules.ts";
import { parseSourcedCsv, sourcedNote, type SourceConfidence, type SourcedRow } from "../../lib/criteria/sourced-thresholds.ts";
import { insertRows, type Sql } from "./sql.ts";

interface SetSpec {
  code: CommuneSetCode;
  period: string;
  name: string;
  scheme: GroupingScheme;
  /** null: the portal holds no criteria of this set */
  catalogue: CriterionSpec[] | null;
  note: string | null;
}

export const PHASES = [
  { code: "2010-2015", name: "Giai đoạn 2010–2015", startYear: 2010, endYear: 2015 },
  { code: "2016-2020", name: "Giai đoạn 2016–2020", startYear: 2016, endYear: 2020 },
  { code: "2021-2025", name: "Giai đoạn 2021–2025", startYear: 2021, endYear: 2025 },
  { code: "2026-2030", name: "Giai đoạn 2026–2030", startYear: 2026, endYear: 2030 },
];

const SAMPLE_NOTE = "Chỉ tiêu và ngưỡng không có nguồn là dữ liệu mẫu, chưa đối chiếu phụ lục chính thức.";
const SETS: SetSpec[] = [
  // old recognition titles record the set they were granted under, so the set exists even
  // though no source here names its 19 criteria
  { code: "XA_2010_2015", period: "2010-2015", name: "Bộ tiêu chí quốc gia về nông thôn mới (giai đoạn 2010–2015)",
    scheme: "REGION_7", catalogue: null,
    note: "Bộ 19 tiêu chí. Cổng chưa có tên và chỉ tiêu của các tiêu chí (chưa có nguồn đã kiểm chứng), nên bộ này không có tiêu chí. Ngày hiệu lực ghi theo ngày ban hành, chưa đối chiếu văn bản." },
  { code: "XA_2016_2020", period: "2016-2020", name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020",
    scheme: "REGION_7", catalogue: CATALOGUE_2016_2020,
    note: `Ngày hiệu lực ghi theo ngày ban hành, chưa đối chiếu văn bản; hết hiệu lực khi QĐ 318/QĐ-TTg có hiệu lực (8/3/2022). ${SAMPLE_NOTE}` },
  { code: "XA_2021_2025", period: "2021-2025", name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
    scheme: "REGION_7", catalogue: CATALOGUE_2021_2025,
    note: `Được sửa đổi bởi QĐ 211/QĐ-TTg (1/3/2024); cổng chưa có các chỉ tiêu được sửa đổi, các năm 2024–2025 vẫn chấm theo chỉ tiêu của QĐ 318/QĐ-TTg. ${SAMPLE_NOTE}` },
  { code: "XA_2026_2030", period: "2026-2030", name: "Bộ tiêu chí quốc gia về nông thôn mới cấp xã giai đoạn 2026–2030",
    scheme: "COMMUNE_GROUP_3", catalogue: CATALOGUE_2026_2030,
    note: `47 chỉ tiêu của phụ lục chính thức chưa có trong cổng: chỉ tiêu và ngưỡng là dữ liệu mẫu. Nhóm xã theo số tiêu chí đạt là tạm tính.` },
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

interface SeedThreshold extends ThresholdRow {
  isSample: boolean;
  source: string | null;
  confidence: SourceConfidence | null;
  note: string | null;
}

const sample = (row: ThresholdRow): SeedThreshold => ({ ...row, isSample: true, source: null, confidence: null, note: null });

/** The sample thresholds of the catalogue, general first, then by region or commune group. */
function sampleThresholds(spec: IndicatorSpec, scheme: GroupingScheme): SeedThreshold[] {
  if (spec.kind === "BOOLEAN") return [sample({ region: null, communeGroup: null, provinceId: null, value: null })];
  const rows: SeedThreshold[] = [];
  if (spec.general !== undefined) rows.push(sample({ region: null, communeGroup: null, provinceId: null, value: spec.general }));
  if (scheme === "REGION_7") {
    for (const r of REGIONS) {
      const v = spec.byRegion?.[r];
      if (v !== undefined) rows.push(sample({ region: r, communeGroup: null, provinceId: null, value: v }));
    }
  } else {
    for (const g of [1, 2, 3] as const) {
      const v = spec.byGroup?.[g];
      if (v !== undefined) rows.push(sample({ region: null, communeGroup: g, provinceId: null, value: v }));
    }
  }
  return rows;
}

/**
 * The catalogue's thresholds with the sourced ones laid over them: a sourced row replaces the
 * sample row of its region (or the general one) or is added. A sourced row that does not fit the
 * indicator (yes/no against a number, ≥ against ≤) stops the seed: the catalogue must follow the file.
 */
export function thresholdsWithSources(spec: IndicatorSpec, scheme: GroupingScheme, sourced: readonly SourcedRow[]): SeedThreshold[] {
  const rows = sampleThresholds(spec, scheme);
  for (const s of sourced) {
    if (s.rule.yesNo !== (spec.kind === "BOOLEAN") || s.rule.comparison !== spec.comparison) {
      throw new Error(`ntm_indicators_sourced.csv, dòng ${s.line}: chỉ tiêu ${spec.code} là ${spec.kind} ${spec.comparison}, nguồn ghi "${s.thresholdText}".`);
    }
    const row: SeedThreshold = {
      region: s.region, communeGroup: null, provinceId: null, value: s.rule.value,
      isSample: false, source: s.sourceUrls.join(" ; "), confidence: s.confidence, note: sourcedNote(s),
    };
    const at = rows.findIndex((r) => r.region === s.region && r.communeGroup === null);
    if (at >= 0) rows[at] = row;
    else rows.push(row);
  }
  return rows;
}

export async function seedCriteria(sql: Sql): Promise<Map<string, SeededSet>> {
  const csv: CsvRow[] = parse(readFileSync(join(process.cwd(), "prisma/data/ntm_criteria.csv")), { columns: true, bom: true });
  const sourced = parseSourcedCsv(readFileSync(join(process.cwd(), "prisma/data/ntm_indicators_sourced.csv"), "utf8"));
  const applied = new Set<SourcedRow>();
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
    const term = COMMUNE_SET_TERMS.find((t) => t.code === s.code)!;
    const years = reportYearsOf(s.code);
    const setId = (
      await sql.query<{ id: number }>(
        `INSERT INTO "CriteriaSet" (code, "phaseId", level, name, decision, "decisionDate", "groupingScheme",
                                    "inForceFrom", "inForceTo", "firstReportYear", "lastReportYear", note)
         VALUES ($1, $2, 'COMMUNE', $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [s.code, phaseIds.get(s.period), s.name, term.decision, term.decisionDate, s.scheme,
          term.inForceFrom, term.inForceTo, years.first, years.last, s.note],
      )
    ).rows[0].id;
    for (const a of term.amendments) {
      await sql.query(
        `INSERT INTO "CriteriaSetAmendment" ("setId", decision, "decisionDate", "inForceFrom", summary, "indicatorsHeld") VALUES ($1, $2, $3, $4, $5, $6)`,
        [setId, a.decision, a.decisionDate, a.inForceFrom, a.summary, a.indicatorsHeld],
      );
    }
    if (!s.catalogue) {
      result.set(s.code, { id: setId, code: s.code, scheme: s.scheme, criteria: [] });
      continue;
    }
    const catalogue = s.catalogue;
    const rows = csv.filter((r) => r.period === s.period);
    const groups: string[] = [];
    const criteria: SeededCriterion[] = [];
    for (const row of rows) {
      const number = Number(row.no);
      const spec = catalogue.find((c) => c.number === number);
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
          { name: "source", type: "text" },
        ],
        spec.indicators.map((ind, i) => {
          const rows = sourced.filter((r) => r.setCode === s.code && r.indicatorCode === ind.code);
          const urls = [...new Set(rows.flatMap((r) => r.sourceUrls))];
          return [criterionId, ind.code, i + 1, ind.name, ind.unit ?? null, ind.kind, ind.comparison, urls.length === 0, urls.length ? urls.join(" ; ") : null];
        }),
        { returning: "id, code" },
      );
      const idByCode = new Map(indicatorIds.map((r) => [r.code, r.id]));
      const withSources = spec.indicators.map((ind) => {
        const rows = sourced.filter((r) => r.setCode === s.code && r.indicatorCode === ind.code);
        for (const r of rows) applied.add(r);
        return { ind, thresholds: thresholdsWithSources(ind, s.scheme, rows) };
      });
      const indicators: SeededIndicator[] = withSources.map(({ ind, thresholds }) => ({
        id: idByCode.get(ind.code)!,
        code: ind.code,
        kind: ind.kind,
        comparison: ind.comparison,
        thresholds: thresholds.map(({ region, communeGroup, provinceId, value }) => ({ region, communeGroup, provinceId, value })),
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
          { name: "source", type: "text" },
          { name: "confidence", type: "SourceConfidence" },
          { name: "note", type: "text" },
          { name: "updatedAt", type: "timestamp" },
        ],
        withSources.flatMap(({ ind, thresholds }) =>
          thresholds.map((t) => [idByCode.get(ind.code)!, t.region, t.communeGroup, t.value, t.isSample, t.source, t.confidence, t.note, new Date()]),
        ),
      );
      criteria.push({ id: criterionId, number, isKey, indicators });
    }
    result.set(s.code, { id: setId, code: s.code, scheme: s.scheme, criteria });
  }
  const unmatched = sourced.filter((r) => !applied.has(r));
  if (unmatched.length) {
    throw new Error(`ntm_indicators_sourced.csv: không có chỉ tiêu cho các dòng ${unmatched.map((r) => `${r.line} (${r.setCode} ${r.indicatorCode})`).join(", ")}.`);
  }
  return result;
}
