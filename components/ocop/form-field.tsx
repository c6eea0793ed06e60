// Small form pieces shared by the OCOP, capital, plan and survey forms: a labelled field whose
// server-side error is tied to the control (aria-describedby) and announced.
import type { ReactNode } from "react";

export const inputClass = "w-full rounded border px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-err`} className="text-xs text-red-700" aria-live="polite">
      {errors[0]}
    </p>
  );
}

/** A label above its control; `children` gets the id and the error ids through the props the caller passes. */
export function Field({ id, label, hint, errors, children, className = "" }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode; className?: string }) {
  return (
    <div className={`grid content-start gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-gray-500">{hint}</p>}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

/** Props tying a control to its error message. */
export function errorProps(id: string, errors?: string[]) {
  return errors?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-err` } : {};
}

/** The outcome line of a form: the message of a refused action, or a success text. */
export function FormStatus({ state, success, testId }: { state: { ok: boolean; message?: string } | null; success?: ReactNode; testId?: string }) {
  return (
    <p role="status" aria-live="polite" className="text-sm" data-testid={testId}>
      {state?.ok && success && <span className="text-green-700">{success}</span>}
      {state && !state.ok && <span className="text-red-700">{state.message}</span>}
    </p>
  );
}
