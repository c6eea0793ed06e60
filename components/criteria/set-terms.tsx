import { formatDate } from "@/lib/format";

export interface SetTermsProps {
  decision: string;
  decisionDate: Date | null;
  inForceFrom: Date | null;
  inForceTo: Date | null;
  firstReportYear: number | null;
  lastReportYear: number | null;
  note: string | null;
  amendments: { decision: string; inForceFrom: Date; summary: string; indicatorsHeld: boolean }[];
}

/** A criteria set's legal dates, the report years it judges, and its amendments. */
export function SetTerms(p: SetTermsProps) {
  const years = p.firstReportYear === null ? null : p.lastReportYear === null ? `từ năm ${p.firstReportYear}` : `${p.firstReportYear}–${p.lastReportYear}`;
  return (
    <dl className="grid gap-x-4 gap-y-1 rounded border bg-white p-3 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-gray-600">Văn bản</dt>
      <dd>
        QĐ {p.decision}
        {p.decisionDate && <> ngày {formatDate(p.decisionDate)}</>}
      </dd>
      <dt className="text-gray-600">Hiệu lực</dt>
      <dd>
        {p.inForceFrom ? `từ ${formatDate(p.inForceFrom)}` : "–"}
        {p.inForceTo ? ` đến hết ${formatDate(p.inForceTo)}` : p.inForceFrom ? " (đang áp dụng)" : ""}
      </dd>
      {years && (
        <>
          <dt className="text-gray-600">Áp dụng cho báo cáo năm</dt>
          <dd>
            {years} <span className="text-xs text-gray-500">(bộ tiêu chí có hiệu lực ngày 31/12 của năm báo cáo)</span>
          </dd>
        </>
      )}
      {p.amendments.map((a) => (
        <div key={a.decision} className="contents">
          <dt className="text-gray-600">Sửa đổi</dt>
          <dd>
            QĐ {a.decision}, hiệu lực từ {formatDate(a.inForceFrom)}. {a.summary}
            {!a.indicatorsHeld && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">chưa có chỉ tiêu sửa đổi</span>}
          </dd>
        </div>
      ))}
      {p.note && (
        <>
          <dt className="text-gray-600">Ghi chú</dt>
          <dd className="text-gray-700">{p.note}</dd>
        </>
      )}
    </dl>
  );
}
