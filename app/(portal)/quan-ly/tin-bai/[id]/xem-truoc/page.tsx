import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { PreviewBanner } from "@/components/editor/preview-banner";
import { requirePagePermission } from "@/lib/auth";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { canEditContentOf } from "@/lib/content/scope";
import { formatDateTime } from "@/lib/format";
import { getArticleForEditor } from "@/lib/news/staff-queries";

export const metadata: Metadata = { title: "Xem trước bài viết", robots: { index: false } };

/** The article as the public page will show it, whatever its state. */
export default async function ArticlePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/tin-bai/${id}/xem-truoc`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const article = await getArticleForEditor(id);
  if (!article) notFound();
  if (!canEditContentOf(viewer, article.unit)) forbidden();
  return (
    <div className="grid gap-4">
      <PreviewBanner state={article} editHref={`/quan-ly/tin-bai/${article.id}`} />
      <article className="mx-auto w-full max-w-3xl rounded border bg-white p-5">
        {article.category && <p className="text-xs font-semibold uppercase text-brand-700">{article.category.name}</p>}
        <h1 className="mt-1 text-2xl font-semibold leading-snug text-gray-900">{article.title}</h1>
        <p className="mt-2 text-sm text-gray-500">{article.publishedAt ? formatDateTime(article.publishedAt) : "Chưa đăng"}</p>
        {article.cover && (
          // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/tep
          <img src={`/api/tep/${article.cover.id}`} alt="" className="mt-4 max-h-96 w-full rounded object-cover" />
        )}
        <p className="mt-4 font-semibold text-gray-800">{article.summary}</p>
        <div className="prose-vn mt-4" dangerouslySetInnerHTML={{ __html: sanitizeRichText(article.bodyHtml) }} />
        {(article.author || article.source) && (
          <p className="mt-6 text-right text-sm">
            {article.author && <span className="font-semibold">{article.author}</span>}
            {article.author && article.source && <br />}
            {article.source && <span className="italic text-gray-600">{article.source}</span>}
          </p>
        )}
      </article>
    </div>
  );
}
