import type { Metadata } from "next";
import { ImportPanel } from "@/components/imports/import-panel";
import { RecentImports } from "@/components/imports/recent-imports";
import { TemplateDownload } from "@/components/imports/template-download";
import { YearSelect } from "@/components/portal/year-select";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { importUnits, recentImports } from "@/lib/imports/queries";

export const metadata: Metadata = { title: "Nhập số liệu từ Excel" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const viewer = await requirePagePermission("import.run", "/quan-ly/nhap-lieu");
  const year = parseYear((await searchParams).nam);
  const [units, recent] = await Promise.all([importUnits(viewer, year), recentImports(viewer)]);
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Nhập số liệu tiêu chí từ Excel</h1>
          <p className="max-w-3xl text-sm text-gray-600">
            Tải tệp mẫu của tỉnh hoặc huyện (đã điền sẵn số liệu trên cổng), điền hoặc sửa số liệu, rồi tải lên. Cổng kiểm tra thử trước và chỉ
            ghi khi bạn xác nhận; lỗi ở bất kỳ dòng nào thì không ghi gì. Ô để trống giữ nguyên số liệu; hồ sơ đã trình hoặc đã công nhận không bị ghi đè.
          </p>
        </div>
        <YearSelect years={ASSESSMENT_YEARS} year={year} />
      </div>
      <TemplateDownload units={units} year={year} national={viewer.unitId === null} />
      <ImportPanel />
      <RecentImports jobs={recent} />
    </div>
  );
}
