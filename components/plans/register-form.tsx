"use client";

import Link from "next/link";
import { registerPlanEntryAction } from "@/lib/plans/actions";
import { PLAN_TARGET_LABELS, PLAN_TARGETS } from "@/lib/plans/rules";
import { errorProps, Field, FormStatus, inputClass } from "@/components/ocop/form-field";
import { useFormAction } from "@/components/ocop/use-form-action";

/** Registers a commune in the year plan; its roadmap is prefilled with the criteria it has not met. */
export function RegisterForm({ year, communes }: { year: number; communes: { id: number; label: string }[] }) {
  const { state, pending, formProps } = useFormAction(registerPlanEntryAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form {...formProps} className="grid gap-3 rounded border bg-white p-4" aria-label="Đăng ký xã vào kế hoạch">
      <input type="hidden" name="year" value={year} />
      <div className="grid gap-3 md:grid-cols-4">
        <Field id="communeId" label="Xã" errors={errors.communeId} className="md:col-span-2">
          <select id="communeId" name="communeId" required defaultValue="" className={inputClass} {...errorProps("communeId", errors.communeId)}>
            <option value="">— Chọn xã —</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
        </Field>
        <Field id="target" label="Mục tiêu" errors={errors.target}>
          <select id="target" name="target" defaultValue="NTM" className={inputClass} {...errorProps("target", errors.target)}>
            {PLAN_TARGETS.map((t) => (
              <option key={t} value={t}>{PLAN_TARGET_LABELS[t]}</option>
            ))}
          </select>
        </Field>
        <Field id="targetDate" label="Ngày dự kiến đạt" errors={errors.targetDate}>
          <input id="targetDate" name="targetDate" type="date" min={`${year}-01-01`} max={`${year}-12-31`} className={inputClass} {...errorProps("targetDate", errors.targetDate)} />
        </Field>
      </div>
      <Field id="note" label="Ghi chú" errors={errors.note}>
        <input id="note" name="note" className={inputClass} {...errorProps("note", errors.note)} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang đăng ký…" : `Đăng ký vào kế hoạch năm ${year}`}
        </button>
        <FormStatus
          state={state}
          testId="register-status"
          success={
            state?.ok ? (
              <>
                Đã đăng ký; lộ trình gồm {state.data.roadmapItems} tiêu chí chưa đạt.{" "}
                <Link href={`/quan-ly/ke-hoach/${state.data.id}`} className="underline">Xem lộ trình</Link>
              </>
            ) : null
          }
        />
      </div>
    </form>
  );
}
