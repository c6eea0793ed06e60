import { WORKFLOW_LABELS, type WorkflowStatus } from "@/lib/assessments/workflow";

export { WORKFLOW_LABELS };


const STYLE: Record<WorkflowStatus, string> = {
  DRAFT: "bg-gray-100 text-gray-700",
  SUBMITTED: "bg-sky-100 text-sky-800",
  VERIFIED: "bg-indigo-100 text-indigo-800",
  APPRAISED: "bg-violet-100 text-violet-800",
  RECOGNISED: "bg-green-100 text-green-800",
  RETURNED: "bg-amber-100 text-amber-800",
  REVOKED: "bg-red-100 text-red-800",
};

export function WorkflowBadge({ status }: { status: WorkflowStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[status]}`}>{WORKFLOW_LABELS[status]}</span>;
}
