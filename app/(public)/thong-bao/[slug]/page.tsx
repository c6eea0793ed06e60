import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaskTable } from "@/components/notices/task-table";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { formatDate, todayInVietnam } from "@/lib/format";
import { getPublishedNotice } from "@/lib/notices/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const notice = await getPublishedNotice((await params).slug);
  if (!notice) return { title: "Không tìm thấy thông báo" };
  const title = `Thông báo số ${notice.number}`;
  return { title, description: notice.summary, openGraph: { title, description: notice.summary, type: "article" } };
}

export default async function NoticePage({ params }: Props) {
  const notice = await getPublishedNotice((await params).slug);
  if (!notice) notFound();
  return (
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
        {notice.source && (
          <>
            <dt className="text-gray-500">Nguồn</dt>
            <dd>{notice.source}</dd>
          </>
        )}
      </dl>
      <h1 className="mt-4 text-xl font-semibold leading-snug">{notice.title}</h1>
      <div className="prose-vn mt-4" dangerouslySetInnerHTML={{ __html: sanitizeRichText(notice.bodyHtml) }} />
      <h2 className="mb-2 mt-8 text-lg font-semibold text-brand-800">Nhiệm vụ được giao ({notice.tasks.length})</h2>
      <TaskTable tasks={notice.tasks} today={todayInVietnam()} />
    </article>
  );
}
