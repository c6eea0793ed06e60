import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CriterionStatusBadge } from "@/components/portal/criterion-status-badge";
import { WorkflowBadge } from "@/components/portal/status-badge";
import { thresholdText, valueText } from "@/components/portal/threshold-text";
import { YearSelect } from "@/components/portal/year-select";
import { getCommuneAssessmentView } from "@/lib/assessments/queries";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Kết quả đánh giá xã" };

export default async function CommunePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ nam?: string }> }) {
  const { id } = await params;
  const communeId = Number.parseInt(id, 10);
  const viewer = await requirePagePermission("assessment.read", `/quan-ly/xa/${id}`);
  if (!Number.isSafeInteger(communeId) || communeId <= 0) notFound();
  const year = parseYear((await searchParams).nam);
  const view = await getCommuneAssessmentView(viewer, communeId, year);
  const groups = [...new Map(view.criteria.map((c) => [c.groupOrder, c.groupName])).entries()].sort((a, b) => a[0] - b[0]);
  const a = view.assessment;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">{view.commune.fullName}</h1>
          <p className="text-sm text-gray-600">
            {[view.commune.district?.fullName, view.commune.province?.fullName].filter(Boolean).join(", ")} · Mã {view.commune.code}
          </p>
          <p className="text-sm text-gray-600">
            {view.set.name} ({view.set.decision})
          </p>
        </div>
        <YearSelect years={ASSESSMENT_YEARS} year={year} />
      </div>
      <div className="flex flex-wrap items-center gap-4 rounded border bg-white p-4">
        {a ? (
          <>
            <p className="text-lg">
              <span className="font-semibold" data-testid="criteria-met">{a.criteriaMet}/{a.criteriaTotal}</span> tiêu chí đạt
            </p>
            <WorkflowBadge status={a.status} />
            {a.decisionNumber && (
              <p className="text-sm">
                Quyết định công nhận số {a.decisionNumber} ngày {formatDate(a.decisionDate)}
              </p>
            )}
            {a.isDemo && <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800">Dữ liệu mẫu</span>}
          </>
        ) : (
          <p>Chưa có kết quả đánh giá năm {year}.</p>
        )}
      </div>
      {groups.map(([order, name]) => (
        <section key={order} className="rounded border bg-white">
          <h2 className="border-b bg-brand-50 px-4 py-2 font-semibold text-brand-800">{name}</h2>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-gray-600">
                <th scope="col" className="px-4 py-1.5">Tiêu chí / chỉ tiêu</th>
                <th scope="col" className="px-4 py-1.5">Ngưỡng</th>
                <th scope="col" className="px-4 py-1.5">Kết quả</th>
              </tr>
            </thead>
            {view.criteria
              .filter((c) => c.groupOrder === order)
              .map((c) => (
                <tbody key={c.id} className="border-t">
                  <tr className="bg-gray-50">
                    <th scope="row" className="px-4 py-1.5 text-left font-semibold">
                      {c.number}. {c.name}
                    </th>
                    <td />
                    <td className="px-4 py-1.5">{c.result ? <CriterionStatusBadge status={c.result.status} /> : "–"}</td>
                  </tr>
                  {c.indicators.map((i) => (
                    <tr key={i.id}>
                      <td className="px-4 py-1 pl-8">
                        {i.code} {i.name}
                        {i.isSample && <span className="ml-1 text-xs text-amber-700" title="Chỉ tiêu và ngưỡng mẫu, chưa đối chiếu văn bản gốc">(mẫu)</span>}
                      </td>
                      <td className="px-4 py-1 whitespace-nowrap">{thresholdText(i)}</td>
                      <td className={`px-4 py-1 whitespace-nowrap ${i.met === false ? "text-red-700" : i.met ? "text-green-700" : "text-gray-500"}`}>
                        {valueText(i)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              ))}
          </table>
        </section>
      ))}
    </div>
  );
}
