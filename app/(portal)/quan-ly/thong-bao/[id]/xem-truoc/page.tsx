import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { PreviewBanner } from "@/components/editor/preview-banner";
import { TaskTable } from "@/components/notices/task-table";
import { requirePagePermission } from "@/lib/auth";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { canEditContentOf } from "@/lib/content/scope";
import { formatDate, todayInVietnam } from "@/lib/format";
import { getNoticeForEditor } from "@/lib/notices/staff-queries";

export const metadata: Metadata = { title: "Xem trước thông báo", robots: { index: false } };

/** The notice as the public page will show it, with its task table, whatever its state. */
export default async function NoticePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/thong-bao/${id}/xem-truoc`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const notice = await getNoticeForEditor(id);
  if (!notice) notFound();
  if (!canEditContentOf(viewer, notice.unit)) forbidden();
  return (
    <div className="grid gap-4">
      <PreviewBanner state={notice} editHref={`/quan-ly/thong-bao/${notice.id}`} />
      <article className="rounded border bg-white p-5">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-gray-500">Số hiệu</dt>
          <dd className="font-semibold">{notice.number}</dd>
          <dt className="text-gray-500">Ngày ban hành</dt>
          <dd>{formatDate(notice.issuedDate)}</dd>
          <dt className="text-gray-500">Cơ quan ban hành</dt>
          <dd>{notice.issuingBody}</dd>
          {notice.signer && (
            <>
              <dt className="text-gray-500">Người ký</dt>
              <dd>
                {notice.signerTitle && <span className="block whitespace-pre-line text-xs uppercase text-gray-600">{notice.signerTitle}</span>}
                {notice.signer}
              </dd>
            </>
          )}
          {notice.attachment && (
            <>
              <dt className="text-gray-500">Tệp đính kèm</dt>
              <dd>
                <a href={`/api/tep/${notice.attachment.id}`} className="text-brand-700 underline">{notice.attachment.fileName}</a>
              </dd>
            </>
          )}
        </dl>
        <h1 className="mt-4 text-xl font-semibold leading-snug">{notice.title}</h1>
        <div className="prose-vn mt-4" dangerouslySetInnerHTML={{ __html: sanitizeRichText(notice.bodyHtml) }} />
        <h2 className="mb-2 mt-8 text-lg font-semibold text-brand-800">Nhiệm vụ được giao ({notice.tasks.length})</h2>
        <TaskTable tasks={notice.tasks} today={todayInVietnam()} />
      </article>
    </div>
  );
}
