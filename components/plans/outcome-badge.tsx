import { PLAN_OUTCOME_LABELS, type PlanOutcome } from "@/lib/plans/rules";

const STYLE: Record<PlanOutcome, string> = {
  REACHED: "bg-green-100 text-green-800",
  AWAITING_RECOGNITION: "bg-sky-100 text-sky-800",
  NOT_REACHED: "bg-gray-100 text-gray-700",
  NO_ASSESSMENT: "bg-gray-100 text-gray-500",
};

export function OutcomeBadge({ outcome }: { outcome: PlanOutcome }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[outcome]}`}>{PLAN_OUTCOME_LABELS[outcome]}</span>;
}

/** "Chậm tiến độ" with the reason, for communes behind plan. */
export function BehindBadge({ overdueItems, yearEnded }: { overdueItems: number; yearEnded: boolean }) {
  const reasons = [overdueItems ? `${overdueItems} tiêu chí quá hạn` : null, yearEnded ? "hết năm chưa đạt" : null].filter(Boolean).join(", ");
  return (
    <span className="inline-block whitespace-nowrap rounded bg-red-100 px-2 py-0.5 text-xs text-red-800" title={reasons}>
      Chậm tiến độ: {reasons}
    </span>
  );
}
