// The recognition procedure as explicit, tested transitions (QĐ 2540/2016, QĐ 18/2022):
// xã tự đánh giá → trình → huyện thẩm tra (before 1/7/2025) → tỉnh thẩm định (hội đồng) →
// UBND tỉnh công nhận; any review step may return the dossier; a recognition may be revoked.
import type { Permission } from "@/lib/authz";

export type WorkflowStatus = "DRAFT" | "SUBMITTED" | "VERIFIED" | "APPRAISED" | "RECOGNISED" | "RETURNED" | "REVOKED";
export const WORKFLOW_LABELS: Record<WorkflowStatus, string> = {
  DRAFT: "Xã đang tự đánh giá",
  SUBMITTED: "Đã trình",
  VERIFIED: "Huyện đã thẩm tra",
  APPRAISED: "Tỉnh đã thẩm định",
  RECOGNISED: "Đã công nhận",
  RETURNED: "Trả lại bổ sung",
  REVOKED: "Đã thu hồi",
};

export type WorkflowAction = "submit" | "verify" | "appraise" | "recognise" | "return" | "revoke";

export interface Transition {
  action: WorkflowAction;
  label: string;
  permission: Permission;
  to: WorkflowStatus;
}

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { action: "submit", label: "Trình thẩm tra", permission: "assessment.submit", to: "SUBMITTED" },
  verify: { action: "verify", label: "Xác nhận thẩm tra", permission: "assessment.verify", to: "VERIFIED" },
  appraise: { action: "appraise", label: "Ghi nhận thẩm định", permission: "assessment.appraise", to: "APPRAISED" },
  recognise: { action: "recognise", label: "Công nhận đạt chuẩn", permission: "assessment.recognise", to: "RECOGNISED" },
  return: { action: "return", label: "Trả lại để bổ sung", permission: "assessment.return", to: "RETURNED" },
  revoke: { action: "revoke", label: "Thu hồi công nhận", permission: "assessment.revoke", to: "REVOKED" },
};

/** Values can be entered while the commune holds the dossier; submission locks them. */
export function isEditable(status: WorkflowStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/**
 * The actions the procedure allows from a status. `districtStep` is false for communes without
 * a district (from 1/7/2025): their dossiers go straight to the province.
 */
export function allowedActions(status: WorkflowStatus, districtStep: boolean): WorkflowAction[] {
  switch (status) {
    case "DRAFT":
    case "RETURNED":
      return ["submit"];
    case "SUBMITTED":
      return districtStep ? ["verify", "return"] : ["appraise", "return"];
    case "VERIFIED":
      return ["appraise", "return"];
    case "APPRAISED":
      return ["recognise", "return"];
    case "RECOGNISED":
      return ["revoke"];
    case "REVOKED":
      return [];
  }
}

/**
 * Which office reviews a dossier in a status: a return comes from that office. A submitted
 * dossier is the district's to return while districts exist, otherwise the province's.
 */
export function reviewerLevel(status: WorkflowStatus, districtStep: boolean): "DISTRICT" | "PROVINCE" | null {
  if (status === "SUBMITTED") return districtStep ? "DISTRICT" : "PROVINCE";
  if (status === "VERIFIED" || status === "APPRAISED") return "PROVINCE";
  return null;
}

/** A council approves by more than half of its members' votes. */
export function councilApproves(votesFor: number, votesTotal: number): boolean {
  return votesTotal > 0 && votesFor <= votesTotal && votesFor * 2 > votesTotal;
}
