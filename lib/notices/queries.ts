// Public reads of conclusion notices and their tasks, served from the data cache
// (lib/cache/cached-read.ts): tagged "notices" (and "notice:<slug>"), and "tasks" where the
// tasks' progress shows; keyed by the visibility epoch so that scheduled notices appear at
// their time.
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { nextVietnamMidnight, publicRead } from "@/lib/cache/cached-read";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { isSlugShaped } from "@/lib/slug";

const listFields = {
  id: true,
  slug: true,
  number: true,
  title: true,
  issuedDate: true,
  issuingBody: true,
  _count: { select: { tasks: true } },
} as const;

const byDate = [{ issuedDate: "desc" as const }, { id: "desc" as const }];
const TAGS = [CACHE_TAGS.notices];

export function listLatestNotices(limit = 5) {
  return publicRead("notices", ["notices-latest", limit], () => db.notice.findMany({ where: publicWhere(), orderBy: byDate, take: limit, select: listFields }), { tags: TAGS });
}

export function listNoticesPage(opts: { page: number; pageSize: number }) {
  return publicRead(
    "notices",
    ["notices-page", opts.page, opts.pageSize],
    async () => {
      const [items, total] = await Promise.all([
        db.notice.findMany({ where: publicWhere(), orderBy: byDate, skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize, select: listFields }),
        db.notice.count({ where: publicWhere() }),
      ]);
      return { items, total };
    },
    { tags: TAGS },
  );
}

/**
 * A published notice with its numbered tasks, or null. The tasks' status classes depend on
 * today's date (a task becomes overdue the day after its deadline), so the entry — and the
 * cached page — lives until the next midnight in Vietnam at most.
 */
export const getPublishedNotice = cache(function getPublishedNotice(slug: string) {
  if (!isSlugShaped(slug)) return Promise.resolve(null);
  return publicRead(
    "notices",
    ["notice", slug],
    () =>
      db.notice.findFirst({
        where: { slug, ...publicWhere() },
        select: {
          id: true, slug: true, number: true, title: true, summary: true, bodyHtml: true, issuedDate: true, meetingDate: true,
          issuingBody: true, signer: true, signerTitle: true, source: true, sourceUrl: true, publishedAt: true, updatedAt: true,
          viewCount: true,
          attachment: { select: { id: true, fileName: true, size: true } },
          tasks: {
            orderBy: { sortOrder: "asc" },
            select: {
              id: true, number: true, content: true, assigneeText: true, deadline: true, status: true, completedAt: true,
              assigneeOrg: { select: { id: true, name: true } },
            },
          },
        },
      }),
    { tags: [CACHE_TAGS.notices, CACHE_TAGS.notice(slug), CACHE_TAGS.tasks], until: nextVietnamMidnight() },
  );
});

/** Every public notice's address and last change, for the sitemap. */
export function listNoticeUrls() {
  return publicRead("notices", ["notices-urls"], () => db.notice.findMany({ where: publicWhere(), orderBy: byDate, select: { slug: true, updatedAt: true } }), { tags: TAGS });
}

/** The latest public notices, for the RSS feed. */
export function listNoticesForFeed(limit = 20) {
  return publicRead(
    "notices",
    ["notices-feed", limit],
    () =>
      db.notice.findMany({
        where: publicWhere(),
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        take: limit,
        select: { slug: true, number: true, title: true, summary: true, publishedAt: true, issuingBody: true },
      }),
    { tags: TAGS },
  );
}
