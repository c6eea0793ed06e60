// Public reads of conclusion notices and their tasks.
import { db } from "@/lib/db";
import { publicWhere } from "@/lib/content/visibility";

export function listLatestNotices(limit = 5) {
  return db.notice.findMany({
    where: publicWhere(),
    orderBy: [{ issuedDate: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, slug: true, number: true, title: true, issuedDate: true, issuingBody: true, _count: { select: { tasks: true } } },
  });
}

export function getPublishedNotice(slug: string) {
  return db.notice.findFirst({
    where: { slug, ...publicWhere() },
    include: {
      tasks: { orderBy: { sortOrder: "asc" }, include: { assigneeOrg: { select: { id: true, name: true } } } },
      attachment: { select: { id: true, fileName: true } },
    },
  });
}
