import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { CorrectionNotice } from "@/components/corrections/correction-notice";
import { latestCorrectionDate } from "@/lib/corrections/queries";
import { parsePeriod } from "@/lib/dashboard/period";
import { resolveDashboardUnit } from "@/lib/dashboard/scope";

export const metadata: Metadata = {
  title: "Số liệu",
  description: "Số liệu công khai về kết quả xây dựng nông thôn mới: số xã đạt chuẩn, bình quân tiêu chí/xã, theo tỉnh và toàn quốc.",
};
export const dynamic = "force-dynamic";

type Search = { nam?: string; giai_doan?: string; "den-ngay"?: string; tinh?: string; huyen?: string; xem?: string };

export default async function PublicStatisticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const period = parsePeriod(sp);
  const unit = await resolveDashboardUnit(null, sp);
  const correctedAt = await latestCorrectionDate(period.year, unit.scope);
  return (
    <div className="grid gap-4">
      <DashboardHeader
        title="Số liệu nông thôn mới"
        unit={unit}
        period={period}
        basePath="/so-lieu"
        canGoUp
        keep={{ tinh: unit.level === "PROVINCE" ? unit.unitId ?? undefined : undefined, huyen: unit.level === "DISTRICT" ? unit.unitId ?? undefined : undefined }}
      />
      <p className="text-sm text-gray-600">
        “Xã đạt chuẩn” là xã có quyết định công nhận còn hiệu lực; số tiêu chí lấy từ báo cáo đã được cấp trên xác nhận. Dữ liệu mở:{" "}
        <a className="text-brand-700 underline" href={`/api/v1/thong-ke?nam=${period.year}&den-ngay=${period.asOf.toISOString().slice(0, 10)}`}>/api/v1/thong-ke?nam={period.year}&amp;den-ngay={period.asOf.toISOString().slice(0, 10)}</a> (JSON, thêm <code>&amp;dinh_dang=csv</code> để tải CSV).
      </p>
      {correctedAt && <CorrectionNotice year={period.year} correctedAt={correctedAt} />}
      <DashboardView unit={unit} year={period.year} asOf={period.asOf} byTodaysProvinces={sp.xem === "hien-nay"} publicOnly basePath="/so-lieu" />
    </div>
  );
}
