import { formatNumber, formatPercent } from "@/lib/format";
import { TASK_CLASS_LABELS, TASK_CLASSES, type TaskTally } from "@/lib/tasks/rules";

const TONE = { DONE_ON_TIME: "text-green-800", DONE_LATE: "text-amber-800", IN_PROGRESS: "text-sky-800", OVERDUE: "text-red-700" } as const;

/** Counts by the four classes and the on-time rate, as figure cards. */
export function TaskTallyCards({ tally, testId }: { tally: TaskTally; testId?: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid={testId}>
      <div className="rounded border bg-white p-3">
        <dt className="text-xs text-gray-600">Tổng số nhiệm vụ</dt>
        <dd className="text-2xl font-semibold tabular-nums">{formatNumber(tally.total)}</dd>
      </div>
      {TASK_CLASSES.map((c) => (
        <div key={c} className="rounded border bg-white p-3">
          <dt className="text-xs text-gray-600">{TASK_CLASS_LABELS[c]}</dt>
          <dd className={`text-2xl font-semibold tabular-nums ${TONE[c]}`} data-testid={testId ? `${testId}-${c}` : undefined}>{formatNumber(tally[c])}</dd>
        </div>
      ))}
      <div className="rounded border bg-white p-3">
        <dt className="text-xs text-gray-600">Tỷ lệ đúng hạn</dt>
        <dd className="text-2xl font-semibold tabular-nums">{formatPercent(tally.onTimeRate)}</dd>
      </div>
    </dl>
  );
}
