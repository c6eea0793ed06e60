// RSS 2.0 (https://www.rssboard.org/rss-specification): pure builder, every text escaped.

export interface FeedItem {
  title: string;
  /** absolute URL; also the item's guid */
  link: string;
  description: string;
  pubDate: Date;
  category?: string | null;
  author?: string | null;
}

export interface Feed {
  title: string;
  /** absolute URL of the site */
  link: string;
  /** absolute URL of the feed itself (atom:link rel="self") */
  selfLink: string;
  description: string;
  language: string;
  items: FeedItem[];
}

// characters XML 1.0 does not allow at all (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F)
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** RFC 822 date, as RSS 2.0 requires: "Thu, 28 May 2020 17:00:00 GMT". */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

const element = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;

export function buildRss(feed: Feed): string {
  const newest = feed.items.reduce<Date | null>((max, i) => (!max || i.pubDate > max ? i.pubDate : max), null);
  const items = feed.items.map((i) =>
    [
      "<item>",
      element("title", i.title),
      element("link", i.link),
      `<guid isPermaLink="true">${xmlEscape(i.link)}</guid>`,
      element("description", i.description),
      element("pubDate", rfc822(i.pubDate)),
      i.category ? element("category", i.category) : "",
      i.author ? element("dc:creator", i.author) : "",
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    element("title", feed.title),
    element("link", feed.link),
    element("description", feed.description),
    element("language", feed.language),
    `<atom:link href="${xmlEscape(feed.selfLink)}" rel="self" type="application/rss+xml"/>`,
    newest ? element("lastBuildDate", rfc822(newest)) : "",
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
