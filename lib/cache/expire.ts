// Expiry of the public caches after an editor's or assignee's write. updateTag only works inside
// a server action: the next public request waits for fresh data instead of serving the old page.
import { updateTag } from "next/cache";
import { CACHE_TAGS } from "./tags";

function expire(tags: (string | null | undefined)[]) {
  for (const tag of new Set(tags.filter((t): t is string => !!t))) updateTag(tag);
}

export function expireArticle(slug: string, previousSlug?: string | null) {
  expire([CACHE_TAGS.articles, CACHE_TAGS.article(slug), previousSlug ? CACHE_TAGS.article(previousSlug) : null]);
}

/** A notice, its task table included. */
export function expireNotice(slug: string, previousSlug?: string | null) {
  expire([CACHE_TAGS.notices, CACHE_TAGS.notice(slug), previousSlug ? CACHE_TAGS.notice(previousSlug) : null, CACHE_TAGS.tasks]);
}

export function expireDocuments() {
  expire([CACHE_TAGS.documents]);
}
