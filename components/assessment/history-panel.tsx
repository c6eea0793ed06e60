import type { HistoryEntry } from "@/lib/assessments/queries";
import { REPORT_LABELS } from "@/lib/assessments/workflow";
import { CRITERION_STATUS_LABELS } from "@/components/portal/criterion-status-badge";
import { formatDateTime } from "@/lib/format";

// audit rows keep the words of their time: before the report and the recognition procedure were
// kept apart, one yearly dossier went through every step
const STATUS_LABELS: Record<string, string> = {
  ...REPORT_LABELS,
  VERIFIED: "Huyện đã thẩm tra",
  APPRAISED: "Tỉnh đã thẩm định",
  RECOGNISED: "Đã công nhận",
  REVOKED: "Đã thu hồi",
};

const ACTION_LABELS: Record<string, string> = {
  "report.submit": "Gửi báo cáo",
  "report.confirm": "Xác nhận báo cáo",
  "report.return": "Trả lại báo cáo",
  "assessment.submit": "Trình hồ sơ",
  "assessment.verify": "Huyện thẩm tra",
  "assessment.appraise": "Tỉnh thẩm định",
  "assessment.recognise": "Công nhận đạt chuẩn",
  "assessment.return": "Trả lại hồ sơ",
  "assessment.revoke": "Thu hồi công nhận",
  "criterion.evidence": "Đính kèm minh chứng",
};

type Payload = { criterion?: number; status?: string; values?: Record<string, unknown>; comment?: string; reason?: string; file?: string; decisionNumber?: string; votesFor?: number; votesTotal?: number; criteriaMet?: number };

function describe(e: HistoryEntry): string {
  const before = (e.before ?? {}) as Payload;
  const after = (e.after ?? {}) as Payload;
  if (e.action === "criterion.save") {
    const from = before.status ? CRITERION_STATUS_LABELS[before.status as keyof typeof CRITERION_STATUS_LABELS] : "chưa có";
    const to = after.status ? CRITERION_STATUS_LABELS[after.status as keyof typeof CRITERION_STATUS_LABELS] : "";
    const changed = Object.keys(after.values ?? {}).filter((k) => JSON.stringify(after.values?.[k]) !== JSON.stringify(before.values?.[k])).length;
    return `Lưu tiêu chí ${after.criterion}: ${from} → ${to}${changed ? ` (${changed} chỉ tiêu thay đổi)` : ""}`;
  }
  if (e.action.startsWith("correction.")) {
    const n = Object.keys(after.values ?? {}).length;
    if (e.action === "correction.request") return `Đề nghị điều chỉnh ${n} chỉ tiêu: ${after.reason ?? ""}`;
    if (e.action === "correction.approve") return `Phê duyệt điều chỉnh ${n} chỉ tiêu (sau điều chỉnh đạt ${after.criteriaMet} tiêu chí)`;
    if (e.action === "correction.reject") return `Không phê duyệt đề nghị điều chỉnh: ${after.reason ?? ""}`;
  }
  const label = ACTION_LABELS[e.action] ?? e.action;
  const extra = after.comment || after.reason || after.file || (after.decisionNumber ? `QĐ ${after.decisionNumber}` : "") || (after.votesTotal ? `${after.votesFor}/${after.votesTotal} phiếu đồng ý` : "");
  const status = after.status ? ` → ${STATUS_LABELS[after.status] ?? after.status}` : "";
  return `${label}${status}${extra ? `: ${extra}` : ""}`;
}

/** Who changed what and when (from the audit log). */
export function HistoryPanel({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section className="rounded border bg-white" aria-label="Lịch sử thay đổi">
      <h2 className="border-b px-4 py-2 font-semibold">Lịch sử thay đổi</h2>
      {entries.length === 0 ? (
        <p className="px-4 py-3 text-sm text-gray-500">Chưa có thay đổi nào được ghi nhận.</p>
      ) : (
        <ol className="max-h-96 divide-y overflow-y-auto text-sm">
          {entries.map((e) => (
            <li key={e.id} className="px-4 py-2">
              <p>{describe(e)}</p>
              <p className="text-xs text-gray-500">
                {e.who} · {formatDateTime(e.at)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
