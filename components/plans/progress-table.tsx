import type { PlanProgress } from "@/lib/plans/rules";
import { PLAN_TARGET_SHORT, PLAN_TARGETS } from "@/lib/plans/rules";
import type { UnitProgress } from "@/lib/plans/queries";
import { formatNumber } from "@/lib/format";

const cell = (p: PlanProgress | undefined) => (p && p.registered ? `${formatNumber(p.reached)}/${formatNumber(p.registered)}` : "–");

/** Reached / registered per target and unit, with the communes behind plan. */
export function ProgressTable({ rows, unitLabel }: { rows: UnitProgress[]; unitLabel: string }) {
  if (rows.length === 0) return <p className="px-4 py-3 text-sm text-gray-600">Chưa có xã nào đăng ký.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="plan-by-unit">
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="px-3 py-2">{unitLabel}</th>
            {PLAN_TARGETS.map((t) => (
              <th key={t} scope="col" className="px-3 py-2 text-right">Đạt/đăng ký {PLAN_TARGET_SHORT[t]}</th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">Chậm tiến độ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.unitId)} className="border-t">
              <td className="px-3 py-1.5">{r.unit}</td>
              {PLAN_TARGETS.map((t) => (
                <td key={t} className="px-3 py-1.5 text-right tabular-nums">{cell(r.progress.find((p) => p.target === t))}</td>
              ))}
              <td className={`px-3 py-1.5 text-right tabular-nums ${r.behind ? "font-semibold text-red-700" : ""}`}>{formatNumber(r.behind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
