import { formatNumber, formatPercent } from "@/lib/format";
import type { ScorecardRow } from "@/lib/tasks/queries";
import { TASK_CLASS_LABELS, TASK_CLASSES, type TaskTally } from "@/lib/tasks/rules";

function Cells({ tally, testId }: { tally: TaskTally; testId?: string }) {
  return (
    <>
      <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(tally.total)}</td>
      {TASK_CLASSES.map((c) => (
        <td key={c} className={`px-3 py-1.5 text-right tabular-nums ${c === "OVERDUE" && tally.OVERDUE > 0 ? "font-semibold text-red-700" : ""}`} data-testid={testId ? `${testId}-${c}` : undefined}>
          {formatNumber(tally[c])}
        </td>
      ))}
      <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(tally.due)}</td>
      <td className="px-3 py-1.5 text-right tabular-nums" data-testid={testId ? `${testId}-rate` : undefined}>{formatPercent(tally.onTimeRate)}</td>
    </>
  );
}

/** One row per assignee organisation: counts by class, tasks due, on-time rate. */
export function ScorecardTable({ rows, total, hrefFor }: { rows: ScorecardRow[]; total: TaskTally; hrefFor: (organisationId: number) => string }) {
  if (rows.length === 0) return <p className="rounded border bg-white p-4 text-gray-600">Không có nhiệm vụ nào khớp với bộ lọc.</p>;
  return (
    <div className="overflow-x-auto rounded border bg-white">
      <table className="w-full text-sm" data-testid="scorecard">
        <caption className="sr-only">Kết quả thực hiện nhiệm vụ theo đơn vị</caption>
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="px-3 py-2">Đơn vị chủ trì</th>
            <th scope="col" className="px-3 py-2 text-right">Tổng số</th>
            {TASK_CLASSES.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right">{TASK_CLASS_LABELS[c]}</th>
            ))}
            <th scope="col" className="px-3 py-2 text-right" title="Đã hoàn thành hoặc đã qua thời hạn">Đến hạn</th>
            <th scope="col" className="px-3 py-2 text-right" title="Hoàn thành đúng hạn ÷ nhiệm vụ đến hạn">Tỷ lệ đúng hạn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.organisation.id} className={`border-t ${r.tally.OVERDUE > 0 ? "bg-red-50" : ""}`} data-testid={`scorecard-org-${r.organisation.id}`}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <a href={hrefFor(r.organisation.id)} className="font-semibold text-brand-700 hover:underline">{r.organisation.name}</a>
                {r.organisation.unitName && <span className="block text-xs text-gray-500">{r.organisation.unitName}</span>}
              </th>
              <Cells tally={r.tally} testId={`scorecard-org-${r.organisation.id}`} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 bg-gray-50 font-semibold">
            <th scope="row" className="px-3 py-1.5 text-left">Tổng cộng</th>
            <Cells tally={total} testId="scorecard-total" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
