"use client";
// Forms of the recognition procedure. Each says what it will do before it is pressed; the acts
// that cannot be undone (the decision, a revocation) show a summary and ask for a confirmation.
import { useActionState } from "react";
import { proposeRecognitionAction, revokeRecognitionAction, stepDossierAction } from "@/lib/recognition/actions";
import { DOSSIER_ACTION_LABELS, type DossierAction } from "@/lib/recognition/rules";
import type { ActionResult } from "@/lib/errors";

const field = "rounded border px-2 py-1 text-sm";

function Status({ state }: { state: ActionResult | null }) {
  return (
    <p role="status" aria-live="polite" className="w-full text-sm">
      {state && !state.ok && <span className="text-red-700">{state.message}</span>}
    </p>
  );
}

function FieldError({ state, name }: { state: ActionResult | null; name: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return errors ? <span className="text-xs text-red-700">{errors.join(" ")}</span> : null;
}

export function ProposeForm({ communeId, year, summary }: { communeId: number; year: number; summary: string }) {
  const [state, action, pending] = useActionState(proposeRecognitionAction, null);
  return (
    <form action={action} className="grid gap-2 rounded border p-3" aria-label="Đề nghị xét công nhận">
      <input type="hidden" name="communeId" value={communeId} />
      <input type="hidden" name="year" value={year} />
      <p className="text-sm">{summary}</p>
      <button type="submit" disabled={pending} className="justify-self-start rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Đang gửi…" : "Gửi hồ sơ đề nghị xét công nhận"}
      </button>
      <Status state={state} />
    </form>
  );
}

export interface DossierSummary {
  commune: string;
  reportYear: number;
  criteria: string;
  council: string | null;
  appraisedOn: string | null;
}

export function DossierStepForm({ dossierId, version, step, summary }: { dossierId: number; version: number; step: DossierAction; summary: DossierSummary }) {
  const [state, action, pending] = useActionState(stepDossierAction, null);
  const danger = step === "return";
  return (
    <form action={action} className={`flex flex-wrap items-end gap-2 rounded border p-3 ${danger ? "border-amber-300" : ""}`} aria-label={DOSSIER_ACTION_LABELS[step]}>
      <input type="hidden" name="action" value={step} />
      <input type="hidden" name="dossierId" value={dossierId} />
      <input type="hidden" name="version" value={version} />
      {step === "verify" && (
        <label className="grid w-full gap-0.5 text-xs">
          Ý kiến thẩm tra (không bắt buộc)
          <textarea name="note" rows={2} className={field} />
        </label>
      )}
      {step === "appraise" && (
        <>
          <label className="grid gap-0.5 text-xs">
            Ngày họp hội đồng
            <input name="appraisedOn" type="date" required className={field} />
            <FieldError state={state} name="appraisedOn" />
          </label>
          <label className="grid gap-0.5 text-xs">
            Số thành viên đồng ý
            <input name="votesFor" inputMode="numeric" required className={`${field} w-24`} />
            <FieldError state={state} name="votesFor" />
          </label>
          <label className="grid gap-0.5 text-xs">
            Tổng số thành viên
            <input name="votesTotal" inputMode="numeric" required className={`${field} w-24`} />
          </label>
        </>
      )}
      {step === "decide" && (
        <>
          <dl className="grid w-full grid-cols-[auto_1fr] gap-x-3 rounded bg-brand-50 p-2 text-sm">
            <dt className="text-gray-600">Xã</dt>
            <dd>{summary.commune}</dd>
            <dt className="text-gray-600">Báo cáo năm {summary.reportYear}</dt>
            <dd>{summary.criteria} tiêu chí đạt (đã xác nhận)</dd>
            {summary.council && (
              <>
                <dt className="text-gray-600">Hội đồng thẩm định</dt>
                <dd>{summary.council}</dd>
              </>
            )}
          </dl>
          <label className="grid gap-0.5 text-xs">
            Số quyết định
            <input name="decisionNumber" required placeholder="1234/QĐ-UBND" className={`${field} w-40`} />
            <FieldError state={state} name="decisionNumber" />
          </label>
          <label className="grid gap-0.5 text-xs">
            Ngày ký
            <input name="decisionDate" type="date" required min={summary.appraisedOn ?? undefined} className={field} />
            <FieldError state={state} name="decisionDate" />
          </label>
          <label className="grid gap-0.5 text-xs">
            Người ký
            <input name="signer" required placeholder="Chủ tịch UBND tỉnh" className={`${field} w-56`} />
          </label>
          <label className="grid gap-0.5 text-xs">
            Cơ quan ban hành
            <input name="issuer" placeholder="UBND tỉnh" className={`${field} w-56`} />
          </label>
          <label className="flex w-full items-center gap-2 text-sm">
            <input type="checkbox" name="confirmed" value="on" required /> Tôi đã đối chiếu quyết định đã ký với tóm tắt trên.
          </label>
          <FieldError state={state} name="confirmed" />
        </>
      )}
      {step === "return" && (
        <label className="grid w-full gap-0.5 text-xs">
          Lý do trả lại, nội dung cần bổ sung
          <textarea name="comment" required rows={2} className={field} />
        </label>
      )}
      <button type="submit" disabled={pending} className={`rounded px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60 ${danger ? "bg-accent hover:opacity-90" : "bg-brand-700 hover:bg-brand-800"}`}>
        {pending ? "Đang xử lý…" : DOSSIER_ACTION_LABELS[step]}
      </button>
      <Status state={state} />
    </form>
  );
}

export function RevokeForm({ recognitionId, version, decision, minDate, check }: { recognitionId: number; version: number; decision: string; minDate: string; check: string | null }) {
  const [state, action, pending] = useActionState(revokeRecognitionAction, null);
  return (
    <details className="rounded border border-red-200 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-red-800">Thu hồi quyết định công nhận…</summary>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2" aria-label="Thu hồi quyết định công nhận">
        <input type="hidden" name="recognitionId" value={recognitionId} />
        <input type="hidden" name="version" value={version} />
        <p className="w-full text-sm">
          Thu hồi {decision}. {check ?? ""}
        </p>
        <label className="grid w-full gap-0.5 text-xs">
          Lý do thu hồi
          <textarea name="reason" required rows={2} className={field} />
        </label>
        <label className="grid gap-0.5 text-xs">
          Số quyết định thu hồi
          <input name="revocationNumber" required className={`${field} w-40`} />
        </label>
        <label className="grid gap-0.5 text-xs">
          Ngày ký
          <input name="revocationDate" type="date" required min={minDate} className={field} />
          <FieldError state={state} name="revocationDate" />
        </label>
        <label className="flex w-full items-center gap-2 text-sm">
          <input type="checkbox" name="confirmed" value="on" required /> Xã không còn được tính là đạt chuẩn từ ngày thu hồi.
        </label>
        <button type="submit" disabled={pending} className="rounded bg-red-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? "Đang ghi…" : "Ghi quyết định thu hồi"}
        </button>
        <Status state={state} />
      </form>
    </details>
  );
}
