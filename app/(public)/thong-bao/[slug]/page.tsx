import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ViewCount } from "@/components/content/view-count";
import { TaskSummary } from "@/components/notices/task-summary";
import { TaskTable } from "@/components/notices/task-table";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { formatDate, formatFileSize, todayInVietnam } from "@/lib/format";
import { getPublishedNotice } from "@/lib/notices/queries";
import { pageMetadata } from "@/lib/site/metadata";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const notice = await getPublishedNotice((await params).slug);
  if (!notice) return { title: "Không tìm thấy thông báo" };
  return pageMetadata({
    title: `Thông báo số ${notice.number}`,
    description: notice.summary || notice.title,
    path: `/thong-bao/${notice.slug}`,
    type: "article",
    publishedTime: notice.publishedAt,
    modifiedTime: notice.updatedAt,
    section: "Thông báo kết luận",
  });
}

export default async function NoticePage({ params }: Props) {
  const notice = await getPublishedNotice((await params).slug);
  if (!notice) notFound();
  const today = todayInVietnam();
  const viewKey = `notice:${notice.slug}`;
  return (
    <article className="rounded border border-gray-200 bg-white p-5" data-view-key={viewKey}>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-gray-500">Số hiệu</dt>
        <dd className="font-semibold">{notice.number}</dd>
        <dt className="text-gray-500">Ngày ban hành</dt>
        <dd>{formatDate(notice.issuedDate)}</dd>
        {notice.meetingDate && (
          <>
            <dt className="text-gray-500">Ngày họp</dt>
            <dd>{formatDate(notice.meetingDate)}</dd>
          </>
        )}
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
        {notice.source && (
          <>
            <dt className="text-gray-500">Nguồn</dt>
            <dd>
              {notice.sourceUrl ? (
                <a href={notice.sourceUrl} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
                  {notice.source}
                </a>
              ) : (
                notice.source
              )}
            </dd>
          </>
        )}
        {notice.attachment && (
          <>
            <dt className="text-gray-500">Tệp đính kèm</dt>
            <dd>
              <a href={`/api/tep/${notice.attachment.id}`} className="text-brand-700 underline" download>
                {notice.attachment.fileName}
              </a>{" "}
              <span className="text-gray-500">({formatFileSize(notice.attachment.size)})</span>
            </dd>
          </>
        )}
        <dt className="text-gray-500">Lượt xem</dt>
        <dd>
          <ViewCount viewKey={viewKey} initial={notice.viewCount} />
        </dd>
      </dl>
      <h1 className="mt-4 text-xl font-semibold leading-snug">{notice.title}</h1>
      <div className="prose-vn mt-4" dangerouslySetInnerHTML={{ __html: sanitizeRichText(notice.bodyHtml) }} />
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="mb-2 mt-8 text-lg font-semibold text-brand-800">
          Nhiệm vụ được giao ({notice.tasks.length})
        </h2>
        <p className="mb-2 text-xs text-gray-500">Tình trạng tính đến ngày {formatDate(today)}.</p>
        <TaskSummary tasks={notice.tasks} today={today} />
        <TaskTable tasks={notice.tasks} today={today} />
      </section>
    </article>
  );
}
