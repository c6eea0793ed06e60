import type { Metadata } from "next";
import Link from "next/link";
import { ReportBadge, TitleBadge } from "@/components/portal/status-badge";
import { YearSelect } from "@/components/portal/year-select";
import { listCommunesForViewer } from "@/lib/assessments/queries";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { formatNumber } from "@/lib/format";
import { listProvinces } from "@/lib/units/queries";
import { unitsDateForYear } from "@/lib/units/rules";

export const metadata: Metadata = { title: "Đánh giá tiêu chí các xã" };

export default async function CommuneListPage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const viewer = await requirePagePermission("assessment.read", "/quan-ly/xa");
  const sp = await searchParams;
  const year = parseYear(sp.nam);
  // national users pick a province (the national list is too long for one page)
  const provinces = viewer.unitId === null ? await listProvinces(unitsDateForYear(year)) : [];
  const provinceId = viewer.unitId === null ? Number(sp.tinh) || provinces.find((p) => p.code === "19")?.id : undefined;
  const communes = await listCommunesForViewer(viewer, { year, provinceId });
  const reached = communes.filter((c) => c.assessment?.reachedStandard).length;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Kết quả thực hiện tiêu chí các xã</h1>
          <p className="text-sm text-gray-600">
            {formatNumber(communes.length)} xã trong phạm vi · {formatNumber(reached)} xã đạt đủ tiêu chí năm {year}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {provinces.length > 0 && (
            <form method="get" className="flex items-center gap-2 text-sm">
              <input type="hidden" name="nam" value={year} />
              <label htmlFor="tinh">Tỉnh</label>
              <select id="tinh" name="tinh" defaultValue={provinceId} className="rounded border px-2 py-1">
                {provinces.map((p) => (
                  <option key={p.id} value={p.id}>{p.fullName}</option>
                ))}
              </select>
              <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Chọn</button>
            </form>
          )}
          <YearSelect years={ASSESSMENT_YEARS} year={year} extra={{ tinh: provinceId }} />
        </div>
      </div>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-sm">
          <thead>
            <tr className="bg-brand-50 text-left">
              <th scope="col" className="px-3 py-2">Mã</th>
              <th scope="col" className="px-3 py-2">Xã</th>
              <th scope="col" className="px-3 py-2">Huyện</th>
              <th scope="col" className="px-3 py-2 text-right">Tiêu chí đạt</th>
              <th scope="col" className="px-3 py-2">Báo cáo năm {year}</th>
              <th scope="col" className="px-3 py-2">Danh hiệu</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <tr key={c.id} className="border-t">
                <td className="px-3 py-1.5 text-gray-500">{c.code}</td>
                <td className="px-3 py-1.5">
                  <Link href={`/quan-ly/xa/${c.id}?nam=${year}`} className="font-semibold text-brand-700 hover:underline">{c.fullName}</Link>
                </td>
                <td className="px-3 py-1.5">{c.district?.fullName ?? "–"}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  {c.assessment ? `${c.assessment.criteriaMet}/${c.assessment.criteriaTotal}` : "Chưa đánh giá"}
                </td>
                <td className="px-3 py-1.5">{c.assessment ? <ReportBadge status={c.assessment.status} /> : "–"}</td>
                <td className="px-3 py-1.5">{c.title ? <TitleBadge level={c.title.level} /> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
