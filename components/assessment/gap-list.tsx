import type { IndicatorGap } from "@/lib/assessments/queries";
import { thresholdText, valueText } from "@/components/portal/threshold-text";
import { formatPercent } from "@/lib/format";

/** Unmet indicators, the closest to their threshold first: where a little effort wins a criterion. */
export function GapList({ gaps }: { gaps: IndicatorGap[] }) {
  if (gaps.length === 0) return <p className="text-sm text-green-700">Tất cả chỉ tiêu đã đạt.</p>;
  return (
    <ol className="grid gap-2 text-sm">
      {gaps.map((g) => (
        <li key={g.code} className="border-t pt-2 first:border-0 first:pt-0">
          <p>
            <span className="font-semibold">{g.code}</span> {g.name}
          </p>
          <p className="text-gray-700">
            {valueText(g)} / {thresholdText(g)}
            {" · "}
            <span className="font-semibold text-red-700">
              {g.gap !== null ? `còn thiếu ${formatPercent(g.gap * 100)}` : g.value === null ? "chưa có số liệu" : "chưa đạt"}
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
