import Link from "next/link";
import type { CorrectionView } from "@/lib/corrections/queries";
import { CORRECTION_STATUS_LABELS, formatCorrectionValue, type CorrectionStatus } from "@/lib/corrections/rules";
import { formatDateTime } from "@/lib/format";
import { CorrectionDecisionForm } from "./correction-decision-form";

const STYLE: Record<CorrectionStatus, string> = {
  PENDING: "bg-amber-100 text-amber-800",
  APPROVED: "bg-green-100 text-green-800",
  REJECTED: "bg-gray-200 text-gray-700",
};

export function CorrectionStatusBadge({ status }: { status: CorrectionStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[status]}`}>{CORRECTION_STATUS_LABELS[status]}</span>;
}

/** One request: who asked when and why, the old → new difference, and the decision (or the decision forms). */
export function CorrectionCard({ request, showCommune = false }: { request: CorrectionView; showCommune?: boolean }) {
  const r = request;
  return (
    <article className="grid gap-2 rounded border bg-white p-3" aria-label={`Đề nghị điều chỉnh ${r.id}`} data-testid={`correction-${r.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {showCommune && (
            <>
              <Link href={`/quan-ly/xa/${r.commune.id}?nam=${r.year}`} className="font-semibold text-brand-700 hover:underline">
                {r.commune.name}
              </Link>
              {[r.commune.district, r.commune.province].filter(Boolean).length > 0 && <span className="text-gray-600"> ({[r.commune.district, r.commune.province].filter(Boolean).join(", ")})</span>}
              {" · "}năm {r.year} ·{" "}
            </>
          )}
          Đề nghị của {r.requestedBy} lúc {formatDateTime(r.createdAt)}
        </p>
        <CorrectionStatusBadge status={r.status} />
      </div>
      <p className="text-sm">
        <span className="text-gray-600">Lý do: </span>
        {r.reason}
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Số liệu đề nghị điều chỉnh</caption>
        <thead>
          <tr className="border-b text-left text-xs text-gray-600">
            <th className="py-1 pr-2 font-normal">Chỉ tiêu</th>
            <th className="py-1 pr-2 text-right font-normal">Giá trị cũ</th>
            <th className="py-1 pr-2 font-normal" aria-hidden="true" />
            <th className="py-1 font-normal">Giá trị mới</th>
          </tr>
        </thead>
        <tbody>
          {r.changes.map((c) => (
            <tr key={c.indicatorId} className="border-b last:border-0">
              <td className="py-1 pr-2">
                <span className="font-medium">{c.code}</span> {c.name}
              </td>
              <td className="py-1 pr-2 text-right whitespace-nowrap text-gray-600">{formatCorrectionValue(c.kind, c.before, c.unit)}</td>
              <td className="py-1 pr-2 text-gray-500" aria-hidden="true">
                →
              </td>
              <td className="py-1 whitespace-nowrap font-medium">{formatCorrectionValue(c.kind, c.after, c.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.status !== "PENDING" && (
        <p className="text-sm text-gray-700">
          {r.status === "APPROVED" ? "Phê duyệt" : "Không phê duyệt"} bởi {r.decidedBy ?? "–"} lúc {formatDateTime(r.decidedAt)}
          {r.decisionNote ? `: ${r.decisionNote}` : ""}
        </p>
      )}
      {r.canDecide && <CorrectionDecisionForm requestId={r.id} />}
      {r.ownRequest && <p className="text-xs text-gray-600">Bạn là người lập đề nghị này: cần một cán bộ có thẩm quyền khác phê duyệt.</p>}
    </article>
  );
}

export function CorrectionList({ requests, showCommune = false, empty }: { requests: CorrectionView[]; showCommune?: boolean; empty: string }) {
  if (requests.length === 0) return <p className="text-sm text-gray-600">{empty}</p>;
  return (
    <div className="grid gap-3">
      {requests.map((r) => (
        <CorrectionCard key={r.id} request={r} showCommune={showCommune} />
      ))}
    </div>
  );
}
