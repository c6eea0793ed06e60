import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/news/article-list";
import { Section } from "@/components/ui/section";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { formatDateTime, formatNumber } from "@/lib/format";
import { getPublishedArticle, listOtherArticles } from "@/lib/news/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return { title: "Không tìm thấy tin" };
  return {
    title: article.title,
    description: article.summary,
    openGraph: { title: article.title, description: article.summary, type: "article", publishedTime: article.publishedAt?.toISOString() },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();
  const others = await listOtherArticles(article.id, 5);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <article className="rounded border bg-white p-5 lg:col-span-2">
        {article.category && <p className="text-xs font-semibold uppercase text-brand-700">{article.category.name}</p>}
        <h1 className="mt-1 text-2xl font-semibold leading-snug text-gray-900">{article.title}</h1>
        <p className="mt-2 text-sm text-gray-500">
          {formatDateTime(article.publishedAt)} · {formatNumber(article.viewCount)} lượt xem
        </p>
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
      <aside>
        <Section title="Các tin khác">
          <ArticleList articles={others} withSummary={false} />
        </Section>
      </aside>
    </div>
  );
}
