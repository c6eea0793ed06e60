import type { CriterionStatus } from "@/lib/generated/prisma/enums";

export const CRITERION_STATUS_LABELS: Record<CriterionStatus, string> = { MET: "Đạt", BASIC: "Cơ bản đạt", NOT_MET: "Chưa đạt" };
const STYLE: Record<CriterionStatus, string> = {
  MET: "bg-green-100 text-green-800",
  BASIC: "bg-amber-100 text-amber-800",
  NOT_MET: "bg-red-100 text-red-800",
};

export function CriterionStatusBadge({ status }: { status: CriterionStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`}>{CRITERION_STATUS_LABELS[status]}</span>;
}
