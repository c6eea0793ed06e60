import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ViewCount } from "@/components/content/view-count";
import { ArticleList } from "@/components/news/article-list";
import { Section } from "@/components/ui/section";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { formatDateTime } from "@/lib/format";
import { getPublishedArticle, listOtherArticles } from "@/lib/news/queries";
import { pageMetadata } from "@/lib/site/metadata";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return { title: "Không tìm thấy tin" };
  return pageMetadata({
    title: article.title,
    description: article.summary,
    path: `/tin-tuc/${article.slug}`,
    type: "article",
    publishedTime: article.publishedAt,
    modifiedTime: article.updatedAt,
    section: article.category?.name,
  });
}

export default async function ArticlePage({ params }: Props) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();
  const others = await listOtherArticles(article, 5);
  const viewKey = `article:${article.slug}`;
  const source = article.source?.replace(/^\s*(Nguồn|Theo)\s*:?\s*/iu, "");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <article className="rounded border border-gray-200 bg-white p-5 lg:col-span-2" data-view-key={viewKey}>
        {article.category && (
          <Link href={`/tin-tuc?chuyen_muc=${article.category.slug}`} className="text-xs font-semibold uppercase text-brand-700 hover:underline">
            {article.category.name}
          </Link>
        )}
        <h1 className="mt-1 text-2xl font-semibold leading-snug text-gray-900">{article.title}</h1>
        <p className="mt-2 text-sm text-gray-500">
          <time dateTime={article.publishedAt?.toISOString()}>{formatDateTime(article.publishedAt)}</time> · <ViewCount viewKey={viewKey} initial={article.viewCount} />
        </p>
        <p className="mt-4 font-semibold text-gray-800">{article.summary}</p>
        <div className="prose-vn mt-4" dangerouslySetInnerHTML={{ __html: sanitizeRichText(article.bodyHtml) }} />
        {(article.author || source) && (
          <p className="mt-6 text-right text-sm">
            {article.author && <span className="font-semibold">{article.author}</span>}
            {article.author && source && <br />}
            {source && (
              <span className="italic text-gray-600">
                Nguồn:{" "}
                {article.sourceUrl ? (
                  <a href={article.sourceUrl} rel="noopener noreferrer" target="_blank" className="underline">
                    {source}
                  </a>
                ) : (
                  source
                )}
              </span>
            )}
          </p>
        )}
      </article>
      <aside>
        <Section title="Các tin khác">
          <ArticleList articles={others} withSummary={false} />
        </Section>
      </aside>
    </div>
  );
}
