// /sitemap.xml: the public pages and every published article, notice and document. Built per
// request from cached reads (no database work on a hit); `next build` must not prerender it.
import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listDocumentUrls } from "@/lib/documents/queries";
import { listArticleUrls } from "@/lib/news/queries";
import { listNoticeUrls } from "@/lib/notices/queries";
import { siteUrl } from "@/lib/site/metadata";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = siteUrl();
  const [articles, notices, documents] = await Promise.all([listArticleUrls(), listNoticeUrls(), listDocumentUrls()]);
  const newest = (dates: Date[]) => dates.reduce<Date | undefined>((max, d) => (!max || d > max ? d : max), undefined);
  return [
    { url: `${base}/`, changeFrequency: "daily", priority: 1, lastModified: newest([...articles, ...notices, ...documents].map((x) => x.updatedAt)) },
    { url: `${base}/tin-tuc`, changeFrequency: "daily", priority: 0.8, lastModified: newest(articles.map((a) => a.updatedAt)) },
    { url: `${base}/thong-bao`, changeFrequency: "weekly", priority: 0.8, lastModified: newest(notices.map((n) => n.updatedAt)) },
    { url: `${base}/van-ban`, changeFrequency: "weekly", priority: 0.7, lastModified: newest(documents.map((d) => d.updatedAt)) },
    { url: `${base}/so-lieu`, changeFrequency: "weekly", priority: 0.7 },
    { url: `${base}/gioi-thieu`, changeFrequency: "yearly", priority: 0.3 },
    ...articles.map((a) => ({ url: `${base}/tin-tuc/${a.slug}`, lastModified: a.updatedAt, changeFrequency: "monthly" as const, priority: 0.6 })),
    ...notices.map((n) => ({ url: `${base}/thong-bao/${n.slug}`, lastModified: n.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...documents.map((d) => ({ url: `${base}/van-ban/${d.slug}`, lastModified: d.updatedAt, changeFrequency: "yearly" as const, priority: 0.5 })),
  ];
}
