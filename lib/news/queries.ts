// Public reads of news articles, served from the data cache (lib/cache/cached-read.ts):
// tagged "articles" (and "article:<slug>" for one article), keyed by the visibility epoch so that
// scheduled articles appear at their time.
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { cachedRead, publicRead } from "@/lib/cache/cached-read";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { isSlugShaped } from "@/lib/slug";

const listFields = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
  viewCount: true,
  category: { select: { slug: true, name: true } },
} as const;

const byDate = [{ publishedAt: "desc" as const }, { id: "desc" as const }];
const TAGS = [CACHE_TAGS.articles];

export function listLatestArticles(limit = 6) {
  return publicRead("articles", ["articles-latest", limit], () => db.article.findMany({ where: publicWhere(), orderBy: byDate, take: limit, select: listFields }), { tags: TAGS });
}

/** One page of the news, optionally of one category (by slug); total counts the whole list. */
export function listArticlesPage(opts: { page: number; pageSize: number; categorySlug?: string }) {
  return publicRead(
    "articles",
    ["articles-page", opts.page, opts.pageSize, opts.categorySlug ?? null],
    async () => {
      const where = { ...publicWhere(), ...(opts.categorySlug ? { category: { slug: opts.categorySlug } } : {}) };
      const [items, total] = await Promise.all([
        db.article.findMany({ where, orderBy: byDate, skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize, select: listFields }),
        db.article.count({ where }),
      ]);
      return { items, total };
    },
    { tags: TAGS },
  );
}

/** A published article, or null (unknown, draft, unpublished, or scheduled for later). */
export const getPublishedArticle = cache(function getPublishedArticle(slug: string) {
  if (!isSlugShaped(slug)) return Promise.resolve(null);
  return publicRead(
    "articles",
    ["article", slug],
    () =>
      db.article.findFirst({
        where: { slug, ...publicWhere() },
        select: {
          id: true, slug: true, title: true, summary: true, bodyHtml: true, author: true, source: true, sourceUrl: true,
          publishedAt: true, updatedAt: true, viewCount: true, categoryId: true, category: { select: { slug: true, name: true } },
        },
      }),
    { tags: [CACHE_TAGS.articles, CACHE_TAGS.article(slug)] },
  );
});

/** "Các tin khác" beside an article: the latest of its own category first, then the latest of the others. */
export function listOtherArticles(article: { id: number; categoryId: number | null }, limit = 5) {
  return publicRead(
    "articles",
    ["articles-other", article.id, article.categoryId, limit],
    async () => {
      const same = article.categoryId
        ? await db.article.findMany({
            where: { ...publicWhere(), categoryId: article.categoryId, id: { not: article.id } },
            orderBy: byDate,
            take: limit,
            select: listFields,
          })
        : [];
      const rest =
        same.length < limit
          ? await db.article.findMany({
              where: { ...publicWhere(), id: { notIn: [article.id, ...same.map((a) => a.id)] } },
              orderBy: byDate,
              take: limit - same.length,
              select: listFields,
            })
          : [];
      return [...same, ...rest];
    },
    { tags: TAGS },
  );
}

export function listCategories() {
  return cachedRead(["categories"], () => db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } }), {
    tags: TAGS,
  });
}

/** Every public article's address and last change, for the sitemap. */
export function listArticleUrls() {
  return publicRead("articles", ["articles-urls"], () => db.article.findMany({ where: publicWhere(), orderBy: byDate, select: { slug: true, updatedAt: true, publishedAt: true } }), {
    tags: TAGS,
  });
}

/** The latest public articles, for the RSS feed. */
export function listArticlesForFeed(limit = 20) {
  return publicRead(
    "articles",
    ["articles-feed", limit],
    () => db.article.findMany({ where: publicWhere(), orderBy: byDate, take: limit, select: { slug: true, title: true, summary: true, publishedAt: true, author: true, category: { select: { name: true } } } }),
    { tags: TAGS },
  );
}
