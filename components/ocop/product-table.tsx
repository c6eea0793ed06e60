import Link from "next/link";
import type { ProductRow } from "@/lib/ocop/queries";
import { formatDate, formatNumber } from "@/lib/format";
import { OCOP_GROUP_LABELS, PRODUCER_KIND_LABELS, type ProducerKind } from "@/lib/ocop/rules";
import { CertificateBadge } from "./certificate-badge";
import { StarRank } from "./star-rank";

/** The staff registry: each product with its producer, commune, standing rank and certificate. */
export function ProductTable({ items }: { items: ProductRow[] }) {
  if (items.length === 0) return <p className="p-4 text-sm text-gray-600">Không có sản phẩm nào khớp bộ lọc.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="px-3 py-2">Sản phẩm</th>
            <th scope="col" className="px-3 py-2">Chủ thể</th>
            <th scope="col" className="px-3 py-2">Xã</th>
            <th scope="col" className="px-3 py-2 text-right">Điểm</th>
            <th scope="col" className="px-3 py-2">Hạng</th>
            <th scope="col" className="px-3 py-2">Giấy chứng nhận</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} className="border-t align-top">
              <td className="px-3 py-1.5">
                <Link href={`/quan-ly/ocop/${p.id}`} className="font-semibold text-brand-700 hover:underline">{p.name}</Link>
                <span className="block text-xs text-gray-500">
                  {OCOP_GROUP_LABELS[p.group]}
                  {p.subgroup ? ` · ${p.subgroup}` : ""}
                  {p.isDemo ? " · dữ liệu mẫu" : ""}
                </span>
              </td>
              <td className="px-3 py-1.5">
                {p.producer}
                <span className="block text-xs text-gray-500">{PRODUCER_KIND_LABELS[p.producerKind as ProducerKind]}</span>
              </td>
              <td className="px-3 py-1.5">
                {p.commune}
                <span className="block text-xs text-gray-500">{[p.district, p.province].filter(Boolean).join(", ")}</span>
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{p.totalScore === null ? "–" : formatNumber(p.totalScore, 2)}</td>
              <td className="px-3 py-1.5"><StarRank stars={p.stars} /></td>
              <td className="px-3 py-1.5">
                <CertificateBadge state={p.state} />
                {p.decisionNo && (
                  <span className="block text-xs text-gray-500">
                    QĐ {p.decisionNo} · hết hạn {formatDate(p.expiresAt)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
