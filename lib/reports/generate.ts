// One entry point for every report, used by the print page and the XLSX download alike:
// permission, query validation and unit scope are checked here, so no caller can skip them.
import { assertPermission, type Viewer } from "@/lib/authz";
import { DEFAULT_YEAR } from "@/lib/assessments/years";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import type { TableData } from "@/lib/dashboard/tables";
import { AppError, notFound } from "@/lib/errors";
import { tablesToXlsx } from "@/lib/exports/table-file";
import { formatDate, todayInVietnam } from "@/lib/format";
import { findReport, type ReportDefinition } from "./catalogue";
import { ZReportQuery, type TReportQuery } from "./schemas";
import { resolveReportUnit, unitsOfTheTimeNote } from "./scope";

export interface Report {
  definition: ReportDefinition;
  unit: DashboardUnit;
  /** null: a report without a year of its own, covering every year */
  year: number | null;
  producedOn: Date;
  /** which units the figures use, when that differs from the unit's name */
  note: string | null;
  tables: TableData[];
  /** the query as understood, for links to the same report */
  query: TReportQuery;
}

/** A query string as an object; a parameter given twice stays a list (and is refused by the schema). */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** Parses a report's query string: bad input is a VALIDATION error with a Vietnamese message. */
export function parseReportQuery(raw: Record<string, unknown>): TReportQuery {
  const parsed = ZReportQuery.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
    throw new AppError("VALIDATION", `Tham số báo cáo không hợp lệ: ${parsed.error.issues.map((i) => i.message).join(" ")}`, fieldErrors);
  }
  return parsed.data;
}

/**
 * The query, year and unit of a report page (or of the report list, `period` "year"): bad query →
 * VALIDATION, a unit outside the viewer's scope → FORBIDDEN.
 */
export async function resolveReportContext(viewer: Viewer, raw: Record<string, unknown>, period: ReportDefinition["period"]) {
  const query = parseReportQuery(raw);
  const year = query.nam ?? (period === "year" ? DEFAULT_YEAR : null);
  const unit = await resolveReportUnit(viewer, query, year);
  return { query, year, unit };
}

/**
 * Builds a report for a viewer: unknown report → NOT_FOUND, no permission → FORBIDDEN (no
 * session → UNAUTHENTICATED), bad query → VALIDATION, a unit outside the viewer's scope → FORBIDDEN.
 */
export async function generateReport(viewer: Viewer | null, key: string, raw: Record<string, unknown>, today = todayInVietnam()): Promise<Report> {
  const definition = findReport(key);
  if (!definition) throw notFound("Không có báo cáo này.");
  assertPermission(viewer, definition.permission);
  const { query, year, unit } = await resolveReportContext(viewer, raw, definition.period);
  const [note, tables] = await Promise.all([
    year === null ? null : unitsOfTheTimeNote(unit, year),
    definition.build(viewer, { unit, year: year ?? DEFAULT_YEAR, yearChosen: year !== null, today }),
  ]);
  const subtitle = [unit.name, year === null ? "tất cả các năm" : `năm ${year}`, `ngày lập ${formatDate(today)}`].join(" · ") + (note ? `. ${note}` : "");
  return { definition, unit, year, producedOn: today, note, tables: tables.map((t) => ({ ...t, subtitle: t.subtitle ?? subtitle })), query };
}

export function reportToXlsx(report: Report): Promise<Buffer> {
  return tablesToXlsx(report.tables);
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Số xã theo nhóm tiêu chí - Tỉnh Thái Nguyên - 2024.xlsx" (an ASCII form is derived for old clients). */
export function reportFileName(report: Report): string {
  const parts = [report.definition.title, report.unit.name, report.year === null ? "Tất cả các năm" : String(report.year)];
  return `${parts.join(" - ").replace(/[\\/:*?"<>|'()]/g, "")}.xlsx`;
}

/** The same report as a query string (for links between the page and the download). */
export function reportSearch(query: TReportQuery): string {
  const q = new URLSearchParams();
  if (query.nam !== undefined) q.set("nam", String(query.nam));
  if (query.tinh !== undefined) q.set("tinh", String(query.tinh));
  if (query.huyen !== undefined) q.set("huyen", String(query.huyen));
  const s = q.toString();
  return s ? `?${s}` : "";
}
