"use client";

import { useFormAction } from "@/components/editor/use-form-action";
import { approveCorrectionAction, rejectCorrectionAction } from "@/lib/corrections/actions";

const field = "rounded border px-2 py-1 text-sm";

/** Approve (with an optional note) or reject (with a reason) one pending request. */
export function CorrectionDecisionForm({ requestId }: { requestId: number }) {
  const approve = useFormAction(approveCorrectionAction);
  const reject = useFormAction(rejectCorrectionAction);
  if (approve.state?.ok) {
    return (
      <p role="status" className="text-sm text-green-800">
        Đã phê duyệt và áp dụng điều chỉnh. Xã đạt {approve.state.data.criteriaMet}/{approve.state.data.criteriaTotal} tiêu chí sau điều chỉnh.
      </p>
    );
  }
  if (reject.state?.ok) {
    return (
      <p role="status" className="text-sm text-gray-700">
        Đã từ chối đề nghị điều chỉnh.
      </p>
    );
  }
  return (
    <div className="grid gap-2 md:grid-cols-2">
      <form ref={approve.formRef} onSubmit={approve.onSubmit} className="grid content-start gap-1 rounded border border-green-200 p-2" aria-label={`Phê duyệt đề nghị ${requestId}`}>
        <input type="hidden" name="requestId" value={requestId} />
        <label className="grid gap-0.5 text-xs">
          Ghi chú phê duyệt (không bắt buộc)
          <input name="note" className={field} />
        </label>
        <div>
          <button type="submit" disabled={approve.pending} className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {approve.pending ? "Đang áp dụng…" : "Phê duyệt và áp dụng"}
          </button>
        </div>
        <p role="status" aria-live="polite" className="text-sm">
          {approve.state && !approve.state.ok && <span className="text-red-700">{approve.state.message}</span>}
        </p>
      </form>
      <form ref={reject.formRef} onSubmit={reject.onSubmit} className="grid content-start gap-1 rounded border border-red-200 p-2" aria-label={`Từ chối đề nghị ${requestId}`}>
        <input type="hidden" name="requestId" value={requestId} />
        <label className="grid gap-0.5 text-xs">
          Lý do không phê duyệt
          <textarea
            name="note"
            rows={2}
            className={field}
            aria-invalid={reject.fieldErrors.note ? true : undefined}
            aria-describedby={reject.fieldErrors.note ? `reject-err-${requestId}` : undefined}
          />
        </label>
        {reject.fieldErrors.note && (
          <p id={`reject-err-${requestId}`} className="text-xs text-red-700">
            {reject.fieldErrors.note.join(" ")}
          </p>
        )}
        <div>
          <button type="submit" disabled={reject.pending} className="rounded bg-accent px-3 py-1 text-sm font-semibold text-white hover:opacity-90 disabled:opacity-60">
            {reject.pending ? "Đang xử lý…" : "Từ chối"}
          </button>
        </div>
        <p role="status" aria-live="polite" className="text-sm">
          {reject.state && !reject.state.ok && !reject.fieldErrors.note && <span className="text-red-700">{reject.state.message}</span>}
        </p>
      </form>
    </div>
  );
}
