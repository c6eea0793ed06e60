import Link from "next/link";
import type { LineRow } from "@/lib/capital/queries";
import { CAPITAL_SOURCE_LABELS, effectiveDeadline } from "@/lib/capital/rules";
import { formatDate, formatMoneyMillions, formatPercent } from "@/lib/format";
import { RiskBadge } from "./risk-badge";

/** Capital lines with what is paid, the rate and where each stands against its deadline. */
export function LineTable({ lines, testId }: { lines: LineRow[]; testId?: string }) {
  if (lines.length === 0) return <p className="px-4 py-3 text-sm text-gray-600">Không có dòng vốn nào.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="px-3 py-2">Đơn vị</th>
            <th scope="col" className="px-3 py-2">Nguồn vốn</th>
            <th scope="col" className="px-3 py-2">Dự án, tiêu chí</th>
            <th scope="col" className="px-3 py-2 text-right">Được giao</th>
            <th scope="col" className="px-3 py-2 text-right">Đã giải ngân</th>
            <th scope="col" className="px-3 py-2 text-right">Tỷ lệ</th>
            <th scope="col" className="px-3 py-2">Hạn giải ngân</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} className="border-t align-top">
              <td className="px-3 py-1.5">
                <Link href={`/quan-ly/von/${l.id}`} className="font-semibold text-brand-700 hover:underline">{l.unit.fullName}</Link>
                {l.isDemo && <span className="block text-xs text-gray-500">dữ liệu mẫu</span>}
              </td>
              <td className="px-3 py-1.5">{CAPITAL_SOURCE_LABELS[l.source]}</td>
              <td className="px-3 py-1.5">
                {l.project ?? "–"}
                {l.criterion && <span className="block text-xs text-gray-500">Tiêu chí {l.criterion.number}. {l.criterion.name}</span>}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatMoneyMillions(l.allocated)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatMoneyMillions(l.disbursed)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatPercent(l.rate)}</td>
              <td className="px-3 py-1.5">
                <span className="block whitespace-nowrap">giải ngân đến {formatDate(effectiveDeadline(l.year, l.deadline))}</span>
                <RiskBadge risk={l.risk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
