import type { Metadata } from "next";
import Link from "next/link";
import { YearSelect } from "@/components/portal/year-select";
import { listClosestToStandard } from "@/lib/assessments/analysis";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Xã gần đạt chuẩn" };

export default async function ClosestPage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const viewer = await requirePagePermission("assessment.read", "/quan-ly/gan-dat-chuan");
  const year = parseYear((await searchParams).nam);
  const rows = await listClosestToStandard(viewer, { year, limit: 50 });
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Xã gần đạt chuẩn nhất</h1>
          <p className="max-w-3xl text-sm text-gray-600">
            Xếp theo số tiêu chí còn thiếu, rồi theo tổng khoảng cách của các chỉ tiêu chưa đạt tới ngưỡng (chỉ tiêu Đạt/Không đạt hoặc chưa có số liệu tính là 1).
          </p>
        </div>
        <YearSelect years={ASSESSMENT_YEARS} year={year} />
      </div>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-sm">
          <thead>
            <tr className="bg-brand-50 text-left">
              <th scope="col" className="px-3 py-2">Xã</th>
              <th scope="col" className="px-3 py-2 text-right">Tiêu chí đạt</th>
              <th scope="col" className="px-3 py-2">Tiêu chí còn thiếu</th>
              <th scope="col" className="px-3 py-2 text-right">Khoảng cách</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.assessmentId} className="border-t align-top">
                <td className="px-3 py-1.5">
                  <Link href={`/quan-ly/xa/${r.communeId}?nam=${year}`} className="font-semibold text-brand-700 hover:underline">{r.commune}</Link>
                  {r.district && <span className="block text-xs text-gray-500">{r.district}</span>}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{r.criteriaMet}/{r.criteriaTotal}</td>
                <td className="px-3 py-1.5">{r.unmetCriteria.map((c) => `${c.number}. ${c.name}`).join("; ")}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.effort, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-gray-600">Không có xã chưa đạt chuẩn có số liệu năm {year}.</p>}
      </div>
    </div>
  );
}
