// Bulk history from the offices' spreadsheets, beside the import of indicator values: the
// recognition decisions of past years (with their revocations), the confirmed annual reports of
// past years as criterion statuses ("Đạt" / "Cơ bản đạt" / "Chưa đạt", as the offices kept them),
// and a province's programme commune list for a phase. The same rules as the assessment import:
// a dry run first, every problem by row and column in Vietnamese, all or nothing in one
// transaction, every change audited.
import { actorId, hasPermission, isUnitInScope, systemActorMark, type Viewer } from "@/lib/authz";
import { reportPermission } from "@/lib/assessments/workflow";
import { communeResult, communeSetCodeForYear, type CriterionStatus } from "@/lib/criteria/rules";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDate, parseVietnameseDate, todayInVietnam } from "@/lib/format";
import { FIRST_ASSESSMENT_YEAR, unitsDateForYear } from "@/lib/units/rules";
import { cellText, fold } from "./layout";
import { addProblem, problemCount, type ImportReport } from "./report";
import { columnLetter, type Sheet, type SheetRow } from "./sheet";

export type HistoryKind = "titles" | "reports" | "programme";

export const HISTORY_HEADERS = {
  code: "Mã xã",
  name: "Tên xã",
  level: "Danh hiệu",
  set: "Bộ tiêu chí",
  decisionNumber: "Số quyết định",
  decisionDate: "Ngày quyết định",
  signer: "Người ký",
  revocationNumber: "Số quyết định thu hồi",
  revocationDate: "Ngày thu hồi",
  revocationReason: "Lý do thu hồi",
  year: "Năm",
  confirmedAt: "Ngày xác nhận",
  phase: "Giai đoạn",
  basis: "Căn cứ",
} as const;
type Key = keyof typeof HISTORY_HEADERS;

/** Which history a sheet holds, by its header row (null: not one of these). */
export function historyKindOf(headers: string[]): HistoryKind | null {
  const h = new Set(headers.map(fold));
  if (!h.has(fold(HISTORY_HEADERS.code))) return null;
  if (h.has(fold(HISTORY_HEADERS.decisionNumber))) return "titles";
  if (h.has(fold(HISTORY_HEADERS.confirmedAt))) return "reports";
  if (h.has(fold(HISTORY_HEADERS.basis)) && h.has(fold(HISTORY_HEADERS.phase))) return "programme";
  return null;
}

const LEVELS: Record<string, "NTM" | "ADVANCED" | "MODEL"> = {
  [fold("NTM")]: "NTM",
  [fold("Đạt chuẩn NTM")]: "NTM",
  [fold("Xã đạt chuẩn nông thôn mới")]: "NTM",
  [fold("NTM nâng cao")]: "ADVANCED",
  [fold("Nâng cao")]: "ADVANCED",
  [fold("Xã đạt chuẩn nông thôn mới nâng cao")]: "ADVANCED",
  [fold("NTM kiểu mẫu")]: "MODEL",
  [fold("Kiểu mẫu")]: "MODEL",
  [fold("Xã nông thôn mới kiểu mẫu")]: "MODEL",
};
/** The set a title was granted under, as offices write it; empty: the set in force on the decision date. */
const SETS: Record<string, string> = {
  [fold("491/2009")]: "XA_2010_2015",
  [fold("491/QĐ-TTg")]: "XA_2010_2015",
  [fold("2010-2015")]: "XA_2010_2015",
  [fold("1980/2016")]: "XA_2016_2020",
  [fold("1980/QĐ-TTg")]: "XA_2016_2020",
  [fold("2016-2020")]: "XA_2016_2020",
  [fold("318/2022")]: "XA_2021_2025",
  [fold("318/QĐ-TTg")]: "XA_2021_2025",
  [fold("2021-2025")]: "XA_2021_2025",
  [fold("51/2025")]: "XA_2026_2030",
  [fold("51/2025/QĐ-TTg")]: "XA_2026_2030",
  [fold("2026-2030")]: "XA_2026_2030",
};
const STATUSES: Record<string, CriterionStatus> = { [fold("Đạt")]: "MET", [fold("Cơ bản đạt")]: "BASIC", [fold("Chưa đạt")]: "NOT_MET", [fold("Không đạt")]: "NOT_MET" };

