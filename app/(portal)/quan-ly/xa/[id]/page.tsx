import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CriterionForm } from "@/components/assessment/criterion-form";
import { GapList } from "@/components/assessment/gap-list";
import { HistoryPanel } from "@/components/assessment/history-panel";
import { ReportPanel } from "@/components/assessment/report-panel";
import { RecognitionPanel } from "@/components/recognition/recognition-panel";
import { CorrectionPanel } from "@/components/corrections/correction-panel";
import { SatisfactionSummary } from "@/components/surveys/satisfaction-summary";
import { ReportBadge } from "@/components/portal/status-badge";
import { YearSelect } from "@/components/portal/year-select";
import { gapsOf, getCommuneAssessmentView, listAssessmentHistory } from "@/lib/assessments/queries";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { todayInVietnam } from "@/lib/format";
import { recognitionView } from "@/lib/recognition/queries";

export const metadata: Metadata = { title: "Đánh giá tiêu chí xã" };

export default async function CommunePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ nam?: string }> }) {
  const { id } = await params;
  const communeId = Number.parseInt(id, 10);
  const viewer = await requirePagePermission("assessment.read", `/quan-ly/xa/${id}`);
  if (!Number.isSafeInteger(communeId) || communeId <= 0) notFound();
  const year = parseYear((await searchParams).nam);
  const view = await getCommuneAssessmentView(viewer, communeId, year);
  const [history, recognition] = await Promise.all([
    view.assessment ? listAssessmentHistory(viewer, view.assessment.id) : [],
    recognitionView(viewer, view.commune, year, todayInVietnam()),
  ]);
  const groups = [...new Map(view.criteria.map((c) => [c.groupOrder, c.groupName])).entries()].sort((a, b) => a[0] - b[0]);
  const a = view.assessment;
  const criteriaMet = a?.criteriaMet ?? 0;
  const total = view.set.criteriaTotal;
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

      <div className="sticky top-0 z-10 grid gap-2 rounded border bg-white p-3 shadow-sm">
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-lg">
            <span className="font-semibold" data-testid="criteria-met">
              {criteriaMet}/{total}
            </span>{" "}
            tiêu chí đạt
          </p>
          <div className="h-2 min-w-40 flex-1 overflow-hidden rounded bg-gray-200" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={criteriaMet} aria-label="Tiến độ tiêu chí">
            <div className="h-full bg-brand-600" style={{ width: `${(criteriaMet * 100) / total}%` }} />
          </div>
          {a ? <ReportBadge status={a.status} /> : <span className="text-sm text-gray-600">Chưa có báo cáo năm {year}</span>}
          {a?.isDemo && <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800">Dữ liệu mẫu</span>}
        </div>
        {a?.status === "RETURNED" && a.returnComment && <p className="text-sm text-amber-800">Báo cáo được trả lại: {a.returnComment}</p>}
        {!view.canEdit && a && a.status !== "DRAFT" && a.status !== "RETURNED" && (
          <p className="text-xs text-gray-600">Số liệu đã khóa khi báo cáo được gửi; chỉ mở lại khi báo cáo được trả lại để bổ sung (báo cáo đã xác nhận: qua đề nghị điều chỉnh).</p>
        )}
      </div>

      {a && <ReportPanel assessmentId={a.id} version={a.version} actions={view.actions} reviewLevel={view.reviewLevel} />}
      <RecognitionPanel view={recognition} commune={view.commune} />
      <CorrectionPanel viewer={viewer} view={view} />

      <div className="grid gap-4 xl:grid-cols-[1fr_22rem]">
        <div className="grid content-start gap-4">
          {groups.map(([order, name]) => (
            <section key={order} className="grid gap-2" aria-label={name}>
              <h2 className="font-semibold text-brand-800">{name}</h2>
              {view.criteria
                .filter((c) => c.groupOrder === order)
                .map((c) => (
                  <CriterionForm key={c.id} communeId={view.commune.id} year={year} criterion={c} canEdit={view.canEdit} />
                ))}
            </section>
          ))}
        </div>
        <aside className="grid content-start gap-4">
          <SatisfactionSummary communeId={view.commune.id} year={year} />
          <section className="rounded border bg-white" aria-label="Chỉ tiêu gần đạt">
            <h2 className="border-b px-4 py-2 font-semibold">Chỉ tiêu chưa đạt, gần đạt nhất</h2>
            <div className="max-h-96 overflow-y-auto px-4 py-2">
              <GapList gaps={gapsOf(view).slice(0, 15)} />
            </div>
          </section>
          <HistoryPanel entries={history} />
        </aside>
      </div>
    </div>
  );
}
