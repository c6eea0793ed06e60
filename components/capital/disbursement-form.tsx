"use client";

import { addDisbursementAction, deleteDisbursementAction } from "@/lib/capital/actions";
import { formatMoneyMillions } from "@/lib/format";
import { errorProps, Field, FormStatus, inputClass } from "@/components/ocop/form-field";
import { useFormAction } from "@/components/ocop/use-form-action";

/** Records a payment on a line; the server refuses it above the allocation, before the year, after the deadline or in the future. */
export function DisbursementForm({ lineId, remaining }: { lineId: number; remaining: number }) {
  const { state, pending, formProps } = useFormAction(addDisbursementAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form {...formProps} className="grid gap-3 rounded border bg-white p-4" aria-label="Ghi giải ngân">
      <input type="hidden" name="lineId" value={lineId} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="date" label="Ngày giải ngân" errors={errors.date}>
          <input id="date" name="date" type="date" required className={inputClass} {...errorProps("date", errors.date)} />
        </Field>
        <Field id="amount" label="Số tiền (triệu đồng)" hint={`Còn có thể giải ngân: ${formatMoneyMillions(remaining)}.`} errors={errors.amount}>
          <input id="amount" name="amount" inputMode="decimal" required className={`${inputClass} text-right tabular-nums`} {...errorProps("amount", errors.amount)} />
        </Field>
        <Field id="note" label="Ghi chú (chứng từ, nội dung)" errors={errors.note}>
          <input id="note" name="note" className={inputClass} {...errorProps("note", errors.note)} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : "Ghi giải ngân"}
        </button>
        <FormStatus state={state} testId="disbursement-status" success={state?.ok ? `Đã ghi. Tổng giải ngân của dòng vốn: ${formatMoneyMillions(state.data.disbursed)}.` : null} />
      </div>
    </form>
  );
}

export function DeleteDisbursementButton({ disbursementId }: { disbursementId: number }) {
  const { state, pending, formProps } = useFormAction(deleteDisbursementAction, { confirm: "Xóa khoản giải ngân này?" });
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="disbursementId" value={disbursementId} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 underline disabled:opacity-60">Xóa</button>
      {state && !state.ok && <span role="status" className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
