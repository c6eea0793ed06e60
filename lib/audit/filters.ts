// The audit-log viewer's filters, from the query string (?nguoi=…&tinh=…&doi_tuong=…&tu=…&den=…),
// and how an entry's change reads (before → after). Pure.
import { z } from "zod";
import { pageNumber, queryValue } from "@/lib/paging";

type Query = Record<string, string | string[] | undefined>;

export interface AuditFilters {
  /** part of the e-mail or the name of who did it */
  user?: string;
  /** a province: entries about it or any unit under it */
  provinceId?: number;
  /** part of the name of the unit concerned */
  unit?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** from this instant (the start of a day in Vietnam) */
  from?: Date;
  /** before this instant (the end of a day in Vietnam) */
  to?: Date;
  page: number;
}

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const VN_OFFSET_MS = 7 * 3600_000;

/** 00:00 in Vietnam of a yyyy-mm-dd day, as an instant; undefined when it is no real date. */
export function vietnamDayStart(day: string | undefined): Date | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) return undefined;
  return new Date(d.getTime() - VN_OFFSET_MS);
}

/** Unknown or malformed values are dropped, never an error: a filter link always opens. */
export function parseAuditFilters(query: Query): AuditFilters {
  const v = (k: string) => queryValue(query[k]);
  const province = Number.parseInt(v("tinh") ?? "", 10);
  const from = vietnamDayStart(isoDay.parse(v("tu")));
  const toStart = vietnamDayStart(isoDay.parse(v("den")));
  return {
    user: text(200).parse(v("nguoi")),
    provinceId: Number.isSafeInteger(province) && province > 0 ? province : undefined,
    unit: text(200).parse(v("don_vi")),
    entityType: z.string().regex(/^[A-Za-z]{1,60}$/).optional().catch(undefined).parse(v("doi_tuong")),
    entityId: text(100).parse(v("ma")),
    action: z.string().regex(/^[a-z][a-z.]{0,79}$/).optional().catch(undefined).parse(v("thao_tac")),
    from,
    to: toStart ? new Date(toStart.getTime() + 86_400_000) : undefined,
    page: pageNumber(query.trang),
  };
}

/** The query string of the same filters on another page. */
export function auditFilterQuery(query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const k of ["nguoi", "tinh", "don_vi", "doi_tuong", "ma", "thao_tac", "tu", "den"]) {
    const value = queryValue(query[k]);
    if (value) params.set(k, value);
  }
  if (page > 1) params.set("trang", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const show = (v: unknown): string => {
  if (v === undefined) return "–";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields an entry changed, old → new: only those that differ (all of them for a creation). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (before == null && after == null) return [];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    return [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: "", before: show(before ?? undefined), after: show(after ?? undefined) }];
}
