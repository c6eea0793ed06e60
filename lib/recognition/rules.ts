// Recognition (xét, công nhận) under QĐ 18/2022/QĐ-TTg, as pure rules: a commune whose confirmed
// annual report meets every criterion sends a dossier; the district verifies it (while districts
// existed), the province's council appraises it, the chairman of the province decides. The
// decision grants a title the commune holds until a revocation decision. Each step checks the
// report again, before anything is typed.
import type { Permission } from "@/lib/authz";
import { reviewLevel, type ReviewLevel } from "@/lib/assessments/workflow";

export type TitleLevel = "NTM" | "ADVANCED" | "MODEL";
export const TITLE_LABELS: Record<TitleLevel, string> = {
  NTM: "Xã đạt chuẩn nông thôn mới",
  ADVANCED: "Xã đạt chuẩn nông thôn mới nâng cao",
  MODEL: "Xã nông thôn mới kiểu mẫu",
};
export const TITLE_SHORT: Record<TitleLevel, string> = { NTM: "NTM", ADVANCED: "NTM nâng cao", MODEL: "NTM kiểu mẫu" };

export type DossierStatus = "SUBMITTED" | "VERIFIED" | "APPRAISED" | "DECIDED" | "RETURNED";
export const DOSSIER_LABELS: Record<DossierStatus, string> = {
  SUBMITTED: "Xã đã gửi hồ sơ đề nghị",
  VERIFIED: "Huyện đã thẩm tra",
  APPRAISED: "Hội đồng thẩm định tỉnh đã thông qua",
  DECIDED: "Đã có quyết định công nhận",
  RETURNED: "Trả lại để bổ sung",
};

export type DossierAction = "verify" | "appraise" | "decide" | "return" | "resubmit";
export const DOSSIER_ACTION_LABELS: Record<DossierAction, string> = {
  verify: "Xác nhận thẩm tra",
  appraise: "Ghi nhận thẩm định",
  decide: "Ghi quyết định công nhận",
  return: "Trả lại hồ sơ",
  resubmit: "Gửi lại hồ sơ",
};

/** The district step exists for a commune with a district, on a day before 1/7/2025. */
export function hasDistrictStep(unit: { districtId: number | null }, on: Date): boolean {
  return reviewLevel(unit, on) === "DISTRICT";
}

/** The actions the procedure allows from a dossier's status. */
export function dossierActions(status: DossierStatus, districtStep: boolean): DossierAction[] {
  switch (status) {
    case "SUBMITTED":
      return districtStep ? ["verify", "return"] : ["appraise", "return"];
    case "VERIFIED":
      return ["appraise", "return"];
    case "APPRAISED":
      return ["decide", "return"];
    case "RETURNED":
      return ["resubmit"];
    case "DECIDED":
      return [];
  }
}

/** The office that holds a dossier in a status (it alone may return it). */
export function dossierHolder(status: DossierStatus, districtStep: boolean): ReviewLevel | null {
  if (status === "SUBMITTED") return districtStep ? "DISTRICT" : "PROVINCE";
  if (status === "VERIFIED" || status === "APPRAISED") return "PROVINCE";
  return null;
}

/** The permission an action needs; a return needs the holder's review permission. */
export function dossierPermission(action: DossierAction, status: DossierStatus, districtStep: boolean): Permission {
  switch (action) {
    case "verify":
      return "recognition.verify";
    case "appraise":
      return "recognition.appraise";
    case "decide":
      return "recognition.decide";
    case "resubmit":
      return "recognition.propose";
    case "return":
      return dossierHolder(status, districtStep) === "DISTRICT" ? "recognition.verify" : "recognition.appraise";
  }
}

export const DOSSIER_NEXT: Record<DossierAction, DossierStatus> = {
  verify: "VERIFIED",
  appraise: "APPRAISED",
  decide: "DECIDED",
  return: "RETURNED",
  resubmit: "SUBMITTED",
};

export interface ReportForRecognition {
  year: number;
  status: string;
  criteriaMet: number;
  criteriaTotal: number;
  reachedStandard: boolean;
}

/**
 * Why a report cannot carry a recognition request — in Vietnamese, shown before anything is
 * typed — or null. The report must be confirmed by the level above and meet every criterion
 * ("cơ bản đạt" is not "đạt").
 */
export function eligibilityProblem(report: ReportForRecognition | null, year: number): string | null {
  if (!report) return `Xã chưa có báo cáo kết quả thực hiện tiêu chí năm ${year}: chưa thể đề nghị xét công nhận.`;
  if (report.status !== "CONFIRMED") return `Báo cáo kết quả thực hiện tiêu chí năm ${report.year} chưa được cấp trên xác nhận: chưa thể đề nghị xét công nhận.`;
  if (!report.reachedStandard || report.criteriaMet < report.criteriaTotal) {
    return `Xã mới đạt ${report.criteriaMet}/${report.criteriaTotal} tiêu chí: chưa đủ điều kiện xét công nhận (cần đạt ${report.criteriaTotal}/${report.criteriaTotal} tiêu chí).`;
  }
  return null;
}

const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/** The council's meeting day: not in the future. */
export function appraisalDateProblem(appraisedOn: Date, today: Date): string | null {
  return day(appraisedOn) > day(today) ? "Ngày họp hội đồng thẩm định không được sau ngày hôm nay." : null;
}

/** A decision is dated, not in the future and not before the council's appraisal. */
export function decisionDateProblem(decisionDate: Date, appraisedOn: Date | null, today: Date): string | null {
  if (day(decisionDate) > day(today)) return "Ngày ký quyết định không được sau ngày hôm nay.";
  if (appraisedOn && day(decisionDate) < day(appraisedOn)) return "Ngày ký quyết định không được trước ngày hội đồng thẩm định.";
  return null;
}

/** A revocation is dated, not in the future and not before the decision it revokes. */
export function revocationDateProblem(revocationDate: Date, decisionDate: Date, today: Date): string | null {
  if (day(revocationDate) > day(today)) return "Ngày ký quyết định thu hồi không được sau ngày hôm nay.";
  if (day(revocationDate) < day(decisionDate)) return "Ngày thu hồi không được trước ngày quyết định công nhận.";
  return null;
}

/** Whether a title is in force on a day: decided on or before it, not revoked on or before it. */
export function holdsTitle(title: { decisionDate: Date; revocationDate: Date | null }, on: Date): boolean {
  return day(title.decisionDate) <= day(on) && (title.revocationDate === null || day(title.revocationDate) > day(on));
}

/** A council approves by more than half of its members' votes. */
export function councilApproves(votesFor: number, votesTotal: number): boolean {
  return votesTotal > 0 && votesFor <= votesTotal && votesFor * 2 > votesTotal;
}
