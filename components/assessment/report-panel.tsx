"use client";

import { useActionState } from "react";
import { transitionAction } from "@/lib/assessments/actions";
import { REPORT_TRANSITIONS, type ReportAction } from "@/lib/assessments/workflow";

const field = "rounded border px-2 py-1 text-sm";

/** What each step does, said on the button's form before it is pressed. */
const EXPLAIN: Record<ReportAction, (level: string) => string> = {
  submit: (level) => `Gửi báo cáo cho ${level} xác nhận. Sau khi gửi, số liệu bị khóa cho đến khi báo cáo được trả lại.`,
  confirm: () => "Xác nhận số liệu của xã: báo cáo được tính vào số liệu công khai.",
  return: () => "Trả lại để xã bổ sung, sửa số liệu.",
};

function ActionForm({ assessmentId, version, action, level }: { assessmentId: number; version: number; action: ReportAction; level: string }) {
  const [state, formAction, pending] = useActionState(transitionAction, null);
  const t = REPORT_TRANSITIONS[action];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2 rounded border p-3" aria-label={t.label}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="version" value={version} />
      <p className="w-full text-xs text-gray-600">{EXPLAIN[action](level)}</p>
      {action === "return" && (
        <label className="grid w-full gap-0.5 text-xs">
          Lý do trả lại, nội dung cần bổ sung
          <textarea name="comment" required rows={2} className={field} />
        </label>
      )}
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60 ${action === "return" ? "bg-accent hover:opacity-90" : "bg-brand-700 hover:bg-brand-800"}`}
      >
        {pending ? "Đang xử lý…" : t.label}
      </button>
      <p role="status" aria-live="polite" className="w-full text-sm">
        {state && !state.ok && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}

/** The steps of the annual report open to this viewer; the service checks every one again. */
export function ReportPanel({ assessmentId, version, actions, reviewLevel }: { assessmentId: number; version: number; actions: ReportAction[]; reviewLevel: "DISTRICT" | "PROVINCE" }) {
  if (actions.length === 0) return null;
  const level = reviewLevel === "DISTRICT" ? "huyện" : "tỉnh";
  return (
    <section className="grid gap-2" aria-label="Báo cáo kết quả thực hiện tiêu chí">
      {actions.map((a) => (
        <ActionForm key={`${a}-${version}`} assessmentId={assessmentId} version={version} action={a} level={level} />
      ))}
    </section>
  );
}
