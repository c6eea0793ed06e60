// Loader of prisma/data/ntm_indicators_sourced.csv: indicator thresholds as public secondary
// sources state them, one row per set × indicator × region, with the source addresses and a
// confidence. Pure (no database): the seed applies the rows, the tests table-test the reading.
// Imported by the seed with relative paths, so no "@/" imports here.
import { parse } from "csv-parse/sync";
import type { Comparison, NtmRegion } from "./rules.ts";

export type SourcedComparator = ">=" | "<=" | "=" | "met";
export type SourceConfidence = "ONE_SOURCE" | "TWO_SOURCES";

export interface ParsedThreshold {
  comparator: SourcedComparator;
  /** null for a yes/no condition ("Đạt", "Không", or a condition written out) */
  value: number | null;
  /** "%", "triệu đồng/người"; null without a number */
  unit: string | null;
}

const COMPARATORS: readonly string[] = [">=", "<=", "=", "met"];
const SIGN: Record<string, string> = { ">=": "≥", "<=": "≤" };

/** "21,8" → 21.8; "1.500" → 1500 (vi-VN writing). */
function viNumber(text: string): number {
  const plain = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) ? text.replace(/\./g, "") : text;
  return Number(plain.replace(",", "."));
}

/**
 * Reads a threshold as the source writes it ("≥98%", "≤21,8%", "Đạt", "≥45 triệu đồng/người",
 * "100%", "Không") against the file's comparator, and refuses a text that contradicts it.
 */
export function parseSourcedThreshold(text: string, comparator: string): ParsedThreshold {
  const t = text.trim();
  if (!COMPARATORS.includes(comparator)) throw new Error(`Phép so sánh "${comparator}" không hợp lệ (>=, <=, =, met).`);
  // a condition to be met (yes/no): the text says what "Đạt" means, no number to compare
  if (comparator === "met") return { comparator: "met", value: null, unit: null };
  if (comparator === "=" && /^không$/i.test(t)) return { comparator: "=", value: null, unit: null };
  const m = /^([≥≤]?)\s*(\d+(?:[.,]\d+)*)\s*(.*)$/.exec(t);
  const unit = m?.[3].trim() ?? "";
  if (!m || (unit !== "%" && !/^\p{L}[\p{L}\p{M}\s/]*$/u.test(unit))) throw new Error(`Ngưỡng "${text}" không đọc được.`);
  const sign = m[1];
  if (comparator === "=") {
    // only "= 100%" occurs: a share that must be whole
    if (sign !== "" || unit !== "%" || viNumber(m[2]) !== 100) throw new Error(`Ngưỡng "${text}" không đọc được với phép so sánh "=".`);
  } else if (sign !== SIGN[comparator]) {
    throw new Error(`Ngưỡng "${text}" trái với phép so sánh "${comparator}".`);
  }
  const value = viNumber(m[2]);
  if (!Number.isFinite(value)) throw new Error(`Ngưỡng "${text}" không đọc được.`);
  return { comparator: comparator as SourcedComparator, value, unit: unit || null };
}

export interface PortalRule {
  /** scored as a yes/no indicator (kind BOOLEAN): must be "Đạt" */
  yesNo: boolean;
  comparison: Comparison;
  value: number | null;
}

/**
 * The portal's comparison for a sourced threshold: ≥ → GTE, ≤ → LTE (a ceiling, e.g. 15.3
 * child stunting), "met" and "= Không" → a yes/no indicator that must be "Đạt" (EQ), and
 * "= 100%" → GTE 100 (a share cannot pass 100%, and GTE keeps the distance "cơ bản đạt" needs).
 */
export function portalRuleOf(t: ParsedThreshold): PortalRule {
  if (t.comparator === "met" || (t.comparator === "=" && t.value === null)) return { yesNo: true, comparison: "EQ", value: null };
  if (t.comparator === "=") return { yesNo: false, comparison: "GTE", value: t.value };
  return { yesNo: false, comparison: t.comparator === ">=" ? "GTE" : "LTE", value: t.value };
}

export interface SourcedRow {
  /** line in the file (header = 1) */
  line: number;
  setCode: "XA_2016_2020" | "XA_2021_2025" | "XA_2026_2030";
  criterionNumber: number;
  /** the decisions' numbering ("5", "17.1") */
  indicatorNo: string;
  /** the portal's indicator code: "5" → "5.1"; parts of one indicator "17.1" → "17.1.1", "17.1.2" */
  indicatorCode: string;
  indicatorText: string;
  unit: string | null;
  /** null = the general level ("all") */
  region: NtmRegion | null;
  thresholdText: string;
  comparator: SourcedComparator;
  value: number | null;
  rule: PortalRule;
  /** the source wrote "tối thiểu" for a rate that can only be a ceiling; the comparator is inferred */
  directionInferred: boolean;
  confidence: SourceConfidence;
  sourceUrls: string[];
}