/** A date as offices type it (26/6/2020) or as Excel stores it (2020-06-26). */
export function parseSheetDate(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) {
    const d = new Date(`${text.trim()}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text.trim() ? null : d;
  }
  return parseVietnameseDate(text);
}

interface Columns {
  headerRow: number;
  at: Partial<Record<Key, number>>;
  /** "TC n" → column index */
  criteria: Map<number, number>;
  rows: SheetRow[];
}

function columns(sheet: Sheet, report: ImportReport): Columns | null {
  const header = sheet.rows.slice(0, 30).find((r) => fold(cellText(r.cells[0])) === fold(HISTORY_HEADERS.code));
  if (!header) return null;
  const at: Partial<Record<Key, number>> = {};
  const criteria = new Map<number, number>();
  header.cells.forEach((c, i) => {
    const f = fold(cellText(c));
    const key = (Object.keys(HISTORY_HEADERS) as Key[]).find((k) => fold(HISTORY_HEADERS[k]) === f);
    if (key) {
      if (at[key] !== undefined) addProblem(report, { row: header.number, column: columnLetter(i + 1), message: `Cột "${HISTORY_HEADERS[key]}" xuất hiện hai lần.` });
      at[key] = i;
      return;
    }
    const tc = /^tc (\d{1,2})$/.exec(f);
    if (tc) criteria.set(Number(tc[1]), i);
  });
  const rows = sheet.rows.filter((r) => r.number > header.number && r.cells.some((c) => cellText(c) !== ""));
  report.rows = rows.length;
  return { headerRow: header.number, at, criteria, rows };
}

function need(cols: Columns, report: ImportReport, keys: Key[]): boolean {
  const missing = keys.filter((k) => cols.at[k] === undefined);
  for (const k of missing) addProblem(report, { row: cols.headerRow, message: `Thiếu cột "${HISTORY_HEADERS[k]}".` });
  return missing.length === 0;
}

const cell = (row: SheetRow, cols: Columns, key: Key) => (cols.at[key] === undefined ? "" : cellText(row.cells[cols.at[key]!]));
const problemAt = (report: ImportReport, row: SheetRow, cols: Columns, key: Key, message: string) =>
  addProblem(report, { row: row.number, column: cols.at[key] === undefined ? undefined : columnLetter(cols.at[key]! + 1), header: HISTORY_HEADERS[key], message });

interface UnitRow {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  validFrom: Date;
  validTo: Date | null;
  provinceId: number | null;
  districtId: number | null;
}

/** Communes with these codes in every period (codes were reused: the period decides). */
async function communesByCode(codes: string[]): Promise<Map<string, UnitRow[]>> {
  const rows = await db.adminUnit.findMany({
    where: { level: "COMMUNE", code: { in: codes } },
    orderBy: { validFrom: "asc" },
    select: { id: true, code: true, name: true, fullName: true, type: true, validFrom: true, validTo: true, provinceId: true, districtId: true },
  });
  const by = new Map<string, UnitRow[]>();
  for (const r of rows) by.set(r.code, [...(by.get(r.code) ?? []), r]);
  return by;
}

/** The commune with this code standing on a day; before the unit data begins (8/2015), its earliest record. */
function communeOn(units: UnitRow[] | undefined, day: Date): UnitRow | null {
  if (!units?.length) return null;
  const on = units.find((u) => u.validFrom <= day && (u.validTo === null || u.validTo > day));
  return on ?? (day < units[0].validFrom ? units[0] : null);
}

const sameName = (typed: string, unit: UnitRow) => fold(typed) === fold(unit.name) || fold(typed) === fold(unit.fullName);

function checkCommune(report: ImportReport, row: SheetRow, cols: Columns, viewer: Viewer, units: Map<string, UnitRow[]>, day: Date, permission: Parameters<typeof hasPermission>[1] | ((u: UnitRow) => Parameters<typeof hasPermission>[1])): UnitRow | null {
  const code = cell(row, cols, "code").padStart(5, "0");
  const unit = communeOn(units.get(code), day);
  if (!unit) {
    problemAt(report, row, cols, "code", `Không có xã mã ${code} vào ngày ${formatDate(day)}.`);
    return null;
  }
  if (!sameName(cell(row, cols, "name"), unit)) {
    problemAt(report, row, cols, "name", `Tên "${cell(row, cols, "name")}" không khớp với ${unit.fullName} (mã ${code}).`);
    return null;
  }
  if (unit.type !== "XA") {
    problemAt(report, row, cols, "code", `${unit.fullName} không phải là xã: không áp dụng tiêu chí xã nông thôn mới.`);
    return null;
  }
  const perm = typeof permission === "function" ? permission(unit) : permission;
  if (!hasPermission(viewer.role, perm) || !isUnitInScope(viewer, unit)) {
    problemAt(report, row, cols, "code", `${unit.fullName} nằm ngoài phạm vi hoặc quyền của bạn.`);
    return null;
  }
  return unit;
}

// ───────────── recognition decisions ─────────────

interface TitleRow {
  row: number;
  unit: UnitRow;
  level: "NTM" | "ADVANCED" | "MODEL";
  setCode: string;
  decisionNumber: string;
  decisionDate: Date;
  signer: string;
  revocation: { number: string; date: Date; reason: string } | null;
}

function setOfDate(d: Date): string {
  const y = d.getUTCFullYear();
  return y <= 2015 ? "XA_2010_2015" : communeSetCodeForYear(y);
}

async function planTitles(viewer: Viewer, cols: Columns, report: ImportReport, today: Date): Promise<TitleRow[]> {
  if (!need(cols, report, ["code", "name", "level", "decisionNumber", "decisionDate", "signer"])) return [];
  const units = await communesByCode([...new Set(cols.rows.map((r) => cell(r, cols, "code").padStart(5, "0")))]);
  const out: TitleRow[] = [];
  const seen = new Map<string, number>();
  for (const row of cols.rows) {
    const level = LEVELS[fold(cell(row, cols, "level"))];
    if (!level) problemAt(report, row, cols, "level", `Danh hiệu "${cell(row, cols, "level")}" không rõ: ghi NTM, NTM nâng cao hoặc NTM kiểu mẫu.`);
    const number = cell(row, cols, "decisionNumber");
    if (number.length < 3) problemAt(report, row, cols, "decisionNumber", "Ghi số quyết định công nhận (ví dụ 1234/QĐ-UBND).");
    const date = parseSheetDate(cell(row, cols, "decisionDate"));
    if (!date) problemAt(report, row, cols, "decisionDate", `Ngày "${cell(row, cols, "decisionDate")}" không hợp lệ (dd/mm/yyyy).`);
    else if (date > today) problemAt(report, row, cols, "decisionDate", "Ngày quyết định không được sau ngày hôm nay.");
    else if (date.getUTCFullYear() < 2010) problemAt(report, row, cols, "decisionDate", "Chương trình nông thôn mới bắt đầu năm 2010: ngày quyết định không thể trước đó.");
    const signer = cell(row, cols, "signer");
    if (signer.length < 2) problemAt(report, row, cols, "signer", "Ghi người ký quyết định.");
    const setText = cell(row, cols, "set");
    const setCode = setText ? SETS[fold(setText)] : date ? setOfDate(date) : undefined;
    if (setText && !setCode) problemAt(report, row, cols, "set", `Bộ tiêu chí "${setText}" không rõ: ghi 491/2009, 1980/2016, 318/2022 hoặc 51/2025.`);
    const [rn, rd, rr] = [cell(row, cols, "revocationNumber"), cell(row, cols, "revocationDate"), cell(row, cols, "revocationReason")];
    let revocation: TitleRow["revocation"] = null;
    if (rn || rd || rr) {
      const revDate = parseSheetDate(rd);
      if (!rn || !revDate || !rr) problemAt(report, row, cols, rn ? (revDate ? "revocationReason" : "revocationDate") : "revocationNumber", "Thu hồi cần đủ số quyết định, ngày thu hồi (dd/mm/yyyy) và lý do.");
      else if (revDate > today) problemAt(report, row, cols, "revocationDate", "Ngày thu hồi không được sau ngày hôm nay.");
      else if (date && revDate < date) problemAt(report, row, cols, "revocationDate", "Ngày thu hồi không được trước ngày quyết định công nhận.");
      else revocation = { number: rn, date: revDate, reason: rr };
    }
    if (!date) continue;
    const unit = checkCommune(report, row, cols, viewer, units, date, "recognition.decide");
    if (!unit || !level || !setCode || number.length < 3 || signer.length < 2) continue;
    const key = `${unit.id}:${fold(number)}`;
    if (seen.has(key)) {
      problemAt(report, row, cols, "decisionNumber", `Trùng với dòng ${seen.get(key)}: cùng xã, cùng số quyết định.`);
      continue;
    }
    seen.set(key, row.number);
    out.push({ row: row.number, unit, level, setCode, decisionNumber: number, decisionDate: date, signer, revocation });
  }
  return out;
}

async function writeTitles(tx: Tx, viewer: Viewer, plan: TitleRow[], report: ImportReport, write: boolean) {
  const sets = new Map((await tx.criteriaSet.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
  const existing = await tx.recognition.findMany({ where: { unitId: { in: plan.map((p) => p.unit.id) } } });
  for (const p of plan) {
    const setId = sets.get(p.setCode);
    if (!setId) {
      addProblem(report, { row: p.row, header: HISTORY_HEADERS.set, message: `Cổng chưa có bộ tiêu chí ${p.setCode}.` });
      continue;
    }
    const same = existing.find((e) => e.unitId === p.unit.id && fold(e.decisionNumber) === fold(p.decisionNumber));
    const describe = `${p.level === "NTM" ? "NTM" : p.level === "ADVANCED" ? "NTM nâng cao" : "NTM kiểu mẫu"} — QĐ ${p.decisionNumber} ngày ${formatDate(p.decisionDate)}${p.revocation ? `, thu hồi ngày ${formatDate(p.revocation.date)}` : ""}`;
    if (same) {
      const addsRevocation = p.revocation && !same.revocationDate;
      if (!addsRevocation) {
        report.cells.unchanged++;
        continue;
      }
      report.cells.changed++;
      report.changes.push({ row: p.row, communeCode: p.unit.code, communeName: p.unit.name, column: HISTORY_HEADERS.revocationNumber, before: "", after: describe });
      if (write) {
        await tx.recognition.update({ where: { id: same.id }, data: { revocationNumber: p.revocation!.number, revocationDate: p.revocation!.date, revocationReason: p.revocation!.reason, revokedById: actorId(viewer), version: { increment: 1 } } });
        await audit(tx, viewer, "recognition.import", "Recognition", same.id, p.unit.id, { row: p.row, revocationNumber: p.revocation!.number });
      }
      continue;
    }
    // one title in force per commune and level at any time
    const end = (t: { revocationDate: Date | null }) => t.revocationDate?.getTime() ?? Infinity;
    const clash = [...existing, ...plan.filter((q) => q !== p && q.row < p.row).map((q) => ({ unitId: q.unit.id, level: q.level, decisionNumber: q.decisionNumber, decisionDate: q.decisionDate, revocationDate: q.revocation?.date ?? null }))].find(
      (e) => e.unitId === p.unit.id && e.level === p.level && e.decisionDate.getTime() < end(p.revocation ? { revocationDate: p.revocation.date } : { revocationDate: null }) && p.decisionDate.getTime() < end(e),
    );
    if (clash) {
      addProblem(report, { row: p.row, header: HISTORY_HEADERS.decisionNumber, message: `${p.unit.fullName} đã giữ danh hiệu này theo Quyết định ${clash.decisionNumber} trong cùng thời gian.` });
      continue;
    }
    report.cells.new++;
    if (report.changes.length < 300) report.changes.push({ row: p.row, communeCode: p.unit.code, communeName: p.unit.name, column: HISTORY_HEADERS.decisionNumber, before: "", after: describe });
    if (write) {
      const created = await tx.recognition.create({
        data: {
          unitId: p.unit.id, level: p.level, setId, decisionNumber: p.decisionNumber, decisionDate: p.decisionDate, signer: p.signer, source: "IMPORT", createdById: actorId(viewer),
          ...(p.revocation ? { revocationNumber: p.revocation.number, revocationDate: p.revocation.date, revocationReason: p.revocation.reason, revokedById: actorId(viewer) } : {}),
        },
      });
      await audit(tx, viewer, "recognition.import", "Recognition", created.id, p.unit.id, { row: p.row, decisionNumber: p.decisionNumber, decisionDate: p.decisionDate.toISOString().slice(0, 10), level: p.level });
    }
  }
}

// ───────────── confirmed reports of past years ─────────────

interface ReportRow {
  row: number;
  unit: UnitRow;
  year: number;
  confirmedAt: Date;
  statuses: CriterionStatus[];
}

async function planReports(viewer: Viewer, cols: Columns, report: ImportReport, today: Date): Promise<{ rows: ReportRow[]; setId: number | null; criteria: { id: number; number: number }[] }> {
  if (!need(cols, report, ["code", "name", "year", "confirmedAt"])) return { rows: [], setId: null, criteria: [] };
  const years = new Set(cols.rows.map((r) => Number(cell(r, cols, "year"))));
  if (years.size !== 1) {
    addProblem(report, { message: `Mỗi tệp chỉ nhập báo cáo của một năm (tệp có: ${[...years].join(", ")}).` });
    return { rows: [], setId: null, criteria: [] };
  }
  const year = [...years][0];
  report.year = year;
  if (!Number.isInteger(year) || year < FIRST_ASSESSMENT_YEAR || year >= today.getUTCFullYear() + 1) {
    addProblem(report, { row: cols.rows[0].number, header: HISTORY_HEADERS.year, message: `Năm "${cell(cols.rows[0], cols, "year")}" không hợp lệ (từ ${FIRST_ASSESSMENT_YEAR} đến năm nay).` });
    return { rows: [], setId: null, criteria: [] };
  }
  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(year) }, select: { id: true, criteria: { orderBy: { number: "asc" }, select: { id: true, number: true } } } });
  if (!set) return { rows: [], setId: null, criteria: [] };
  const missing = set.criteria.filter((c) => !cols.criteria.has(c.number));
  if (missing.length) addProblem(report, { row: cols.headerRow, message: `Thiếu cột ${missing.map((c) => `TC ${c.number}`).join(", ")} của bộ tiêu chí năm ${year}.` });
  for (const n of cols.criteria.keys()) if (!set.criteria.some((c) => c.number === n)) addProblem(report, { row: cols.headerRow, message: `Bộ tiêu chí năm ${year} không có tiêu chí ${n}.` });
  if (problemCount(report)) return { rows: [], setId: set.id, criteria: set.criteria };
  const units = await communesByCode([...new Set(cols.rows.map((r) => cell(r, cols, "code").padStart(5, "0")))]);
  const out: ReportRow[] = [];
  const seen = new Map<number, number>();
  for (const row of cols.rows) {
    const confirmedAt = parseSheetDate(cell(row, cols, "confirmedAt"));
    if (!confirmedAt) problemAt(report, row, cols, "confirmedAt", `Ngày xác nhận "${cell(row, cols, "confirmedAt")}" không hợp lệ (dd/mm/yyyy).`);
    else if (confirmedAt > today) problemAt(report, row, cols, "confirmedAt", "Ngày xác nhận không được sau ngày hôm nay.");
    else if (confirmedAt.getUTCFullYear() < year) problemAt(report, row, cols, "confirmedAt", `Báo cáo năm ${year} không thể được xác nhận trước năm ${year}.`);
    const statuses: CriterionStatus[] = [];
    for (const c of set.criteria) {
      const raw = cellText(row.cells[cols.criteria.get(c.number)!]);
      const s = STATUSES[fold(raw)];
      if (!s) addProblem(report, { row: row.number, column: columnLetter(cols.criteria.get(c.number)! + 1), header: `TC ${c.number}`, message: `"${raw}" không phải Đạt, Cơ bản đạt hoặc Chưa đạt.` });
      statuses.push(s ?? "NOT_MET");
    }
    if (!confirmedAt || confirmedAt > today) continue;
    const unit = checkCommune(report, row, cols, viewer, units, unitsDateForYear(year), (u) => reportPermission("confirm", u, confirmedAt));
    if (!unit) continue;
    if (seen.has(unit.id)) {
      problemAt(report, row, cols, "code", `Trùng với dòng ${seen.get(unit.id)}.`);
      continue;
    }
    seen.set(unit.id, row.number);
    out.push({ row: row.number, unit, year, confirmedAt, statuses });
  }
  return { rows: out, setId: set.id, criteria: set.criteria };
}

async function writeReports(tx: Tx, viewer: Viewer, plan: Awaited<ReturnType<typeof planReports>>, report: ImportReport, write: boolean) {
  if (!plan.setId || plan.rows.length === 0) return;
  const stored = await tx.assessment.findMany({
    where: { unitId: { in: plan.rows.map((r) => r.unit.id) }, year: plan.rows[0].year, setId: plan.setId },
    select: { id: true, unitId: true, status: true, criterionResults: { select: { criterionId: true, status: true } } },
  });
  const byUnit = new Map(stored.map((s) => [s.unitId, s]));
  for (const r of plan.rows) {
    const now = byUnit.get(r.unit.id);
    const wanted = new Map(plan.criteria.map((c, i) => [c.id, r.statuses[i]]));
    if (now) {
      const same = now.status === "CONFIRMED" && plan.criteria.every((c) => now.criterionResults.find((x) => x.criterionId === c.id)?.status === wanted.get(c.id));
      if (same) report.cells.unchanged++;
      else addProblem(report, { row: r.row, header: HISTORY_HEADERS.code, message: `${r.unit.fullName} đã có báo cáo năm ${r.year} trên cổng (${now.status === "CONFIRMED" ? "đã xác nhận: sửa qua đề nghị điều chỉnh" : "đang nhập: hoàn thành trên cổng"}).` });
      continue;
    }
    const totals = communeResult(r.statuses, plan.criteria.length);
    const mask = plan.criteria.reduce((m, c, i) => (r.statuses[i] === "MET" ? m | (1 << (c.number - 1)) : m), 0);
    report.cells.new++;
    if (report.changes.length < 300) report.changes.push({ row: r.row, communeCode: r.unit.code, communeName: r.unit.name, column: HISTORY_HEADERS.confirmedAt, before: "", after: `${totals.criteriaMet}/${plan.criteria.length} tiêu chí, xác nhận ngày ${formatDate(r.confirmedAt)}` });
    if (!write) continue;
    const reason = `Số liệu lịch sử: báo cáo năm ${r.year} đã được xác nhận ngày ${formatDate(r.confirmedAt)} (nhập từ hồ sơ lưu trữ).`;
    const created = await tx.assessment.create({
      data: {
        unitId: r.unit.id, year: r.year, setId: plan.setId, status: "CONFIRMED", submittedAt: r.confirmedAt, confirmedAt: r.confirmedAt, confirmedById: actorId(viewer),
        criteriaMet: totals.criteriaMet, criteriaTotal: plan.criteria.length, reachedStandard: totals.reachedStandard, metMask: mask, updatedById: actorId(viewer),
        criterionResults: {
          create: plan.criteria.map((c, i) => ({ criterionId: c.id, computedStatus: "NOT_MET", overrideStatus: r.statuses[i], overrideReason: reason, status: r.statuses[i], updatedById: actorId(viewer) })),
        },
      },
    });
    await audit(tx, viewer, "report.import", "Assessment", created.id, r.unit.id, { row: r.row, year: r.year, criteriaMet: totals.criteriaMet, confirmedAt: r.confirmedAt.toISOString().slice(0, 10) });
  }
}

// ───────────── programme commune lists ─────────────

interface ProgrammePlan {
  provinceId: number;
  phaseId: number;
  source: string;
  entries: { code: string; name: string; unitId: number | null }[];
}

async function planProgramme(viewer: Viewer, cols: Columns, report: ImportReport): Promise<ProgrammePlan | null> {
  if (!need(cols, report, ["code", "name", "phase", "basis"])) return null;
  const phases = new Set(cols.rows.map((r) => cell(r, cols, "phase").replace(/\s|–/g, "-")));
  const sources = new Set(cols.rows.map((r) => cell(r, cols, "basis")));
  if (phases.size !== 1) addProblem(report, { message: "Mỗi tệp chỉ một giai đoạn." });
  if (sources.size !== 1 || [...sources][0].length < 5) addProblem(report, { header: HISTORY_HEADERS.basis, message: "Cột Căn cứ ghi một văn bản (kế hoạch, quyết định phê duyệt) cho cả danh sách." });
  const phase = await db.phase.findUnique({ where: { code: [...phases][0] ?? "" } });
  if (!phase) {
    addProblem(report, { header: HISTORY_HEADERS.phase, message: `Giai đoạn "${[...phases][0] ?? ""}" không có (2016-2020, 2021-2025, 2026-2030).` });
    return null;
  }
  const start = new Date(Date.UTC(phase.startYear, 0, 1));
  const units = await communesByCode([...new Set(cols.rows.map((r) => cell(r, cols, "code").padStart(5, "0")))]);
  const entries: ProgrammePlan["entries"] = [];
  const provinces = new Set<number>();
  const seen = new Map<string, number>();
  for (const row of cols.rows) {
    const code = cell(row, cols, "code").padStart(5, "0");
    const name = cell(row, cols, "name");
    if (seen.has(code)) {
      problemAt(report, row, cols, "code", `Trùng với dòng ${seen.get(code)}.`);
      continue;
    }
    seen.set(code, row.number);
    // a commune of the plan may have been merged away before the unit data begins: kept by its code and name
    const unit = communeOn(units.get(code), start) ?? units.get(code)?.[0] ?? null;
    if (unit && !sameName(name, unit)) {
      problemAt(report, row, cols, "name", `Tên "${name}" không khớp với ${unit.fullName} (mã ${code}).`);
      continue;
    }
    if (unit?.provinceId) provinces.add(unit.provinceId);
    entries.push({ code, name, unitId: unit?.id ?? null });
  }
  if (provinces.size !== 1) {
    addProblem(report, { message: "Danh sách phải gồm các xã của một tỉnh (và có ít nhất một xã có trong danh mục đơn vị hành chính)." });
    return null;
  }
  const provinceId = [...provinces][0];
  const province = await db.adminUnit.findUniqueOrThrow({ where: { id: provinceId }, select: { id: true, provinceId: true, districtId: true } });
  if (!hasPermission(viewer.role, "plan.edit") || !isUnitInScope(viewer, province)) {
    addProblem(report, { message: "Tỉnh của danh sách nằm ngoài phạm vi hoặc quyền của bạn." });
    return null;
  }
  return { provinceId, phaseId: phase.id, source: [...sources][0] ?? "", entries };
}

async function writeProgramme(tx: Tx, viewer: Viewer, plan: ProgrammePlan, report: ImportReport, write: boolean) {
  const existing = await tx.programmeList.findUnique({ where: { provinceId_phaseId: { provinceId: plan.provinceId, phaseId: plan.phaseId } }, include: { entries: true } });
  const before = new Set(existing?.entries.map((e) => e.code) ?? []);
  const after = new Set(plan.entries.map((e) => e.code));
  report.cells.new = plan.entries.filter((e) => !before.has(e.code)).length;
  report.cells.unchanged = plan.entries.length - report.cells.new;
  report.cells.changed = [...before].filter((c) => !after.has(c)).length;
  report.changes.push({ row: 0, communeCode: "", communeName: "", column: HISTORY_HEADERS.basis, before: existing ? `${existing.entries.length} xã — ${existing.source}` : "mặc định theo danh mục đơn vị hành chính", after: `${plan.entries.length} xã — ${plan.source}` });
  if (!write) return;
  const list = await tx.programmeList.upsert({
    where: { provinceId_phaseId: { provinceId: plan.provinceId, phaseId: plan.phaseId } },
    create: { provinceId: plan.provinceId, phaseId: plan.phaseId, source: plan.source, updatedById: actorId(viewer) },
    update: { source: plan.source, updatedById: actorId(viewer), version: { increment: 1 } },
  });
  await tx.programmeListEntry.deleteMany({ where: { listId: list.id } });
  await tx.programmeListEntry.createMany({ data: plan.entries.map((e) => ({ listId: list.id, ...e })) });
  await audit(tx, viewer, "programme.import", "ProgrammeList", list.id, plan.provinceId, { source: plan.source, communes: plan.entries.length, before: existing?.entries.length ?? null });
}

async function audit(tx: Tx, viewer: Viewer, action: string, entityType: string, entityId: number, unitId: number, after: Record<string, unknown>) {
  await tx.auditLog.create({
    data: { userId: actorId(viewer), action, entityType, entityId: String(entityId), unitId, after: { ...after, ...systemActorMark(viewer) } as object },
  });
}

/**
 * Checks (dry run) or applies a history sheet. Problems go to the report; nothing is written
 * unless the whole sheet is valid, in one transaction.
 */
export async function importHistory(viewer: Viewer, sheet: Sheet, kind: HistoryKind, report: ImportReport, opts: { dryRun: boolean }, today = todayInVietnam()): Promise<void> {
  const cols = columns(sheet, report);
  if (!cols) {
    addProblem(report, { message: `Không tìm thấy dòng tiêu đề (ô đầu tiên "${HISTORY_HEADERS.code}").` });
    return;
  }
  if (cols.rows.length === 0) {
    addProblem(report, { message: "Tệp không có dòng số liệu nào." });
    return;
  }
  const run = async (tx: Tx, write: boolean) => {
    if (kind === "titles") await writeTitles(tx, viewer, await planTitles(viewer, cols, report, today), report, write);
    else if (kind === "reports") await writeReports(tx, viewer, await planReports(viewer, cols, report, today), report, write);
    else {
      const plan = await planProgramme(viewer, cols, report);
      if (plan) await writeProgramme(tx, viewer, plan, report, write);
    }
  };
  const reader = db as unknown as Tx;
  if (opts.dryRun) {
    await run(reader, false);
    return;
  }
  // plan first without writing: a file with any problem writes nothing
  await run(reader, false);
  if (problemCount(report)) return;
  Object.assign(report, { cells: { new: 0, changed: 0, unchanged: 0 }, changes: [] });
  await db.$transaction(async (tx) => {
    await run(tx, true);
    if (problemCount(report)) throw new AppError("CONFLICT", "Dữ liệu trên cổng vừa thay đổi trong lúc nhập: hãy kiểm tra thử lại tệp.");
  }, { timeout: 120_000, maxWait: 15_000 });
  report.applied = true;
}
