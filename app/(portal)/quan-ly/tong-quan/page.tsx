import type { Metadata } from "next";
import { BandChart } from "@/components/dashboard/band-chart";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { YearSelect } from "@/components/portal/year-select";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { bandsFor } from "@/lib/criteria/rules";
import { figuresFor } from "@/lib/dashboard/queries";
import { formatNumber, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Tổng quan" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/tong-quan");
  const year = parseYear((await searchParams).nam);
  const scope =
    viewer.unitLevel === "PROVINCE" ? { provinceId: viewer.unitId! } : viewer.unitLevel === "DISTRICT" ? { districtId: viewer.unitId! } : {};
  const figures = await figuresFor({ year, ...scope });
  const bands = bandsFor(figures.criteriaTotal).map((b) => ({ key: b.key, label: b.label, communes: figures.bands[b.key] ?? 0 }));
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold text-brand-800">Tổng quan: {viewer.unitName ?? "Toàn quốc"}</h1>
        <YearSelect years={ASSESSMENT_YEARS} year={year} />
      </div>
      <section className="rounded border bg-white p-4">
        <KeyFigures figures={figures} scopeLabel={viewer.unitName ?? "Các xã có số liệu"} />
      </section>
      <section className="rounded border bg-white p-4">
        <h2 className="mb-2 font-semibold">Số xã theo số tiêu chí đạt</h2>
        <BandChart data={bands} />
        <table className="mt-4 w-full max-w-lg text-sm" data-testid="band-table">
          <caption className="text-left text-gray-600">Bảng số liệu của biểu đồ</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1">Nhóm</th>
              <th scope="col" className="py-1 text-right">Số xã</th>
              <th scope="col" className="py-1 text-right">Tỷ lệ</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b) => (
              <tr key={b.key} className="border-t">
                <td className="py-1">{b.label}</td>
                <td className="py-1 text-right tabular-nums">{formatNumber(b.communes)}</td>
                <td className="py-1 text-right tabular-nums">
                  {formatPercent(figures.communesAssessed ? (b.communes * 100) / figures.communesAssessed : 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
