import type { Metadata } from "next";
import { LineForm } from "@/components/capital/line-form";
import { ProvinceSelect } from "@/components/ocop/province-select";
import { YearSelect } from "@/components/portal/year-select";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { criterionOptions, unitOptionsForViewer } from "@/lib/capital/queries";
import { todayInVietnam } from "@/lib/format";
import { provinceFilter } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Thêm dòng vốn" };

export default async function NewLinePage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const viewer = await requirePagePermission("capital.edit", "/quan-ly/von/moi");
  const sp = await searchParams;
  const year = parseYear(sp.nam);
  const { provinces, provinceId } = await provinceFilter(viewer, sp.tinh, todayInVietnam());
  const [units, criteria] = await Promise.all([unitOptionsForViewer(viewer, { year, provinceId }), criterionOptions(year)]);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold text-brand-800">Thêm dòng vốn năm {year}</h1>
        <div className="flex flex-wrap gap-3">
          {provinces.length > 0 && <ProvinceSelect provinces={provinces} value={provinceId} extra={{ nam: year }} allowAll={false} />}
          <YearSelect years={ASSESSMENT_YEARS} year={year} extra={{ tinh: provinceId }} />
        </div>
      </div>
      <p className="text-sm text-gray-600">
        Số liệu mỗi năm gắn với đơn vị hành chính của năm đó (tại ngày 31/12; năm 2025: trước 1/7/2025; từ năm 2026: đơn vị mới). Số tiền ghi bằng triệu đồng, ví dụ 1.250,5.
      </p>
      {units.length > 0 ? <LineForm year={year} units={units} criteria={criteria} /> : <p className="text-sm text-gray-600">Chọn tỉnh, thành phố để thêm dòng vốn.</p>}
    </div>
  );
}
