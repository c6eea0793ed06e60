"use client";
// A dated progress note with an optional result file (PDF or image, ≤ 10 MB).
import { useEffect, useState } from "react";
import { FileField, FormMessage, TextAreaField, TextField } from "@/components/editor/fields";
import { useFormAction } from "@/components/editor/use-form-action";
import type { TaskActionResult } from "@/lib/tasks/actions";

export function ProgressForm({ taskId, today, action }: {
  taskId: number;
  today: string;
  action: (prev: TaskActionResult | null, form: FormData) => Promise<TaskActionResult>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (state?.ok) setRound((r) => r + 1);
  }, [state]);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-3" encType="multipart/form-data" noValidate data-testid="progress-form">
      <input type="hidden" name="taskId" value={taskId} />
      {/* cleared after each note saved */}
      <div key={round} className="grid gap-3">
        <TextField name="date" label="Ngày báo cáo" type="date" required errors={fieldErrors} defaultValue={today} max={today} className="max-w-xs" />
        <TextAreaField name="note" label="Tiến độ, kết quả thực hiện" required errors={fieldErrors} rows={4} />
        <FileField name="file" label="Tệp kết quả (không bắt buộc)" errors={fieldErrors} accept="application/pdf,image/png,image/jpeg,image/webp" maxBytes={10 * 1024 * 1024} hint="PDF hoặc ảnh (PNG, JPEG, WEBP), tối đa 10 MB." />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : "Thêm báo cáo tiến độ"}
        </button>
        <FormMessage state={state} success="Đã thêm báo cáo tiến độ." testId="progress-message" />
      </div>
    </form>
  );
}
