import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { cachedRead, isBuildPhase } from "@/lib/cache/cached-read";
import { db } from "@/lib/db";
import { ZSite, type TSite } from "./schemas";

export type { TSite } from "./schemas";

export const SITE_FALLBACK: TSite = { name: "Cổng thông tin Nông thôn mới", office: "Văn phòng Điều phối nông thôn mới", address: "", phone: "", email: "" };

/** The stored settings, or the fallback when none (or an unreadable value) is stored. */
export async function readSiteSettings(): Promise<TSite> {
  const row = await db.siteSetting.findUnique({ where: { key: "site" } });
  const parsed = ZSite.safeParse(row?.value);
  return parsed.success ? parsed.data : SITE_FALLBACK;
}

/**
 * Footer and identity of the portal (SiteSetting "site", edited at /quan-ly/cai-dat), cached
 * under the "site" tag. `next build` renders nothing that needs it (every page renders per
 * request) and has no database: should anything ask then, it gets the fallback.
 */
export const getSiteSettings = cache(async (): Promise<TSite> => {
  if (isBuildPhase()) return SITE_FALLBACK;
  return cachedRead(["site"], readSiteSettings, { tags: [CACHE_TAGS.site] });
});
