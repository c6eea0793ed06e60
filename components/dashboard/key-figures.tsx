import { formatNumber, formatPercent } from "@/lib/format";
import type { Figures } from "@/lib/dashboard/queries";

/**
 * Figures of the confirmed annual reports: "đạt đủ 19 tiêu chí" is not "đạt chuẩn NTM", which
 * counts the communes holding a recognition decision (lib/figures/definitions.ts).
 */
export function KeyFigures({ figures, scopeLabel }: { figures: Figures; scopeLabel: string }) {
  const items = [
    { key: "reached", value: `${formatNumber(figures.communesReached)} xã`, label: `đạt đủ ${figures.criteriaTotal} tiêu chí (${formatPercent(figures.reachedPercent)})` },
    { key: "average", value: formatNumber(figures.averageCriteria, 2), label: `tiêu chí/xã bình quân (trên ${figures.criteriaTotal})` },
    { key: "assessed", value: formatNumber(figures.communesAssessed), label: "xã được đánh giá" },
    { key: "under5", value: formatNumber(figures.bands["<5"] ?? 0), label: "xã dưới 5 tiêu chí" },
  ];
  return (
    <div>
      <p className="mb-2 text-sm text-gray-600">
        {scopeLabel}, năm {figures.year}
      </p>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {items.map((i) => (
          <div key={i.key} className="rounded bg-brand-50 p-3" data-testid={`figure-${i.key}`}>
            <dt className="sr-only">{i.label}</dt>
            <dd>
              <span className="block text-2xl font-semibold text-brand-800">{i.value}</span>
              <span className="text-sm text-gray-700">{i.label}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
