import type { Metadata } from "next";
import Link from "next/link";
import { listPhaseChange2016To2021, listPhaseChange2021To2026, type PhaseChangeRow } from "@/lib/assessments/analysis";
import { requirePagePermission } from "@/lib/auth";

export const metadata: Metadata = { title: "Chuyển giai đoạn bộ tiêu chí" };

function PhaseTable({ rows, yearHint, caption }: { rows: PhaseChangeRow[]; yearHint: string; caption: string }) {
  if (rows.length === 0) return <p className="p-4 text-sm text-gray-600">Không có xã nào trong phạm vi.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="px-3 py-2 text-left text-gray-600">{caption}</caption>
      <thead>
        <tr className="bg-brand-50 text-left">
          <th scope="col" className="px-3 py-2">Xã</th>
          <th scope="col" className="px-3 py-2">Kết quả theo bộ tiêu chí mới</th>
          <th scope="col" className="px-3 py-2">Tiêu chí mới chưa đạt</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.communeId} className="border-t align-top">
            <td className="px-3 py-1.5">
              <Link href={`/quan-ly/xa/${r.communeId}${r.year ? `?nam=${r.year}` : ""}`} className="font-semibold text-brand-700 hover:underline">{r.commune}</Link>
              {r.district && <span className="block text-xs text-gray-500">{r.district}</span>}
              {r.decision && <span className="block text-xs text-gray-500">Công nhận: QĐ {r.decision}</span>}
              {r.formedFrom && <span className="block text-xs text-gray-500">Hình thành từ xã đã đạt chuẩn: {r.formedFrom}</span>}
            </td>
            <td className="px-3 py-1.5 whitespace-nowrap">{r.year ? `${r.criteriaMet}/${r.criteriaTotal} tiêu chí (${r.year})` : `Chưa đánh giá ${yearHint}`}</td>
            <td className="px-3 py-1.5">{r.year ? (r.unmet.length ? r.unmet.map((c) => `${c.number}. ${c.name}`).join("; ") : "Đạt đủ") : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function PhaseChangePage() {
  const viewer = await requirePagePermission("assessment.read", "/quan-ly/chuyen-giai-doan");
  const [from2016, from2021] = await Promise.all([listPhaseChange2016To2021(viewer), listPhaseChange2021To2026(viewer)]);
  const failing2016 = from2016.filter((r) => r.unmet.length > 0).length;
  return (
    <div className="grid gap-6">
      <h1 className="text-xl font-semibold text-brand-800">Rà soát khi chuyển giai đoạn bộ tiêu chí</h1>
      <section className="overflow-x-auto rounded border bg-white" aria-label="2016–2020 sang 2021–2025">
        <h2 className="border-b px-3 py-2 font-semibold">
          Xã đạt chuẩn theo bộ tiêu chí 2016–2020 chưa đáp ứng bộ tiêu chí 2021–2025 ({failing2016}/{from2016.length} xã)
        </h2>
        <PhaseTable rows={from2016} yearHint="theo bộ tiêu chí 2021–2025" caption="Kết quả đánh giá gần nhất theo QĐ 318/QĐ-TTg của từng xã đã được công nhận theo QĐ 1980/QĐ-TTg." />
      </section>
      <section className="overflow-x-auto rounded border bg-white" aria-label="2021–2025 sang 2026–2030">
        <h2 className="border-b px-3 py-2 font-semibold">Xã mới (từ 1/7/2025) hình thành từ xã đạt chuẩn 2021–2025: tiêu chí 2026–2030 chưa đạt ({from2021.length} xã)</h2>
        <PhaseTable rows={from2021} yearHint="theo bộ tiêu chí 2026–2030" caption="Xã mới có ít nhất một xã cũ đã được công nhận theo QĐ 318/QĐ-TTg; kết quả gần nhất theo QĐ 51/2025/QĐ-TTg." />
      </section>
    </div>
  );
}
