import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ViewCount } from "@/components/content/view-count";
import { DocumentList } from "@/components/documents/document-list";
import { Section } from "@/components/ui/section";
import { getPublishedDocument, listOtherDocuments } from "@/lib/documents/queries";
import { formatDate, formatFileSize } from "@/lib/format";
import { pageMetadata } from "@/lib/site/metadata";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await getPublishedDocument((await params).slug);
  if (!doc) return { title: "Không tìm thấy văn bản" };
  return pageMetadata({
    title: `${doc.docType} số ${doc.number}`,
    description: `${doc.title}. ${doc.summary}`,
    path: `/van-ban/${doc.slug}`,
    type: "article",
    publishedTime: doc.publishedAt,
    modifiedTime: doc.updatedAt,
    section: "Văn bản",
  });
}

export default async function DocumentPage({ params }: Props) {
  const doc = await getPublishedDocument((await params).slug);
  if (!doc) notFound();
  const others = await listOtherDocuments(doc, 5);
  const viewKey = `document:${doc.slug}`;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <article className="rounded border border-gray-200 bg-white p-5 lg:col-span-2" data-view-key={viewKey}>
        <p className="text-xs font-semibold uppercase text-brand-700">
          <Link href={`/van-ban?loai=${encodeURIComponent(doc.docType)}`} className="hover:underline">{doc.docType}</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold leading-snug text-gray-900">
          {doc.docType} số {doc.number}
        </h1>
        <p className="mt-2 text-lg text-gray-800">{doc.title}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-gray-500">Số hiệu</dt>
          <dd className="font-semibold">{doc.number}</dd>
          <dt className="text-gray-500">Loại văn bản</dt>
          <dd>{doc.docType}</dd>
          <dt className="text-gray-500">Cơ quan ban hành</dt>
          <dd>{doc.issuer}</dd>
          <dt className="text-gray-500">Ngày ban hành</dt>
          <dd>{formatDate(doc.issuedDate)}</dd>
          {doc.effectiveDate && (
            <>
              <dt className="text-gray-500">Ngày hiệu lực</dt>
              <dd>{formatDate(doc.effectiveDate)}</dd>
            </>
          )}
          <dt className="text-gray-500">Lượt xem</dt>
          <dd>
            <ViewCount viewKey={viewKey} initial={doc.viewCount} />
          </dd>
        </dl>
        <h2 className="mt-6 font-semibold text-brand-800">Trích yếu</h2>
        <p className="mt-1 leading-relaxed">{doc.summary}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          {doc.file ? (
            <a href={`/api/tep/${doc.file.id}`} download className="rounded bg-brand-700 px-4 py-2 text-sm text-white">
              Tải văn bản ({doc.file.fileName}, {formatFileSize(doc.file.size)})
            </a>
          ) : null}
          {doc.sourceUrl ? (
            <a href={doc.sourceUrl} rel="noopener noreferrer" target="_blank" className="rounded border border-brand-700 px-4 py-2 text-sm text-brand-700">
              Xem toàn văn tại nguồn chính thức
            </a>
          ) : null}
          {!doc.file && !doc.sourceUrl && <p className="text-sm text-gray-500">Cổng chưa có tệp toàn văn của văn bản này.</p>}
        </div>
      </article>
      <aside>
        <Section title="Văn bản khác">
          <DocumentList documents={others} />
        </Section>
      </aside>
    </div>
  );
}
