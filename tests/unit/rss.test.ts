import { describe, expect, it } from "vitest";
import { buildRss, rfc822, xmlEscape } from "@/lib/feeds/rss";

describe("RSS feed", () => {
  it("escapes the five XML specials", () => {
    expect(xmlEscape(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it("drops characters XML does not allow, keeps Vietnamese text and emoji", () => {
    expect(xmlEscape("Nông\u0000 thôn\u0008 mới\u000B 🌾\uFFFE")).toBe("Nông thôn mới 🌾");
    expect(xmlEscape("a\uD800b")).toBe("ab");
  });

  it("writes dates in RFC 822", () => {
    expect(rfc822(new Date(Date.UTC(2020, 4, 28, 17)))).toBe("Thu, 28 May 2020 17:00:00 GMT");
  });

  it("builds an RSS 2.0 channel whose items carry escaped text", () => {
    const xml = buildRss({
      title: "Cổng thông tin Nông thôn mới",
      link: "https://ntm.example/",
      selfLink: "https://ntm.example/rss.xml",
      description: "Tin tức & thông báo",
      language: "vi",
      items: [
        {
          title: "<script>alert(1)</script> Hội nghị",
          link: "https://ntm.example/tin-tuc/hoi-nghi?a=1&b=2",
          description: "Tóm tắt <b>đậm</b>",
          pubDate: new Date(Date.UTC(2020, 4, 28, 17)),
          category: "Tin tức - Sự kiện",
          author: "Xuân Huy",
        },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain("<language>vi</language>");
    expect(xml).toContain("<description>Tin tức &amp; thông báo</description>");
    expect(xml).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; Hội nghị</title>");
    expect(xml).toContain("<link>https://ntm.example/tin-tuc/hoi-nghi?a=1&amp;b=2</link>");
    expect(xml).toContain('<guid isPermaLink="true">https://ntm.example/tin-tuc/hoi-nghi?a=1&amp;b=2</guid>');
    expect(xml).toContain("<pubDate>Thu, 28 May 2020 17:00:00 GMT</pubDate>");
    expect(xml).toContain("<lastBuildDate>Thu, 28 May 2020 17:00:00 GMT</lastBuildDate>");
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<b>");
  });

  it("an empty channel is still valid RSS", () => {
    const xml = buildRss({ title: "T", link: "https://x/", selfLink: "https://x/rss.xml", description: "D", language: "vi", items: [] });
    expect(xml).toContain("<channel>");
    expect(xml).not.toContain("<item>");
    expect(xml).not.toContain("lastBuildDate");
  });
});
