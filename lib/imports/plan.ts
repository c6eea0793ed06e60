// The pure heart of an import: from the rows of a sheet, the criteria catalogue of the year, the
// communes the codes name and what is stored today, decide cell by cell what would change, and
// find every problem. No database here (tests/unit/import-plan.test.ts); lib/imports/service.ts
// loads the inputs and applies the plan.
//
// Rules: a blank cell changes nothing (a partial sheet never erases values); a value equal to the
// stored one is "unchanged"; a locked dossier (submitted or beyond) is listed, never written; a
// criterion status column, when filled, must agree with the status its indicators give (manual
// statuses need a written reason and are entered on the commune's screen).
import { createHash } from "node:crypto";
import { checkIndicatorNumber } from "@/lib/assessments/values";
import { REPORT_LABELS, isEditable, type WorkflowStatus } from "@/lib/assessments/workflow";
import {
  communeResult,
  criterionStatus,
  effectiveStatus,
  isIndicatorMet,
  relativeGap,
  resolveThreshold,
  type Comparison,
  type CriterionStatus,
  type GroupingScheme,
  type IndicatorKind,
  type NtmRegion,
  type ThresholdRow,
} from "@/lib/criteria/rules";
import { formatNumber } from "@/lib/format";
import { cellText, fold, type Column, type Layout } from "./layout";
import { addProblem, MAX_LISTED_CHANGES, type ImportReport } from "./report";
import { columnLetter, type CellValue } from "./sheet";

export interface CatalogueIndicator {
  id: number;
  code: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  comparison: Comparison;
  thresholds: ThresholdRow[];
}

export interface CatalogueCriterion {
  id: number;
  number: number;
  name: string;
  indicators: CatalogueIndicator[];
}

export interface Catalogue {
  setId: number;
  scheme: GroupingScheme;
  criteria: CatalogueCriterion[];
}

export interface CommuneRef {
  id: number;
  code: string;
  name: string;
  isXa: boolean;
  provinceId: number | null;
  region: NtmRegion | null;
  communeGroup: number | null;
  inScope: boolean;
}

export type StoredValue = number | boolean | null;

export interface StoredResult {
  status: CriterionStatus;
  overrideStatus: CriterionStatus | null;
  overrideReason: string | null;
}

export interface StoredAssessment {
  id: number;
  status: WorkflowStatus;
  values: Map<number, StoredValue>;
  results: Map<number, StoredResult>;
}

export interface PlannedWrite {
  communeId: number;
  row: number;
  /** null when the dossier does not exist yet */
  assessmentId: number | null;
  values: { indicatorId: number; value: StoredValue; met: boolean | null }[];
  criteria: { criterionId: number; computedStatus: CriterionStatus; status: CriterionStatus }[];
  totals: { criteriaMet: number; reachedStandard: boolean; metMask: number };
  /** changed cells, by column header, for the audit log */
  before: Record<string, StoredValue>;
  after: Record<string, StoredValue>;
}

export interface ImportPlan {
  writes: PlannedWrite[];
  fingerprint: string;
}

export interface PlanInput {
  layout: Layout;
  year: number;
  catalogue: Catalogue;
  /** communes valid in the year, by official code */
  communes: Map<string, CommuneRef>;
  /** stored dossiers of the year, by commune id */
  stored: Map<number, StoredAssessment>;
}

/** The commune code as written: Excel drops leading zeros of a number ("5923" → "05923"). */
export function normaliseCode(v: CellValue): string {
  const text = typeof v === "number" && Number.isInteger(v) ? String(v) : cellText(v);
  return /^\d{1,5}$/.test(text) ? text.padStart(5, "0") : text;
}

const YES = new Set(["dat", "co", "x", "true", "1"]);
const NO = new Set(["khong dat", "chua dat", "khong", "false", "0"]);
const STATUS_WORDS: Record<string, CriterionStatus> = { dat: "MET", "co ban dat": "BASIC", "chua dat": "NOT_MET", "khong dat": "NOT_MET" };
export const STATUS_TEXT: Record<CriterionStatus, string> = { MET: "Đạt", BASIC: "Cơ bản đạt", NOT_MET: "Chưa đạt" };

