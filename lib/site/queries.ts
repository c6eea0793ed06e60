import { unstable_cache } from "next/cache";
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/content/cache-tags";
import { cachedRead, isBuildPhase } from "@/lib/content/public-cache";
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
 * under the "site" tag. `next build` prerenders the fully static pages (/gioi-thieu) without a
 * database: they get the fallback with a 1-second life, so the first request after start
 * regenerates them with the stored settings.
 */
export const getSiteSettings = cache(async (): Promise<TSite> => {
  if (isBuildPhase()) {
    return unstable_cache(async () => SITE_FALLBACK, ["public", "site-at-build"], { tags: [CACHE_TAGS.site], revalidate: 1 })();
  }
  return cachedRead(["site"], readSiteSettings, { tags: [CACHE_TAGS.site] });
});
