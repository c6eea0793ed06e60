"use client";
// The revisions of a piece of content, newest first; restoring one is itself a new, audited
// change (the current state is kept as a revision before it).
import type { ActionResult } from "@/lib/errors";
import { useFormAction } from "./use-form-action";

type Result = ActionResult<{ version: number; slug: string }>;

export interface RevisionItem {
  id: number;
  savedAtText: string;
  savedBy: string | null;
  title: string;
  statusLabel: string;
}

export function RevisionList({ id, version, revisions, canRestore, action }: {
  id: number;
  version: number;
  revisions: RevisionItem[];
  canRestore: boolean;
  action: (prev: Result | null, form: FormData) => Promise<Result>;
}) {
  const { state, pending, onSubmit } = useFormAction(action);
  const current = Math.max(version, state?.ok ? state.data.version : 0);
  return (
    <section aria-labelledby="revisions-title" className="grid gap-2 rounded border bg-white p-4">
      <h2 id="revisions-title" className="font-semibold text-brand-800">Lịch sử phiên bản</h2>
      {revisions.length === 0 ? (
        <p className="text-sm text-gray-600">Chưa có phiên bản cũ: mỗi lần lưu, đăng hoặc gỡ, bản trước đó được giữ lại ở đây.</p>
      ) : (
        <ol className="grid gap-1 text-sm" data-testid="revision-list">
          {revisions.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 border-t pt-1">
              <span>
                <span className="font-semibold">{r.savedAtText}</span>
                {r.savedBy && <span className="text-gray-600"> · {r.savedBy}</span>}
                <span className="text-gray-600"> · {r.statusLabel}</span>
                <span className="block text-gray-800">{r.title}</span>
              </span>
              {canRestore && (
                <form onSubmit={onSubmit}>
                  <input type="hidden" name="id" value={id} />
                  <input type="hidden" name="version" value={current} />
                  <input type="hidden" name="revisionId" value={r.id} />
                  <button type="submit" disabled={pending} className="rounded border px-2 py-0.5 text-xs hover:bg-gray-50 disabled:opacity-60" aria-label={`Khôi phục phiên bản lưu lúc ${r.savedAtText}`}>
                    Khôi phục
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      <p role="status" aria-live="polite" className="text-sm">
        {state?.ok && <span className="text-green-700">Đã khôi phục nội dung của phiên bản đã chọn (trạng thái đăng giữ nguyên).</span>}
        {state && !state.ok && <span className="text-red-700">{state.message}</span>}
      </p>
    </section>
  );
}
