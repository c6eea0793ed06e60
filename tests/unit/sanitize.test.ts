// The rich-text sanitiser that every save and every render goes through: nothing that can run
// script survives, the ordinary markup of an article does.
import { describe, expect, it } from "vitest";
import { sanitizeRichText } from "@/lib/content/sanitize";

const DANGEROUS: [string, string][] = [
  ["a script tag", `<p>Tin</p><script>alert(1)</script>`],
  ["a script tag in capitals, split by a comment", `<SCRIPT>alert(1)<!-- x --></SCRIPT><p>Tin</p>`],
  ["an onerror handler on an image", `<img src="https://a.vn/x.png" onerror="alert(1)">`],
  ["an onclick handler on a paragraph", `<p onclick="alert(1)">Tin</p>`],
  ["an onmouseover handler without quotes", `<a href="https://a.vn" onmouseover=alert(1)>x</a>`],
  ["a javascript: link", `<a href="javascript:alert(1)">bấm</a>`],
  ["a javascript: link in mixed case with spaces", `<a href="  JaVaScRiPt:alert(1)">bấm</a>`],
  ["a javascript: link hidden by an encoded tab", `<a href="jav&#x09;ascript:alert(1)">bấm</a>`],
  ["a data: URL in an image", `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`],
  ["a vbscript: link", `<a href="vbscript:msgbox(1)">x</a>`],
  ["an SVG with a script", `<svg><script>alert(1)</script><circle r="5"/></svg><p>Tin</p>`],
  ["an SVG with onload", `<svg onload="alert(1)"><use href="#x"/></svg>`],
  ["a style tag with an expression", `<style>p { width: expression(alert(1)); }</style><p>Tin</p>`],
  ["a style attribute with an expression", `<p style="width: expression(alert(1))">Tin</p>`],
  ["a style attribute with a javascript: url", `<div style="background:url('javascript:alert(1)')">Tin</div>`],
  ["an iframe", `<iframe src="https://evil.example/"></iframe><p>Tin</p>`],
  ["an iframe with srcdoc", `<iframe srcdoc="<script>alert(1)</script>"></iframe>`],
  ["an object and an embed", `<object data="x.swf"></object><embed src="x.swf">`],
  ["a form with a javascript: action", `<form action="javascript:alert(1)"><button>Gửi</button></form>`],
  ["a meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`],
  ["a MathML link", `<math><a xlink:href="javascript:alert(1)">x</a></math>`],
  ["a link tag", `<link rel="stylesheet" href="https://evil.example/x.css">`],
];

describe("sanitizeRichText strips what can run script", () => {
  it.each(DANGEROUS)("strips %s", (_name, html) => {
    const out = sanitizeRichText(html).toLowerCase();
    expect(out).not.toMatch(/<script|<iframe|<svg|<style|<object|<embed|<form|<meta|<link|<math/);
    expect(out).not.toMatch(/\son\w+\s*=/);
    expect(out).not.toMatch(/javascript:|vbscript:|data:|expression\(/);
    expect(out).not.toMatch(/\sstyle\s*=/);
    expect(out).not.toMatch(/srcdoc/);
  });

  it("keeps the text around what it strips", () => {
    expect(sanitizeRichText(`<p>Tin</p><script>alert(1)</script>`)).toBe("<p>Tin</p>");
    expect(sanitizeRichText(`<p onclick="alert(1)">Nông thôn mới</p>`)).toBe("<p>Nông thôn mới</p>");
    expect(sanitizeRichText(`<p style="color:red">Nông thôn mới</p>`)).toBe("<p>Nông thôn mới</p>");
  });

  it("drops the href of a javascript: link but keeps its text", () => {
    expect(sanitizeRichText(`<a href="javascript:alert(1)">bấm</a>`)).toBe("<a>bấm</a>");
  });
});

describe("sanitizeRichText keeps the markup of an article", () => {
  it("keeps paragraphs, headings, emphasis, lists and tables", () => {
    const html = `<h3>I. Kết quả</h3><p><strong>5.177 xã</strong> (<em>58,2%</em>)</p><ul><li>Một</li></ul><table><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>`;
    expect(sanitizeRichText(html)).toBe(html);
  });
  it("keeps https links and portal images, and makes a new-tab link safe", () => {
    expect(sanitizeRichText(`<a href="https://nongthonmoi.gov.vn">NTM</a>`)).toBe(`<a href="https://nongthonmoi.gov.vn">NTM</a>`);
    expect(sanitizeRichText(`<img src="/api/tep/12" alt="Ảnh">`)).toBe(`<img src="/api/tep/12" alt="Ảnh" />`);
    expect(sanitizeRichText(`<a href="https://a.vn" target="_blank">x</a>`)).toBe(`<a href="https://a.vn" target="_blank" rel="noopener noreferrer">x</a>`);
  });
  it("refuses protocol-relative URLs (another site's script host in disguise)", () => {
    expect(sanitizeRichText(`<img src="//evil.example/x.png">`)).not.toContain("evil.example");
  });
});
