import type { Metadata } from "next";
import Link from "next/link";
import { ProvinceSelect } from "@/components/ocop/province-select";
import { YearSelect } from "@/components/portal/year-select";
import { OpenSurveyForm, ToggleSurveyButton } from "@/components/surveys/survey-admin";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { hasPermission } from "@/lib/authz";
import { formatNumber, formatPercent, todayInVietnam } from "@/lib/format";
import { FEEDBACK_TARGET_PERCENT } from "@/lib/surveys/rules";
import { communesWithoutSurvey, listSurveysForViewer, shareOfCommunesCollectingFeedback } from "@/lib/surveys/queries";
import { provinceFilter } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Khảo sát sự hài lòng" };

export default async function SurveysPage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const viewer = await requirePagePermission("assessment.read", "/quan-ly/khao-sat");
  const sp = await searchParams;
  const year = parseYear(sp.nam);
  const { provinces, provinceId } = await provinceFilter(viewer, sp.tinh, todayInVietnam());
  const canOpen = hasPermission(viewer.role, "assessment.edit");
  const [surveys, withoutSurvey] = await Promise.all([
    listSurveysForViewer(viewer, { year, provinceId }),
    communesWithoutSurvey(viewer, { year, provinceId }),
  ]);
  // national viewers: the dashboard's figure; others: their communes (with or without a survey)
  const share =
    viewer.unitId === null
      ? (await shareOfCommunesCollectingFeedback({ year, provinceId })).share
      : surveys.length + withoutSurvey.length
        ? (surveys.filter((s) => s.responses > 0).length * 100) / (surveys.length + withoutSurvey.length)
        : null;
  const collecting = surveys.filter((s) => s.responses > 0).length;
  const responses = surveys.reduce((s, r) => s + r.responses, 0);
  const satisfied = surveys.reduce((s, r) => s + r.satisfied, 0);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Khảo sát sự hài lòng của người dân năm {year}</h1>
          <p className="text-sm text-gray-600">
            QĐ 18/2022/QĐ-TTg: sự hài lòng của người dân là điều kiện công nhận xã đạt chuẩn; chương trình 2021–2025 đặt mục tiêu ít nhất {FEEDBACK_TARGET_PERCENT}% số xã lấy ý kiến người dân trực tuyến.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {provinces.length > 0 && <ProvinceSelect provinces={provinces} value={provinceId} extra={{ nam: year }} />}
          <YearSelect years={ASSESSMENT_YEARS} year={year} extra={{ tinh: provinceId }} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div className="rounded bg-brand-50 p-3" data-testid="survey-collecting">
          <dt className="text-sm text-gray-700">Xã đã có ý kiến trực tuyến</dt>
          <dd className="text-2xl font-semibold text-brand-800">{formatNumber(collecting)}</dd>
        </div>
        <div className="rounded bg-brand-50 p-3" data-testid="survey-share">
          <dt className="text-sm text-gray-700">Tỷ lệ xã lấy ý kiến (mục tiêu {FEEDBACK_TARGET_PERCENT}%)</dt>
          <dd className="text-2xl font-semibold text-brand-800">{formatPercent(share)}</dd>
        </div>
        <div className="rounded bg-brand-50 p-3">
          <dt className="text-sm text-gray-700">Ý kiến nhận được</dt>
          <dd className="text-2xl font-semibold text-brand-800">{formatNumber(responses)}</dd>
        </div>
        <div className="rounded bg-brand-50 p-3">
          <dt className="text-sm text-gray-700">Hài lòng (chung)</dt>
          <dd className="text-2xl font-semibold text-brand-800">{formatPercent(responses ? (satisfied * 100) / responses : null)}</dd>
        </div>
      </dl>

      {canOpen && withoutSurvey.length > 0 && <OpenSurveyForm year={year} communes={withoutSurvey} />}

      <section className="rounded border bg-white" aria-label="Kết quả theo xã">
        <h2 className="border-b px-4 py-2 font-semibold">Kết quả theo xã</h2>
        {surveys.length === 0 ? (
          <p className="px-4 py-3 text-sm text-gray-600">Chưa có khảo sát nào trong năm {year}.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="survey-table">
              <thead>
                <tr className="bg-brand-50 text-left">
                  <th scope="col" className="px-3 py-2">Xã</th>
                  <th scope="col" className="px-3 py-2 text-right">Số ý kiến</th>
                  <th scope="col" className="px-3 py-2 text-right">Hài lòng</th>
                  <th scope="col" className="px-3 py-2">Trạng thái</th>
                  <th scope="col" className="px-3 py-2">Đường dẫn cho người dân</th>
                </tr>
              </thead>
              <tbody>
                {surveys.map((s) => (
                  <tr key={s.surveyId} className="border-t">
                    <td className="px-3 py-1.5">
                      {s.commune}
                      {s.district && <span className="block text-xs text-gray-500">{s.district}</span>}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(s.responses)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatPercent(s.percent)}</td>
                    <td className="px-3 py-1.5">
                      {s.open ? "Đang mở" : "Đã đóng"} {canOpen && <ToggleSurveyButton surveyId={s.surveyId} open={s.open} />}
                    </td>
                    <td className="px-3 py-1.5">
                      <Link href={`/khao-sat/${s.communeId}/${s.year}`} className="text-brand-700 underline">/khao-sat/{s.communeId}/{s.year}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
