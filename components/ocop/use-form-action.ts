"use client";
// A server action bound to a form that keeps what was typed: React resets a form after its
// `action` runs, which would wipe the fields of a refused submission together with the message
// telling what to fix. Here the form is submitted in a transition instead, and cleared only on
// success when asked to.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

export function useFormAction<S extends { ok: boolean }>(
  action: (prev: S | null, form: FormData) => Promise<S>,
  opts: { resetOnSuccess?: boolean; confirm?: string } = {},
) {
  const [state, dispatch, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (opts.resetOnSuccess && state?.ok) ref.current?.reset();
  }, [state, opts.resetOnSuccess]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (opts.confirm && !window.confirm(opts.confirm)) return;
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { ref, onSubmit } };
}
