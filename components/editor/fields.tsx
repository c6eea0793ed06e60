"use client";
// Labelled form fields with their error next to them (announced by screen readers).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { formatNumber } from "@/lib/format";

export type FieldErrorMap = Record<string, string[] | undefined>;

const inputClass = (invalid: boolean) => `w-full rounded border px-2 py-1.5 text-sm ${invalid ? "border-red-600" : "border-gray-300"}`;

function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={`${id}-error`} aria-live="polite" className="min-h-0 text-xs text-red-700">
      {message}
    </p>
  );
}

interface FieldShell {
  name: string;
  label: string;
  errors: FieldErrorMap;
  hint?: ReactNode;
  required?: boolean;
  id?: string;
  className?: string;
}

function Shell({ id, label, hint, error, required, className, children }: { id: string; label: string; hint?: ReactNode; error?: string; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={`grid content-start gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-semibold text-gray-800">
        {label}
        {required && <span className="text-red-700" aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
    </div>
  );
}

export function TextField({ name, label, errors, hint, required, id = `f-${name}`, className, ...rest }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const error = errors[name]?.[0];
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <input id={id} name={name} required={required} aria-invalid={!!error} aria-describedby={describedBy(id, hint, error)} className={inputClass(!!error)} {...rest} />
    </Shell>
  );
}

export function TextAreaField({ name, label, errors, hint, required, id = `f-${name}`, className, ...rest }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const error = errors[name]?.[0];
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <textarea id={id} name={name} required={required} aria-invalid={!!error} aria-describedby={describedBy(id, hint, error)} className={inputClass(!!error)} {...rest} />
    </Shell>
  );
}

export function SelectField({ name, label, errors, hint, required, id = `f-${name}`, className, options, placeholder, ...rest }: FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string | number; label: string }[]; placeholder?: string }) {
  const error = errors[name]?.[0];
  return (
    <Shell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <select id={id} name={name} required={required} aria-invalid={!!error} aria-describedby={describedBy(id, hint, error)} className={inputClass(!!error)} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/**
 * A file input that refuses a file too large before it is sent; the server checks again,
 * by content, whatever the browser says.
 */
export function FileField({ name, label, errors, hint, accept, maxBytes, current, removeName, id = `f-${name}`, className }: FieldShell & {
  accept: string;
  maxBytes: number;
  current?: { id: number; fileName: string; size?: number } | null;
  /** name of the "remove the current file" checkbox */
  removeName?: string;
}) {
  const error = errors[name]?.[0];
  const maxMb = Math.round(maxBytes / 1024 / 1024);
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className}>
      {current && (
        <p className="text-sm">
          Tệp hiện tại:{" "}
          <a href={`/api/tep/${current.id}`} className="text-brand-700 underline">
            {current.fileName}
          </a>
          {current.size !== undefined && <span className="text-gray-500"> ({formatNumber(current.size / 1024)} KB)</span>}
          {removeName && (
            <label className="ml-3 text-xs">
              <input type="checkbox" name={removeName} className="mr-1" />
              Gỡ tệp này
            </label>
          )}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, hint, error)}
        className="text-sm"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.setCustomValidity(f && f.size > maxBytes ? `Tệp quá lớn: tối đa ${maxMb} MB.` : "");
          e.currentTarget.reportValidity();
        }}
      />
    </Shell>
  );
}

/** The outcome of the last submit, announced politely. */
export function FormMessage({ state, success, testId }: { state: { ok: boolean; message?: string } | null; success: ReactNode; testId?: string }) {
  return (
    <p role="status" aria-live="polite" className="text-sm" data-testid={testId}>
      {state?.ok && <span className="text-green-700">{success}</span>}
      {state && !state.ok && <span className="text-red-700">{state.message}</span>}
    </p>
  );
}
