// Cache tags shared by the public reads (which cache under them) and the editor's writes
// (which expire them the moment something is published, edited or unpublished).
import { FIGURES_TAG } from "./shared-cache-handler.mjs";
export const CACHE_TAGS = {
  articles: "articles",
  article: (slug: string) => `article:${slug}`,
  notices: "notices",
  notice: (slug: string) => `notice:${slug}`,
  documents: "documents",
  tasks: "tasks",
  figures: FIGURES_TAG,
  site: "site",
} as const;