/** One cell of an indicator column: the value to store, or the reason it cannot be read. */
export function readIndicatorCell(ind: { kind: IndicatorKind }, v: CellValue): { value: StoredValue; error?: string } {
  if (v === null || cellText(v) === "") return { value: null };
  if (ind.kind === "BOOLEAN") {
    const word = typeof v === "boolean" ? String(v) : fold(String(v));
    if (YES.has(word)) return { value: true };
    if (NO.has(word)) return { value: false };
    return { value: null, error: `"${cellText(v)}" không hợp lệ: chỉ tiêu này nhận "Đạt" hoặc "Không đạt".` };
  }
  let n: number;
  if (typeof v === "number") n = v;
  else {
    const s = String(v).trim().replace(/\s/g, "").replace(/%$/, "");
    // decimal comma or point; a dot followed by exactly three digits is read as thousands
    if (!/^-?\d+([.,]\d+)?$/.test(s) && !/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
      return { value: null, error: `"${cellText(v)}" không phải là số (ví dụ 85,5).` };
    }
    n = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? Number(s.replace(/\./g, "").replace(",", ".")) : Number(s.replace(",", "."));
  }
  const checked = checkIndicatorNumber(ind, n);
  return checked.error ? { value: null, error: `${showValue(n)}: ${checked.error}` } : { value: checked.value };
}

export function showValue(v: StoredValue | undefined): string {
  if (v === null || v === undefined) return "(trống)";
  if (typeof v === "boolean") return v ? "Đạt" : "Không đạt";
  return formatNumber(v, Number.isInteger(v) ? 0 : 2);
}

const same = (a: StoredValue | undefined, b: StoredValue) =>
  typeof a === "number" && typeof b === "number" ? Math.round(a * 100) === Math.round(b * 100) : (a ?? null) === b;

/** The year of the file: every data row must carry the same one. */
export function fileYear(layout: Layout, report: ImportReport): number | null {
  const col = layout.columns.find((c) => c.kind === "year");
  if (!col) return null;
  const years = new Map<number, number>();
  let ok = true;
  for (const r of layout.dataRows) {
    const v = r.cells[col.index];
    const y = typeof v === "number" ? v : Number(cellText(v));
    if (!Number.isInteger(y) || y < 2016 || y > 2030) {
      addProblem(report, { row: r.number, column: columnLetter(col.index + 1), header: col.header, message: `Năm "${cellText(v)}" không hợp lệ (từ 2016 đến 2030).` });
      ok = false;
    } else if (!years.has(y)) years.set(y, r.number);
  }
  if (years.size > 1) {
    addProblem(report, { message: `Tệp có số liệu của nhiều năm (${[...years.keys()].join(", ")}). Mỗi tệp chỉ nhập một năm.` });
    return null;
  }
  if (layout.dataRows.length === 0) {
    addProblem(report, { message: "Tệp không có dòng số liệu nào dưới dòng tiêu đề." });
    return null;
  }
  return ok ? [...years.keys()][0] : null;
}

