// Metadata of public pages: title, meta description, canonical address and OpenGraph, written
// once here so that every page gives all of them.
import type { Metadata } from "next";

export const SITE_NAME = "Cổng thông tin Nông thôn mới";

/** The portal's public address (SITE_URL, or NEXTAUTH_URL), for absolute links in feeds and metadata. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Meta description text: one line, at most 200 characters, cut at a word. */
export function describe(text: string, max = 200): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}

export interface PageMeta {
  title: string;
  description: string;
  /** the page's path ("/tin-tuc/…"): canonical address and og:url */
  path: string;
  type?: "website" | "article";
  publishedTime?: Date | null;
  modifiedTime?: Date | null;
  section?: string | null;
  /** pages that must not be indexed (search results) */
  noIndex?: boolean;
}

/** The feed's <link rel="alternate">: a page's `alternates` replace the layout's, so every page repeats it. */
export const FEED_ALTERNATES = { "application/rss+xml": [{ url: "/rss.xml", title: `${SITE_NAME} – tin tức và thông báo` }] };

export function pageMetadata(m: PageMeta): Metadata {
  const description = describe(m.description);
  return {
    title: m.title,
    description,
    alternates: { canonical: m.path, types: FEED_ALTERNATES },
    openGraph: {
      title: m.title,
      description,
      url: m.path,
      siteName: SITE_NAME,
      locale: "vi_VN",
      ...(m.type === "article"
        ? {
            type: "article",
            publishedTime: m.publishedTime?.toISOString(),
            modifiedTime: m.modifiedTime?.toISOString(),
            section: m.section ?? undefined,
          }
        : { type: "website" }),
    },
    ...(m.noIndex ? { robots: { index: false, follow: true } } : {}),
  };
}
