"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * A server action driven from onSubmit: what the user typed stays in the form when the server
 * refuses it (a form `action` would reset the fields), the clicked button's name/value is sent,
 * and after a refusal the focus moves to the first field marked invalid.
 */
export function useFormAction<T>(action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // a file refused in the browser (too large) is not sent at all
    const refusedFile = [...e.currentTarget.querySelectorAll<HTMLInputElement>('input[type="file"]')].find((f) => !f.checkValidity());
    if (refusedFile) {
      refusedFile.reportValidity();
      return;
    }
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(form));
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, pending, onSubmit, formRef, fieldErrors };
}