const SETS: Record<string, SourcedRow["setCode"]> = { "2016-2020": "XA_2016_2020", "2021-2025": "XA_2021_2025", "2026-2030": "XA_2026_2030" };
const REGIONS: readonly NtmRegion[] = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];
const CONFIDENCE: Record<string, SourceConfidence> = { "one-source": "ONE_SOURCE", "two-sources": "TWO_SOURCES" };

type Raw = Record<
  "set" | "criterion_no" | "criterion_name" | "indicator_no" | "indicator_text" | "unit" | "region_or_group" | "threshold" | "comparator" | "direction_inferred" | "confidence" | "source_url",
  string
>;

/** Every row of the file, checked; an error names the line ("dòng 7: …"). */
export function parseSourcedCsv(text: string): SourcedRow[] {
  const raws: Raw[] = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  // parts of one indicator (same set and number, different texts), in order of first appearance
  const parts = new Map<string, string[]>();
  for (const r of raws) {
    const key = `${r.set}|${r.indicator_no}`;
    const list = parts.get(key) ?? [];
    if (!list.includes(r.indicator_text)) list.push(r.indicator_text);
    parts.set(key, list);
  }
  const seen = new Set<string>();
  return raws.map((r, i) => {
    const line = i + 2;
    const fail = (message: string): never => {
      throw new Error(`ntm_indicators_sourced.csv, dòng ${line}: ${message}`);
    };
    const setCode = SETS[r.set] ?? fail(`bộ tiêu chí "${r.set}" không có trong cổng.`);
    const criterionNumber = Number(r.criterion_no);
    if (!Number.isInteger(criterionNumber) || criterionNumber < 1) fail(`số tiêu chí "${r.criterion_no}" không hợp lệ.`);
    if (!/^\d+(\.\d+)?$/.test(r.indicator_no) || Number(r.indicator_no.split(".")[0]) !== criterionNumber) {
      fail(`chỉ tiêu "${r.indicator_no}" không thuộc tiêu chí ${r.criterion_no}.`);
    }
    const region = r.region_or_group === "all" ? null : REGIONS.includes(r.region_or_group as NtmRegion) ? (r.region_or_group as NtmRegion) : fail(`vùng "${r.region_or_group}" không phải một trong 7 vùng.`);
    const confidence = CONFIDENCE[r.confidence] ?? fail(`độ tin cậy "${r.confidence}" không hợp lệ (one-source, two-sources).`);
    const sourceUrls = r.source_url.split(";").map((u) => u.trim()).filter(Boolean);
    if (sourceUrls.length === 0 || sourceUrls.some((u) => !/^https?:\/\/\S+$/.test(u))) fail("thiếu nguồn, hoặc nguồn không phải địa chỉ http(s).");
    let parsed: ParsedThreshold;
    try {
      parsed = parseSourcedThreshold(r.threshold, r.comparator);
    } catch (err) {
      return fail((err as Error).message);
    }
    const base = r.indicator_no.includes(".") ? r.indicator_no : `${r.indicator_no}.1`;
    const siblings = parts.get(`${r.set}|${r.indicator_no}`)!;
    const indicatorCode = siblings.length > 1 ? `${base}.${siblings.indexOf(r.indicator_text) + 1}` : base;
    const key = `${setCode}|${indicatorCode}|${region ?? "all"}`;
    if (seen.has(key)) fail(`trùng bộ tiêu chí, chỉ tiêu ${indicatorCode} và vùng ${r.region_or_group}.`);
    seen.add(key);
    return {
      line,
      setCode,
      criterionNumber,
      indicatorNo: r.indicator_no,
      indicatorCode,
      indicatorText: r.indicator_text,
      unit: r.unit || null,
      region,
      thresholdText: r.threshold,
      comparator: parsed.comparator,
      value: parsed.value,
      rule: portalRuleOf(parsed),
      directionInferred: r.direction_inferred === "yes",
      confidence,
      sourceUrls,
    };
  });
}

/** The note kept with a sourced threshold: the source's own wording, and an inferred direction said so. */
export function sourcedNote(row: SourcedRow): string {
  const inferred = row.directionInferred ? " Nguồn ghi “tối thiểu”; đây là tỷ lệ chỉ có thể là mức trần nên chiều so sánh ≤ là suy ra." : "";
  return `Nguồn ghi: ${row.thresholdText}.${inferred}`;
}
