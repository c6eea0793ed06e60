// RSS 2.0 feed of the latest articles and conclusion notices (Vietnamese). Rendered per request
// from cached reads (tags "articles" and "notices"): no database work on a hit.
import { connection } from "next/server";
import { buildRss, type FeedItem } from "@/lib/feeds/rss";
import { listArticlesForFeed } from "@/lib/news/queries";
import { listNoticesForFeed } from "@/lib/notices/queries";
import { getSiteSettings } from "@/lib/site/queries";
import { siteUrl } from "@/lib/site/metadata";

const ITEMS = 30;

export async function GET() {
  await connection(); // per request: `next build` must not prerender it (no database then)
  const base = siteUrl();
  const [site, articles, notices] = await Promise.all([getSiteSettings(), listArticlesForFeed(ITEMS), listNoticesForFeed(ITEMS)]);
  const items: FeedItem[] = [
    ...articles.map((a) => ({
      title: a.title,
      link: `${base}/tin-tuc/${a.slug}`,
      description: a.summary,
      pubDate: a.publishedAt ?? new Date(0),
      category: a.category?.name ?? "Tin tức",
      author: a.author,
    })),
    ...notices.map((n) => ({
      title: `Thông báo số ${n.number}: ${n.title}`,
      link: `${base}/thong-bao/${n.slug}`,
      description: n.summary || n.title,
      pubDate: n.publishedAt ?? new Date(0),
      category: "Thông báo kết luận",
      author: n.issuingBody,
    })),
  ]
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())
    .slice(0, ITEMS);
  const xml = buildRss({
    title: site.name,
    link: `${base}/`,
    selfLink: `${base}/rss.xml`,
    description: `Tin tức và thông báo kết luận của ${site.office} về xây dựng nông thôn mới.`,
    language: "vi",
    items,
  });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
