"use client";

import { useActionState } from "react";
import { transitionAction } from "@/lib/assessments/actions";
import { TRANSITIONS, type WorkflowAction } from "@/lib/assessments/workflow";

const field = "rounded border px-2 py-1 text-sm";

function ActionFields({ action }: { action: WorkflowAction }) {
  switch (action) {
    case "appraise":
      return (
        <>
          <label className="grid gap-0.5 text-xs">
            Số thành viên hội đồng đồng ý
            <input name="votesFor" inputMode="numeric" required className={`${field} w-24`} />
          </label>
          <label className="grid gap-0.5 text-xs">
            Tổng số thành viên
            <input name="votesTotal" inputMode="numeric" required className={`${field} w-24`} />
          </label>
        </>
      );
    case "recognise":
      return (
        <>
          <label className="grid gap-0.5 text-xs">
            Số quyết định
            <input name="decisionNumber" required placeholder="1234/QĐ-UBND" className={`${field} w-40`} />
          </label>
          <label className="grid gap-0.5 text-xs">
            Ngày quyết định
            <input name="decisionDate" type="date" required className={field} />
          </label>
          <label className="grid gap-0.5 text-xs">
            Người ký
            <input name="decisionSigner" required className={`${field} w-56`} />
          </label>
        </>
      );
    case "return":
      return (
        <label className="grid w-full gap-0.5 text-xs">
          Lý do trả lại, nội dung cần bổ sung
          <textarea name="comment" required rows={2} className={field} />
        </label>
      );
    case "revoke":
      return (
        <>
          <label className="grid w-full gap-0.5 text-xs">
            Lý do thu hồi
            <textarea name="reason" required rows={2} className={field} />
          </label>
          <label className="grid gap-0.5 text-xs">
            Số quyết định thu hồi
            <input name="decisionNumber" required className={`${field} w-40`} />
          </label>
          <label className="grid gap-0.5 text-xs">
            Ngày quyết định
            <input name="decisionDate" type="date" required className={field} />
          </label>
        </>
      );
    default:
      return null;
  }
}

function ActionForm({ assessmentId, version, action }: { assessmentId: number; version: number; action: WorkflowAction }) {
  const [state, formAction, pending] = useActionState(transitionAction, null);
  const t = TRANSITIONS[action];
  const danger = action === "return" || action === "revoke";
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2 rounded border p-3" aria-label={t.label}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="version" value={version} />
      <ActionFields action={action} />
      <button type="submit" disabled={pending} className={`rounded px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60 ${danger ? "bg-accent hover:opacity-90" : "bg-brand-700 hover:bg-brand-800"}`}>
        {pending ? "Đang xử lý…" : t.label}
      </button>
      <p role="status" aria-live="polite" className="w-full text-sm">
        {state && !state.ok && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}

/** The steps open to this viewer on the dossier; the service checks every one again. */
export function WorkflowPanel({ assessmentId, version, actions }: { assessmentId: number; version: number; actions: WorkflowAction[] }) {
  if (actions.length === 0) return null;
  return (
    <section className="grid gap-2" aria-label="Xử lý hồ sơ">
      {actions.map((a) => (
        <ActionForm key={`${a}-${version}`} assessmentId={assessmentId} version={version} action={a} />
      ))}
    </section>
  );
}
