"use client";
// The assignee's status update: not started / in progress / done (with the completion date).
import { useState } from "react";
import { FieldError, FormMessage } from "@/components/editor/fields";
import { useFormAction } from "@/components/editor/use-form-action";
import type { TaskActionResult } from "@/lib/tasks/actions";

const OPTIONS = [
  { value: "NOT_STARTED", label: "Chưa thực hiện" },
  { value: "IN_PROGRESS", label: "Đang thực hiện" },
  { value: "DONE", label: "Đã hoàn thành" },
] as const;

export function TaskStatusForm({ taskId, version, status, completedAt, today, action }: {
  taskId: number;
  version: number;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE";
  /** "2026-11-22" or "" */
  completedAt: string;
  today: string;
  action: (prev: TaskActionResult | null, form: FormData) => Promise<TaskActionResult>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const [chosen, setChosen] = useState<string>(status);
  const current = Math.max(version, state?.ok ? state.data.version : 0);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-3" noValidate data-testid="task-status-form">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={current} />
      <fieldset className="grid gap-1">
        <legend className="text-sm font-semibold">Tình trạng thực hiện</legend>
        <div className="flex flex-wrap gap-4">
          {OPTIONS.map((o) => (
            <label key={o.value} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="status" value={o.value} checked={chosen === o.value} onChange={() => setChosen(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        <FieldError id="f-status" message={fieldErrors.status?.[0]} />
      </fieldset>
      {chosen === "DONE" && (
        <div className="grid max-w-xs gap-1">
          <label htmlFor="f-completedAt" className="text-sm font-semibold">Ngày hoàn thành</label>
          <input
            id="f-completedAt"
            name="completedAt"
            type="date"
            defaultValue={completedAt || today}
            max={today}
            aria-invalid={!!fieldErrors.completedAt}
            aria-describedby="f-completedAt-error"
            className={`rounded border px-2 py-1 text-sm ${fieldErrors.completedAt ? "border-red-600" : "border-gray-300"}`}
          />
          <FieldError id="f-completedAt" message={fieldErrors.completedAt?.[0]} />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : "Cập nhật tình trạng"}
        </button>
        <FormMessage state={state} success="Đã cập nhật tình trạng nhiệm vụ." testId="task-status-message" />
      </div>
    </form>
  );
}
