// How stored files are sent back: a type from the allow-list only, PDFs and images inline,
// everything else as an attachment of opaque bytes, never HTML, never sniffed.
import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders, storedFileKind } from "@/lib/files/download";

const file = (mimeType: string, storageKey: string, fileName = "Thông báo số 12.pdf") => ({ mimeType, storageKey, fileName });

describe("downloadHeaders", () => {
  it.each([
    ["a PDF opens inline", file("application/pdf", "2026/01/ab.pdf"), "application/pdf", "inline"],
    ["a PNG opens inline", file("image/png", "2026/01/ab.png", "anh.png"), "image/png", "inline"],
    ["a JPEG opens inline", file("image/jpeg", "2026/01/ab.jpeg", "anh.jpg"), "image/jpeg", "inline"],
    ["a type recorded as HTML goes out as bytes to download", file("text/html", "2026/01/ab.html", "x.html"), "application/octet-stream", "attachment"],
    ["an SVG (scriptable) goes out as bytes to download", file("image/svg+xml", "2026/01/ab.svg", "x.svg"), "application/octet-stream", "attachment"],
    ["a type that does not match the stored key goes out as bytes", file("application/pdf", "2026/01/ab.html"), "application/octet-stream", "attachment"],
    ["an unknown type goes out as bytes", file("application/x-msdownload", "2026/01/ab.exe", "setup.exe"), "application/octet-stream", "attachment"],
  ])("%s", (_label, f, type, disposition) => {
    const h = downloadHeaders(f, 10);
    expect(h["Content-Type"]).toBe(type);
    expect(h["Content-Disposition"].split(";")[0]).toBe(disposition);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Type"]).not.toMatch(/html|xml|javascript/);
    expect(h["Content-Security-Policy"]).toMatch(/^default-src 'none'/);
  });

  it("sandboxes everything but PDFs (Chrome's PDF viewer refuses a sandbox)", () => {
    expect(downloadHeaders(file("image/png", "a.png"), 1)["Content-Security-Policy"]).toMatch(/sandbox/);
    expect(downloadHeaders(file("application/pdf", "a.pdf"), 1)["Content-Security-Policy"]).not.toMatch(/sandbox/);
  });

  it("recognises only the kinds uploads accept", () => {
    expect(storedFileKind({ mimeType: "IMAGE/WEBP", storageKey: "x.webp" })).toBe("webp");
    expect(storedFileKind({ mimeType: "text/plain", storageKey: "x.txt" })).toBeNull();
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback without diacritics and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", "Thông báo số 12.pdf")).toBe(
      `attachment; filename="Thong bao so 12.pdf"; filename*=UTF-8''Th%C3%B4ng%20b%C3%A1o%20s%E1%BB%91%2012.pdf`,
    );
  });
  it("cannot be broken out of by quotes, semicolons or line breaks in the name", () => {
    const h = contentDisposition("inline", 'a";\r\nSet-Cookie: x=1;b.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.split('"').length).toBe(3);
    expect(h).toMatch(/^inline; filename="[^";]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
  });
});
