// Editor reads of articles within the editor's scope.
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";

export function listArticlesForEditor(viewer: Viewer) {
  return db.article.findMany({
    where: viewer.unitId === null ? {} : { OR: [{ unitId: { in: viewer.scopeUnitIds } }, { unitId: null }] },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: { id: true, slug: true, title: true, status: true, publishedAt: true, viewCount: true },
  });
}
