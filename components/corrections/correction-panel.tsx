import type { AssessmentView } from "@/components/assessment/types";
import type { Viewer } from "@/lib/authz";
import { listAssessmentCorrections } from "@/lib/corrections/queries";
import type { IndicatorKind } from "@/lib/corrections/rules";
import { CorrectionList } from "./correction-list";
import { CorrectionRequestForm, type CorrectableIndicator } from "./correction-request-form";

/**
 * On a commune's report: corrections of a confirmed (locked) report — the requests with their
 * old → new differences and decisions, and the form to ask for one. Shown for confirmed reports
 * and for any dossier that has requests (their history stays visible).
 */
export async function CorrectionPanel({ viewer, view }: { viewer: Viewer; view: AssessmentView }) {
  const a = view.assessment;
  if (!a) return null;
  const corrections = await listAssessmentCorrections(viewer, { id: a.id, status: a.status, unit: view.commune });
  if (a.status !== "CONFIRMED" && corrections.requests.length === 0) return null;
  const indicators: CorrectableIndicator[] = view.criteria.flatMap((c) =>
    c.indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, criterionNumber: c.number, criterionName: c.name, kind: i.kind as IndicatorKind, unit: i.unit, value: i.value })),
  );
  return (
    <section className="grid gap-3 rounded border bg-white p-4" aria-label="Điều chỉnh số liệu đã xác nhận">
      <div>
        <h2 className="font-semibold text-brand-800">Điều chỉnh số liệu đã xác nhận</h2>
        <p className="text-xs text-gray-600">
          Số liệu của báo cáo đã xác nhận chỉ được sửa qua đề nghị điều chỉnh có lý do, được một cán bộ có thẩm quyền khác người lập phê duyệt; số liệu công khai sẽ ghi “đã điều chỉnh ngày …”.
        </p>
      </div>
      {corrections.canRequest ? (
        <details className="rounded border p-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Đề nghị điều chỉnh</summary>
          <div className="mt-3">
            <CorrectionRequestForm assessmentId={a.id} indicators={indicators} />
          </div>
        </details>
      ) : (
        corrections.blockedReason && a.status === "CONFIRMED" && <p className="text-sm text-gray-700">{corrections.blockedReason}</p>
      )}
      <CorrectionList requests={corrections.requests} empty="Chưa có đề nghị điều chỉnh nào." />
    </section>
  );
}
