// Public reads of news articles.
import { db } from "@/lib/db";
import { publicWhere } from "@/lib/content/visibility";

const listFields = {
  id: true, slug: true, title: true, summary: true, publishedAt: true, viewCount: true,
  category: { select: { slug: true, name: true } },
} as const;

export function listLatestArticles(limit = 6) {
  return db.article.findMany({ where: publicWhere(), orderBy: { publishedAt: "desc" }, take: limit, select: listFields });
}

export async function listArticlesPage(opts: { page: number; pageSize: number; categorySlug?: string }) {
  const where = { ...publicWhere(), ...(opts.categorySlug ? { category: { slug: opts.categorySlug } } : {}) };
  const [items, total] = await Promise.all([
    db.article.findMany({ where, orderBy: { publishedAt: "desc" }, skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize, select: listFields }),
    db.article.count({ where }),
  ]);
  return { items, total };
}

export function getPublishedArticle(slug: string) {
  return db.article.findFirst({ where: { slug, ...publicWhere() }, include: { category: true } });
}

export function listOtherArticles(excludeId: number, limit = 5) {
  return db.article.findMany({
    where: { ...publicWhere(), id: { not: excludeId } },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: listFields,
  });
}

export function listCategories() {
  return db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}
