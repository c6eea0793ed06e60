"use client";
// Publish now, schedule for a time (Vietnam time), or take down — one panel for the three kinds
// of content. Each button sends its command; the server decides what the state allows.
import type { ActionResult } from "@/lib/errors";
import { FieldError } from "./fields";
import { useFormAction } from "./use-form-action";

type Result = ActionResult<{ version: number; slug: string }>;

export function PublishPanel({ id, version, status, isPublic, publishedAtText, scheduleDefault, publicUrl, canPublish, action }: {
  id: number;
  version: number;
  status: "DRAFT" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED";
  /** whether the public sees it now */
  isPublic: boolean;
  publishedAtText: string | null;
  /** datetime-local value proposed for scheduling */
  scheduleDefault: string;
  publicUrl: string | null;
  canPublish: boolean;
  action: (prev: Result | null, form: FormData) => Promise<Result>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const current = Math.max(version, state?.ok ? state.data.version : 0);
  const scheduled = status === "SCHEDULED" && !isPublic;
  return (
    <section aria-labelledby="publish-title" className="grid gap-3 rounded border bg-white p-4">
      <h2 id="publish-title" className="font-semibold text-brand-800">Đăng tải</h2>
      <p className="text-sm" data-testid="publish-state">
        {isPublic ? (
          <>Đang hiển thị công khai từ {publishedAtText}.</>
        ) : scheduled ? (
          <>Hẹn giờ đăng lúc {publishedAtText}; trước thời điểm đó người xem chưa thấy.</>
        ) : status === "UNPUBLISHED" ? (
          <>Đã gỡ xuống: người xem không còn thấy.</>
        ) : (
          <>Bản nháp: chưa công khai.</>
        )}
        {isPublic && publicUrl && (
          <>
            {" "}
            <a href={publicUrl} className="text-brand-700 underline" target="_blank" rel="noopener">
              Xem trên cổng
            </a>
          </>
        )}
      </p>
      {canPublish ? (
        <form ref={formRef} onSubmit={onSubmit} className="grid gap-3">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={current} />
          <div className="flex flex-wrap gap-2">
            {!isPublic && (
              <button type="submit" name="command" value="publish" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
                Đăng ngay
              </button>
            )}
            {(isPublic || scheduled) && (
              <button type="submit" name="command" value="unpublish" disabled={pending} className="rounded border border-amber-600 px-4 py-1.5 text-sm text-amber-800 hover:bg-amber-50 disabled:opacity-60">
                {scheduled ? "Hủy hẹn giờ" : "Gỡ xuống"}
              </button>
            )}
          </div>
          {!isPublic && (
            <div className="flex flex-wrap items-end gap-2">
              <div className="grid gap-1">
                <label htmlFor="publishAt" className="text-sm">Hẹn giờ đăng (giờ Việt Nam)</label>
                <input id="publishAt" name="publishAt" type="datetime-local" defaultValue={scheduleDefault} aria-invalid={!!fieldErrors.publishAt} aria-describedby="publishAt-error" className="rounded border border-gray-300 px-2 py-1 text-sm" />
              </div>
              <button type="submit" name="command" value="schedule" disabled={pending} className="rounded border border-brand-700 px-4 py-1.5 text-sm text-brand-800 hover:bg-brand-50 disabled:opacity-60">
                {scheduled ? "Đổi giờ đăng" : "Hẹn giờ đăng"}
              </button>
              <FieldError id="publishAt" message={fieldErrors.publishAt?.[0]} />
            </div>
          )}
          <p role="status" aria-live="polite" className="text-sm" data-testid="publish-message">
            {state?.ok && <span className="text-green-700">Đã cập nhật trạng thái đăng.</span>}
            {state && !state.ok && <span className="text-red-700">{state.message}</span>}
          </p>
        </form>
      ) : (
        <p className="text-sm text-gray-600">Tài khoản của bạn không có quyền đăng tải.</p>
      )}
    </section>
  );
}
