import { REPORT_LABELS, type ReportStatus } from "@/lib/assessments/workflow";
import { TITLE_SHORT, type TitleLevel } from "@/lib/recognition/rules";

const STYLE: Record<ReportStatus, string> = {
  DRAFT: "bg-gray-100 text-gray-700",
  SUBMITTED: "bg-sky-100 text-sky-800",
  CONFIRMED: "bg-green-100 text-green-800",
  RETURNED: "bg-amber-100 text-amber-800",
};

/** The state of a commune's annual report. */
export function ReportBadge({ status }: { status: ReportStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[status]}`}>{REPORT_LABELS[status]}</span>;
}

/** The title a commune holds (a recognition decision in force). */
export function TitleBadge({ level }: { level: TitleLevel }) {
  return <span className="inline-block whitespace-nowrap rounded bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800">Đạt chuẩn {TITLE_SHORT[level]}</span>;
}