/** Plans the import; fills the report's counts, changes, locked rows and problems. */
export function planImport(input: PlanInput, report: ImportReport): ImportPlan {
  const { layout, catalogue } = input;
  const byCode = new Map<string, { ind: CatalogueIndicator; criterion: CatalogueCriterion }>();
  for (const c of catalogue.criteria) for (const ind of c.indicators) byCode.set(ind.code, { ind, criterion: c });
  const criteriaByNumber = new Map(catalogue.criteria.map((c) => [c.number, c]));

  // columns must belong to the year's criteria set
  const indicatorColumns: { col: Column & { kind: "indicator" }; ind: CatalogueIndicator; criterion: CatalogueCriterion }[] = [];
  const criterionColumns: { col: Column & { kind: "criterion" }; criterion: CatalogueCriterion }[] = [];
  for (const col of layout.columns) {
    if (col.kind === "indicator") {
      const found = byCode.get(col.code);
      if (found) indicatorColumns.push({ col, ...found });
      else addProblem(report, { row: layout.headerRow, column: columnLetter(col.index + 1), header: col.header, message: `Chỉ tiêu ${col.code} không có trong bộ tiêu chí của năm ${input.year}.` });
    } else if (col.kind === "criterion") {
      const criterion = criteriaByNumber.get(col.number);
      if (criterion) criterionColumns.push({ col, criterion });
      else addProblem(report, { row: layout.headerRow, column: columnLetter(col.index + 1), header: col.header, message: `Tiêu chí ${col.number} không có trong bộ tiêu chí của năm ${input.year}.` });
    }
  }
  const codeCol = layout.columns.find((c) => c.kind === "code")!;
  const nameCol = layout.columns.find((c) => c.kind === "name")!;

  const writes: PlannedWrite[] = [];
  const seenRows = new Map<string, number>();
  for (const row of layout.dataRows) {
    report.rows++;
    const at = (col: Column, message: string) => addProblem(report, { row: row.number, column: columnLetter(col.index + 1), header: col.header, message });
    const code = normaliseCode(row.cells[codeCol.index] ?? null);
    const name = cellText(row.cells[nameCol.index]);
    if (!code) {
      at(codeCol, "Thiếu mã xã.");
      continue;
    }
    if (seenRows.has(code)) {
      at(codeCol, `Mã xã ${code} trùng với dòng ${seenRows.get(code)}: mỗi xã chỉ một dòng.`);
      continue;
    }
    seenRows.set(code, row.number);
    const commune = input.communes.get(code);
    if (!commune) {
      at(codeCol, `Không có xã mã ${code} trong danh mục đơn vị hành chính của năm ${input.year}.`);
      continue;
    }
    if (!commune.isXa) {
      at(codeCol, `${commune.name} (${code}) không phải là xã: Bộ tiêu chí xã nông thôn mới chỉ áp dụng cho xã.`);
      continue;
    }
    if (name && fold(stripPrefix(name)) !== fold(stripPrefix(commune.name))) {
      at(nameCol, `Mã ${code} là ${commune.name}, không phải "${name}". Hãy kiểm tra lại mã hoặc tên xã.`);
      continue;
    }
    if (!commune.inScope) {
      at(codeCol, `${commune.name} (${code}) nằm ngoài phạm vi quản lý của bạn.`);
      continue;
    }

    const stored = input.stored.get(commune.id);
    const ctx = { region: commune.region, communeGroup: commune.communeGroup, provinceId: commune.provinceId };
    const merged = new Map<number, StoredValue>(stored?.values ?? []);
    const changedValues: PlannedWrite["values"] = [];
    const before: Record<string, StoredValue> = {};
    const after: Record<string, StoredValue> = {};
    let rowOk = true;
    let cellsNew = 0;
    let cellsChanged = 0;
    let cellsSame = 0;
    const rowChanges: { column: string; before: StoredValue; after: StoredValue }[] = [];
    for (const { col, ind } of indicatorColumns) {
      const read = readIndicatorCell(ind, row.cells[col.index] ?? null);
      if (read.error) {
        at(col, read.error);
        rowOk = false;
        continue;
      }
      if (read.value === null) continue; // blank: no change
      const old = stored?.values.get(ind.id);
      if (same(old, read.value)) {
        cellsSame++;
        continue;
      }
      if (old === undefined || old === null) cellsNew++;
      else cellsChanged++;
      merged.set(ind.id, read.value);
      before[col.header] = old ?? null;
      after[col.header] = read.value;
      rowChanges.push({ column: col.header, before: old ?? null, after: read.value });
      changedValues.push({ indicatorId: ind.id, value: read.value, met: null });
    }

    // criteria whose indicators changed are recomputed; status columns are checked against them
    const touched = new Set(changedValues.map((v) => byIdCriterion(catalogue, v.indicatorId)));
    const outcomes = new Map<number, { computed: CriterionStatus; status: CriterionStatus }>();
    const evaluate = (criterion: CatalogueCriterion) => {
      const cached = outcomes.get(criterion.id);
      if (cached) return cached;
      const evaluated = criterion.indicators.map((ind) => {
        const threshold = resolveThreshold(ind.thresholds, ctx, catalogue.scheme)?.value ?? null;
        const value = merged.get(ind.id) ?? null;
        return { ind, met: isIndicatorMet(ind, threshold, value), gap: relativeGap(ind, threshold, value) };
      });
      for (const v of changedValues) {
        const e = evaluated.find((x) => x.ind.id === v.indicatorId);
        if (e) v.met = e.met;
      }
      const computed = criterionStatus(evaluated);
      const storedResult = stored?.results.get(criterion.id);
      const status = effectiveStatus(computed, storedResult ? { status: storedResult.overrideStatus, reason: storedResult.overrideReason } : null);
      const outcome = { computed, status };
      outcomes.set(criterion.id, outcome);
      return outcome;
    };
    for (const c of catalogue.criteria) if (touched.has(c.id)) evaluate(c);
    for (const { col, criterion } of criterionColumns) {
      const raw = row.cells[col.index] ?? null;
      if (cellText(raw) === "") continue;
      const given = STATUS_WORDS[fold(cellText(raw))];
      if (!given) {
        at(col, `"${cellText(raw)}" không hợp lệ: tình trạng tiêu chí là "Đạt", "Cơ bản đạt" hoặc "Chưa đạt".`);
        rowOk = false;
        continue;
      }
      // against what the portal will hold: recomputed when the row changes the criterion's
      // indicators, otherwise the stored status (thresholds edited since do not fail a round trip)
      const status = touched.has(criterion.id) ? evaluate(criterion).status : (stored?.results.get(criterion.id)?.status ?? evaluate(criterion).status);
      if (given !== status) {
        at(
          col,
          `Tiêu chí ${criterion.number} ghi "${STATUS_TEXT[given]}" nhưng theo các chỉ tiêu là "${STATUS_TEXT[status]}". Hãy sửa giá trị chỉ tiêu hoặc để trống ô này (kết quả khác với kết quả tính được nhập trên màn hình của xã, kèm lý do).`,
        );
        rowOk = false;
      }
    }
    if (!rowOk) continue;

    if (changedValues.length === 0) {
      report.cells.unchanged += cellsSame;
      report.assessments.unchanged++;
      continue;
    }
    if (stored && !isEditable(stored.status)) {
      report.cells.unchanged += cellsSame;
      report.assessments.locked++;
      report.locked.push({ row: row.number, communeCode: code, communeName: commune.name, status: REPORT_LABELS[stored.status] });
      continue;
    }
    report.cells.new += cellsNew;
    report.cells.changed += cellsChanged;
    report.cells.unchanged += cellsSame;
    if (stored) report.assessments.changed++;
    else report.assessments.created++;
    for (const ch of rowChanges) {
      if (report.changes.length >= MAX_LISTED_CHANGES) break;
      report.changes.push({ row: row.number, communeCode: code, communeName: commune.name, column: ch.column, before: showValue(ch.before), after: showValue(ch.after) });
    }

    // totals over every criterion: stored statuses, replaced by the recomputed ones
    const statuses = catalogue.criteria.map((c) => outcomes.get(c.id)?.status ?? stored?.results.get(c.id)?.status ?? "NOT_MET");
    const result = communeResult(statuses, catalogue.criteria.length);
    const metMask = catalogue.criteria.reduce((mask, c, i) => (statuses[i] === "MET" ? mask | (1 << (c.number - 1)) : mask), 0);
    writes.push({
      communeId: commune.id,
      row: row.number,
      assessmentId: stored?.id ?? null,
      values: changedValues,
      criteria: [...outcomes.entries()].filter(([id]) => touched.has(id)).map(([criterionId, o]) => ({ criterionId, computedStatus: o.computed, status: o.status })),
      totals: { criteriaMet: result.criteriaMet, reachedStandard: result.reachedStandard, metMask },
      before,
      after,
    });
  }

  const fingerprint = createHash("sha256")
    // the stored values are part of it: a save made after the dry run changes the fingerprint
    .update(JSON.stringify(writes.map((w) => [w.communeId, w.assessmentId, w.values.map((v) => [v.indicatorId, v.value]), w.before])))
    .digest("hex")
    .slice(0, 32);
  report.fingerprint = fingerprint;
  return { writes, fingerprint };
}

function byIdCriterion(catalogue: Catalogue, indicatorId: number): number {
  for (const c of catalogue.criteria) if (c.indicators.some((i) => i.id === indicatorId)) return c.id;
  return -1;
}

/** "Xã Tân Thành" and "Tân Thành" name the same commune. */
function stripPrefix(name: string): string {
  return name.replace(/^\s*(xã|phường|thị trấn|đặc khu)\s+/i, "");
}
