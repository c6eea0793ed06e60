"use client";

import { useFormAction } from "@/components/ocop/use-form-action";
import { submitSurveyAction } from "@/lib/surveys/actions";
import { ANSWER_LABELS, ANSWERS, QUESTIONS } from "@/lib/surveys/rules";

/**
 * The residents' questionnaire: one choice per question, large touch targets, nothing personal
 * asked. The "website" field is a trap for form-filling robots: hidden from people and from
 * screen readers, never focused with the keyboard.
 */
export function SurveyForm({ communeId, year, answered }: { communeId: number; year: number; answered: boolean }) {
  const { state, pending, formProps } = useFormAction(submitSurveyAction);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  // after an answer the page is refreshed (the device cookie is set) and says the device has
  // answered; the thanks of this submission stay
  if (state?.ok || answered || (state && !state.ok && state.code === "CONFLICT")) {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 p-4 text-green-900" data-testid="survey-done">
        {state?.ok ? "Cảm ơn ông/bà đã gửi ý kiến! Ý kiến được ghi nhận ẩn danh." : "Thiết bị này đã gửi ý kiến cho khảo sát này. Cảm ơn ông/bà đã tham gia!"}
      </p>
    );
  }
  return (
    <form {...formProps} className="grid gap-4" aria-label="Phiếu khảo sát">
      <input type="hidden" name="communeId" value={communeId} />
      <input type="hidden" name="year" value={year} />
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">Trang web (để trống)</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {QUESTIONS.map((q, i) => {
        const error = errors[q.key]?.[0];
        return (
          <fieldset key={q.key} className="rounded border bg-white p-3" aria-describedby={error ? `${q.key}-err` : undefined}>
            <legend className="px-1 font-semibold">
              {i + 1}. {q.text}
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {ANSWERS.map((a) => (
                <label key={a} className="flex min-h-11 cursor-pointer items-center gap-3 rounded border px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name={q.key} value={a} required className="h-5 w-5 accent-brand-700" />
                  {ANSWER_LABELS[a]}
                </label>
              ))}
            </div>
            {error && (
              <p id={`${q.key}-err`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Đang gửi…" : "Gửi ý kiến"}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
