import type { Metadata } from "next";
import Link from "next/link";
import { ProvinceSelect } from "@/components/ocop/province-select";
import { YearSelect } from "@/components/portal/year-select";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { formatNumber, todayInVietnam } from "@/lib/format";
import { projectionsForViewer } from "@/lib/plans/queries";
import { PLAN_TARGET_SHORT, PROJECTION_MAX_YEARS, PROJECTION_WINDOW_YEARS, projectionText } from "@/lib/plans/rules";
import { provinceFilter } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Dự báo năm đạt chuẩn" };

export default async function ProjectionPage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/ke-hoach/du-bao");
  const sp = await searchParams;
  const year = parseYear(sp.nam);
  const filter = await provinceFilter(viewer, sp.tinh, todayInVietnam());
  const { provinces } = filter;
  // the forecast needs one province: Thái Nguyên until another is chosen
  const provinceId = viewer.unitId === null ? (filter.provinceId ?? provinces.find((p) => p.code === "19")?.id) : undefined;
  const rows = await projectionsForViewer(viewer, { year, provinceId });
  const notReached = rows.filter((r) => r.projection.kind !== "REACHED");
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm"><Link href={`/quan-ly/ke-hoach?nam=${year}`} className="text-brand-700 hover:underline">← Kế hoạch năm {year}</Link></p>
          <h1 className="text-xl font-semibold text-brand-800">Dự báo năm đạt chuẩn của các xã (số liệu đến năm {year})</h1>
        </div>
        <div className="flex flex-wrap gap-3">
          {provinces.length > 0 && <ProvinceSelect provinces={provinces} value={provinceId} extra={{ nam: year }} allowAll={false} />}
          <YearSelect years={ASSESSMENT_YEARS} year={year} extra={{ tinh: provinceId }} />
        </div>
      </div>
      <section className="rounded border bg-white p-4 text-sm" aria-label="Cách tính">
        <h2 className="mb-1 font-semibold">Cách tính</h2>
        <p>
          Với mỗi xã chưa đạt đủ tiêu chí, lấy số tiêu chí đạt trong tối đa {PROJECTION_WINDOW_YEARS} năm gần nhất đánh giá theo cùng bộ tiêu chí của năm {year} (bộ tiêu chí mới tính lại từ đầu), kẻ
          đường thẳng xu hướng theo phương pháp bình phương nhỏ nhất (số tiêu chí đạt theo năm) và lấy năm đầu tiên sau năm đánh giá gần nhất mà đường xu hướng đạt đủ số tiêu chí của bộ.
          Cần ít nhất 2 năm số liệu và xu hướng tăng; nếu không, ghi “Không xác định”. Dự báo xa hơn {PROJECTION_MAX_YEARS} năm ghi “Sau năm …”. Đây là ước lượng theo xu hướng, không phải kế hoạch.
        </p>
      </section>
      <section className="rounded border bg-white" aria-label="Dự báo">
        <p className="border-b px-4 py-2 text-sm text-gray-600">
          {formatNumber(notReached.length)} xã chưa đạt đủ tiêu chí · {formatNumber(rows.length - notReached.length)} xã đã đạt đủ tiêu chí
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="projection-table">
            <thead>
              <tr className="bg-brand-50 text-left">
                <th scope="col" className="px-3 py-2">Xã</th>
                <th scope="col" className="px-3 py-2">Số tiêu chí đạt qua các năm</th>
                <th scope="col" className="px-3 py-2 text-right">Xu hướng (tiêu chí/năm)</th>
                <th scope="col" className="px-3 py-2">Dự báo đạt chuẩn</th>
                <th scope="col" className="px-3 py-2">Đăng ký năm {year}</th>
              </tr>
            </thead>
            <tbody>
              {notReached.map((r) => (
                <tr key={r.communeId} className="border-t">
                  <td className="px-3 py-1.5">
                    <Link href={`/quan-ly/xa/${r.communeId}?nam=${year}`} className="text-brand-700 hover:underline">{r.commune}</Link>
                    {r.district && <span className="block text-xs text-gray-500">{r.district}</span>}
                  </td>
                  <td className="px-3 py-1.5 tabular-nums">{r.points.map((p) => `${p.year}: ${p.criteriaMet}`).join(" · ")} (trên {r.criteriaTotal})</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{"slope" in r.projection ? formatNumber(r.projection.slope, 2) : "–"}</td>
                  <td className="px-3 py-1.5 font-semibold">{projectionText(r.projection)}</td>
                  <td className="px-3 py-1.5">{r.registered ? PLAN_TARGET_SHORT[r.registered] : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
