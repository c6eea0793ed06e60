// The annual criteria report (báo cáo kết quả thực hiện tiêu chí) as explicit, tested
// transitions, as a data-approval step (DHIS2): the commune enters and sends its report; the
// level above confirms it or returns it with a comment. Confirmed reports are what public figures
// count. Recognition is another process (lib/recognition/rules.ts).
import type { Permission } from "@/lib/authz";
import { REFORM_DATE } from "@/lib/units/rules";

export type ReportStatus = "DRAFT" | "SUBMITTED" | "CONFIRMED" | "RETURNED";
/** kept for the readers of the report's status under its old name */
export type WorkflowStatus = ReportStatus;

export const REPORT_LABELS: Record<ReportStatus, string> = {
  DRAFT: "Xã đang nhập",
  SUBMITTED: "Chờ cấp trên xác nhận",
  CONFIRMED: "Đã xác nhận",
  RETURNED: "Trả lại để bổ sung",
};

export type ReportAction = "submit" | "confirm" | "return";
export type WorkflowAction = ReportAction;

export interface ReportTransition {
  action: ReportAction;
  label: string;
  to: ReportStatus;
}

export const REPORT_TRANSITIONS: Record<ReportAction, ReportTransition> = {
  submit: { action: "submit", label: "Gửi báo cáo", to: "SUBMITTED" },
  confirm: { action: "confirm", label: "Xác nhận báo cáo", to: "CONFIRMED" },
  return: { action: "return", label: "Trả lại để bổ sung", to: "RETURNED" },
};

/** Values can be entered while the commune holds the report; sending it locks them. */
export function isEditable(status: ReportStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/** The actions a report allows from a status. */
export function allowedActions(status: ReportStatus): ReportAction[] {
  switch (status) {
    case "DRAFT":
    case "RETURNED":
      return ["submit"];
    case "SUBMITTED":
      return ["confirm", "return"];
    case "CONFIRMED":
      return [];
  }
}

export type ReviewLevel = "DISTRICT" | "PROVINCE";

/**
 * The level above a commune on a day: its district while districts existed (until 30/6/2025),
 * the province after — for a report of any year, since the act happens on that day.
 */
export function reviewLevel(unit: { districtId: number | null }, on: Date): ReviewLevel {
  return unit.districtId !== null && on < REFORM_DATE ? "DISTRICT" : "PROVINCE";
}

/** What a role must hold to act at a review level (the permission table says who holds it). */
export const CONFIRM_PERMISSION: Record<ReviewLevel, Permission> = {
  DISTRICT: "assessment.confirm.district",
  PROVINCE: "assessment.confirm.province",
};

/** The permission an action on a report needs, for a commune on a day. */
export function reportPermission(action: ReportAction, unit: { districtId: number | null }, on: Date): Permission {
  return action === "submit" ? "assessment.submit" : CONFIRM_PERMISSION[reviewLevel(unit, on)];
}
