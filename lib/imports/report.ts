// What an import tells its user, on screen and on the command line: what would change (or did),
// what was refused and why, by sheet, row and column, in Vietnamese.
import { formatNumber } from "@/lib/format";

export interface ImportProblem {
  /** row number as the spreadsheet shows it */
  row?: number;
  /** column letter */
  column?: string;
  /** header of the column, when known ("CT 2.1") */
  header?: string;
  message: string;
}

export interface CellChange {
  row: number;
  communeCode: string;
  communeName: string;
  column: string;
  before: string;
  after: string;
}

export interface LockedRow {
  row: number;
  communeCode: string;
  communeName: string;
  status: string;
}

export interface ImportReport {
  /** what the file holds: indicator values (the template), or history (lib/imports/history.ts) */
  kind: "assessments" | "titles" | "reports" | "programme";
  fileName: string;
  format: "xlsx" | "csv" | null;
  year: number | null;
  /** data rows read */
  rows: number;
  cells: { new: number; changed: number; unchanged: number };
  assessments: { created: number; changed: number; unchanged: number; locked: number };
  /** the first changes, for the screen (all of them are counted in `cells`) */
  changes: CellChange[];
  /** rows whose dossier is locked (submitted or beyond): listed, never overwritten */
  locked: LockedRow[];
  problems: ImportProblem[];
  /** problems beyond those listed */
  moreProblems: number;
  /** identifies the planned change set: a confirmation applies only the change set it was shown */
  fingerprint: string;
  applied: boolean;
}

export const MAX_LISTED_PROBLEMS = 500;
export const MAX_LISTED_CHANGES = 300;

export function emptyReport(fileName: string): ImportReport {
  return {
    kind: "assessments",
    fileName,
    format: null,
    year: null,
    rows: 0,
    cells: { new: 0, changed: 0, unchanged: 0 },
    assessments: { created: 0, changed: 0, unchanged: 0, locked: 0 },
    changes: [],
    locked: [],
    problems: [],
    moreProblems: 0,
    fingerprint: "",
    applied: false,
  };
}

export function addProblem(report: ImportReport, problem: ImportProblem): void {
  if (report.problems.length < MAX_LISTED_PROBLEMS) report.problems.push(problem);
  else report.moreProblems++;
}

export function problemCount(report: ImportReport): number {
  return report.problems.length + report.moreProblems;
}

export function hasChanges(report: ImportReport): boolean {
  return report.cells.new + report.cells.changed > 0;
}

/** "Dòng 7, cột F (CT 2.1): …" */
export function problemLocation(p: ImportProblem): string {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(`Dòng ${p.row}`);
  if (p.column) parts.push(`cột ${p.column}${p.header ? ` (${p.header})` : ""}`);
  return parts.join(", ");
}

/** The report as plain text, for the command line. */
export function reportToText(r: ImportReport): string {
  const lines: string[] = [];
  lines.push(`Tệp: ${r.fileName}${r.year ? ` · năm ${r.year}` : ""} · ${formatNumber(r.rows)} dòng số liệu`);
  lines.push(
    `Ô số liệu: ${formatNumber(r.cells.new)} mới, ${formatNumber(r.cells.changed)} thay đổi, ${formatNumber(r.cells.unchanged)} không đổi`,
  );
  lines.push(
    `Hồ sơ xã: ${formatNumber(r.assessments.created)} tạo mới, ${formatNumber(r.assessments.changed)} thay đổi, ${formatNumber(r.assessments.unchanged)} không đổi, ${formatNumber(r.assessments.locked)} đã khóa (không ghi)`,
  );
  for (const l of r.locked.slice(0, 50)) lines.push(`  khóa: dòng ${l.row} · ${l.communeCode} ${l.communeName} (${l.status})`);
  const n = problemCount(r);
  if (n > 0) {
    lines.push(`Lỗi: ${formatNumber(n)}`);
    for (const p of r.problems) lines.push(`  ${problemLocation(p) ? `${problemLocation(p)}: ` : ""}${p.message}`);
    if (r.moreProblems) lines.push(`  … và ${formatNumber(r.moreProblems)} lỗi khác`);
  } else if (!hasChanges(r)) {
    lines.push("Không có thay đổi nào.");
  }
  lines.push(r.applied ? "Đã ghi vào cơ sở dữ liệu." : n > 0 ? "Chưa ghi gì: hãy sửa các lỗi trên rồi nhập lại." : "Chạy thử: chưa ghi gì.");
  return lines.join("\n");
}
