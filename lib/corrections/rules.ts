// Corrections of a confirmed annual report (điều chỉnh số liệu đã xác nhận), pure and unit-tested
// (tests/unit/correction-rules.test.ts).
//
// Our rules:
// - Only a CONFIRMED report is corrected through a request. Before confirmation there is already a
//   way back: an open report (DRAFT, RETURNED) is edited directly, a submitted one is returned by
//   the level above. A recognition dossier resting on the report checks it again at each step.
// - A request lists indicator values old → new; "old" is what the database held when it was made.
//   It is applied only if the database still holds those values (otherwise: conflict, re-request).
// - Four eyes: the person who asked never decides (approves or rejects) their own request.
import type { WorkflowStatus } from "@/lib/assessments/workflow";
import type { ErrorCode } from "@/lib/errors";
import { formatDate, formatNumber, todayInVietnam } from "@/lib/format";

export type CorrectionStatus = "PENDING" | "APPROVED" | "REJECTED";
export const CORRECTION_STATUSES: readonly CorrectionStatus[] = ["PENDING", "APPROVED", "REJECTED"];
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = {
  PENDING: "Chờ phê duyệt",
  APPROVED: "Đã phê duyệt",
  REJECTED: "Không phê duyệt",
};

export type StoredValue = number | boolean | null;
export type IndicatorKind = "NUMBER" | "PERCENT" | "BOOLEAN";

/** What a request stores per indicator (CorrectionRequest.changes). */
export interface CorrectionChange {
  indicatorId: number;
  code: string;
  name: string;
  criterionNumber: number;
  kind: IndicatorKind;
  unit: string | null;
  before: StoredValue;
  after: StoredValue;
}

/** Why a report in this status cannot get a correction request; null when it can (it is confirmed, so locked). */
export function correctionBlockedReason(status: WorkflowStatus): string | null {
  switch (status) {
    case "CONFIRMED":
      return null;
    case "DRAFT":
    case "RETURNED":
      return "Báo cáo đang mở để xã nhập số liệu: hãy sửa trực tiếp trên màn hình đánh giá, không cần đề nghị điều chỉnh.";
    case "SUBMITTED":
      return "Báo cáo đang chờ cấp trên xác nhận: cấp trên trả lại báo cáo để xã bổ sung, không dùng đề nghị điều chỉnh.";
  }
}

/** Values as the database keeps them: numbers with two decimals (Decimal(14,2)). */
export function sameValue(a: StoredValue, b: StoredValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.round(a * 100) === Math.round(b * 100);
  return a === b;
}

export interface IndicatorInfo {
  id: number;
  code: string;
  name: string;
  criterionNumber: number;
  kind: IndicatorKind;
  unit: string | null;
}

/**
 * The old → new difference of a request: one change per proposed value that differs from the
 * stored one (a missing stored value is null), in the indicators' order; the ids proposed with
 * the value already stored are returned apart, so the form can say so.
 */
export function diffValues(
  indicators: readonly IndicatorInfo[],
  stored: ReadonlyMap<number, StoredValue>,
  proposed: ReadonlyMap<number, StoredValue>,
): { changes: CorrectionChange[]; unchanged: number[] } {
  const changes: CorrectionChange[] = [];
  const unchanged: number[] = [];
  for (const ind of indicators) {
    if (!proposed.has(ind.id)) continue;
    const before = stored.get(ind.id) ?? null;
    const after = proposed.get(ind.id) ?? null;
    if (sameValue(before, after)) unchanged.push(ind.id);
    else changes.push({ indicatorId: ind.id, code: ind.code, name: ind.name, criterionNumber: ind.criterionNumber, kind: ind.kind, unit: ind.unit, before, after });
  }
  return { changes, unchanged };
}

/** The changes whose "old" value is no longer what the database holds: someone changed it since. */
export function staleChanges(changes: readonly CorrectionChange[], stored: ReadonlyMap<number, StoredValue>): CorrectionChange[] {
  return changes.filter((c) => !sameValue(c.before, stored.get(c.indicatorId) ?? null));
}

/**
 * Whether this person may decide (approve or reject) the request now: never their own (four
 * eyes), and only while it is pending. Permission and scope are checked by the service.
 */
export function decisionRefusal(deciderId: number, request: { requestedById: number; status: string }): { code: ErrorCode; message: string } | null {
  if (request.requestedById === deciderId) {
    return { code: "FORBIDDEN", message: "Người lập đề nghị điều chỉnh không được tự phê duyệt hoặc từ chối đề nghị của mình." };
  }
  if (request.status !== "PENDING") {
    return { code: "CONFLICT", message: "Đề nghị điều chỉnh này đã được xử lý. Hãy tải lại trang để xem kết quả." };
  }
  return null;
}

/** A value as shown next to its indicator: "Đạt", "85,5%", "42 triệu đồng/người/năm", "(trống)". */
export function formatCorrectionValue(kind: IndicatorKind, value: StoredValue, unit: string | null = null): string {
  if (value === null) return "(trống)";
  if (typeof value === "boolean") return value ? "Đạt" : "Không đạt";
  const text = formatNumber(value, decimalsOf(value));
  if (kind === "PERCENT") return `${text}%`;
  return unit ? `${text} ${unit}` : text;
}

/** As many decimals as the stored value has (0, 1 or 2): 85 → "85", 85,5 → "85,5", 1,25 → "1,25". */
function decimalsOf(value: number): number {
  const whole = (scaled: number) => Math.abs(scaled - Math.round(scaled)) < 1e-9;
  return whole(value) ? 0 : whole(value * 10) ? 1 : 2;
}

/** The public notice on figures touched by an approved correction (date in Vietnam). */
export function correctionNotice(year: number, correctedAt: Date): string {
  return `Số liệu năm ${year} đã điều chỉnh ngày ${formatDate(correctedAt)}`;
}

/** The day of an instant in Vietnam as an ISO date ("2026-11-22"), for the open data API. */
export function isoDateInVietnam(at: Date | null): string | null {
  return at ? todayInVietnam(at).toISOString().slice(0, 10) : null;
}
