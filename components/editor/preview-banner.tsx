import Link from "next/link";
import { displayStatus, PUBLISH_STATUS_LABELS, type PublishState } from "@/lib/content/publishing";

/** Says plainly that this is the editor's preview, and whether the public sees it yet. */
export function PreviewBanner({ state, editHref }: { state: PublishState; editHref: string }) {
  return (
    <div role="note" className="flex flex-wrap items-center justify-between gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <span>
        Bản xem trước dành cho biên tập viên · trạng thái: <strong>{PUBLISH_STATUS_LABELS[displayStatus(state)]}</strong>
      </span>
      <Link href={editHref} className="text-brand-700 underline">Quay lại sửa</Link>
    </div>
  );
}
