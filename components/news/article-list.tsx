import Link from "next/link";
import { formatDate, formatNumber } from "@/lib/format";

export interface ArticleListItem {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date | null;
  viewCount?: number;
  category?: { slug: string; name: string } | null;
}

export function ArticleList({ articles, withSummary = true, withCategory = false }: { articles: ArticleListItem[]; withSummary?: boolean; withCategory?: boolean }) {
  if (articles.length === 0) return <p className="text-gray-500">Chưa có tin bài.</p>;
  return (
    <ul className="divide-y divide-gray-100">
      {articles.map((a) => (
        <li key={a.id} className="py-3 first:pt-0 last:pb-0">
          <Link href={`/tin-tuc/${a.slug}`} className="font-semibold text-gray-900 hover:text-brand-700">
            {a.title}
          </Link>
          <p className="mt-0.5 text-xs text-gray-500">
            {withCategory && a.category && <span className="font-semibold text-brand-700">{a.category.name} · </span>}
            {formatDate(a.publishedAt)}
            {a.viewCount ? ` · ${formatNumber(a.viewCount)} lượt xem` : ""}
          </p>
          {withSummary && <p className="mt-1 line-clamp-3 text-sm text-gray-700">{a.summary}</p>}
        </li>
      ))}
    </ul>
  );
}
