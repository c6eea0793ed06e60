"use client";

import { openSurveyAction, setSurveyOpenAction } from "@/lib/surveys/actions";
import { errorProps, Field, FormStatus, inputClass } from "@/components/ocop/form-field";
import { useFormAction } from "@/components/ocop/use-form-action";

/** Opens the survey of a commune for the year. */
export function OpenSurveyForm({ year, communes }: { year: number; communes: { id: number; label: string }[] }) {
  const { state, pending, formProps } = useFormAction(openSurveyAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3 rounded border bg-white p-4" aria-label="Mở khảo sát">
      <input type="hidden" name="year" value={year} />
      <Field id="survey-commune" label="Xã" errors={errors.communeId} className="min-w-64 flex-1">
        <select id="survey-commune" name="communeId" required defaultValue="" className={inputClass} {...errorProps("survey-commune", errors.communeId)}>
          <option value="">— Chọn xã —</option>
          {communes.map((c) => (
            <option key={c.id} value={c.id}>{c.label}</option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        Mở khảo sát năm {year}
      </button>
      <FormStatus state={state} success="Đã mở khảo sát." />
    </form>
  );
}

export function ToggleSurveyButton({ surveyId, open }: { surveyId: number; open: boolean }) {
  const { state, pending, formProps } = useFormAction(setSurveyOpenAction);
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="open" value={open ? "false" : "true"} />
      <button type="submit" disabled={pending} className="rounded border px-2 py-0.5 text-xs hover:bg-gray-50 disabled:opacity-60">
        {open ? "Đóng khảo sát" : "Mở lại"}
      </button>
      {state && !state.ok && <span role="status" className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
