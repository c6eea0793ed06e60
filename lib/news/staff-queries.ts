// Editor reads of articles within the editor's scope.
import type { Viewer } from "@/lib/authz";
import { contentScopeWhere } from "@/lib/content/scope";
import { db } from "@/lib/db";
import type { PublishStatus } from "@/lib/generated/prisma/enums";

/** The articles the viewer may edit, most recently changed first. */
export function listArticlesForEditor(viewer: Viewer, opts: { status?: PublishStatus } = {}) {
  return db.article.findMany({
    where: { ...contentScopeWhere(viewer), ...(opts.status ? { status: opts.status } : {}) },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true, viewCount: true,
      category: { select: { name: true } },
      unit: { select: { fullName: true } },
    },
  });
}

/** One article with what its edit page shows (the page checks that the viewer may edit it). */
export function getArticleForEditor(id: number) {
  return db.article.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, provinceId: true, districtId: true, fullName: true } },
      category: { select: { id: true, name: true } },
      cover: { select: { id: true, fileName: true, size: true } },
    },
  });
}

export function listCategoriesForEditor() {
  return db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}
