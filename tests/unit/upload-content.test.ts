// An upload is accepted only when the whole file is of the kind its first bytes claim: polyglots —
// a real PDF, PNG, JPEG, WebP or GIF with an HTML page after it or inside it — are refused, with a
// Vietnamese message on the form's field, before anything is written (stageUpload does no I/O).
// Real files stay accepted.
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { stageUpload, UPLOAD_RULES, type UploadRule } from "@/lib/files/stage";
import { GIF_1x1, pdfOfSize, pngOfSize, uploadFixture } from "../upload-fixtures";

const ANY: UploadRule = { maxBytes: 20 * 1024 * 1024, kinds: ["pdf", "png", "jpeg", "webp", "gif"] };
const PAGE = "<html><body><script>fetch('/api/tai-khoan').then(r => r.text()).then(alert)</script></body></html>";
const concat = (...parts: (Uint8Array | string)[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p))));
/** A PNG chunk with a correct CRC. */
function pngChunk(type: string, data: string): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type + data, 4, "latin1");
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

describe("real files are accepted", () => {
  const pdf = uploadFixture("bien-ban.pdf");
  const png = uploadFixture("anh-chup.png");
  it.each([
    ["a PDF printed by Chromium", "bien-ban.pdf", pdf, UPLOAD_RULES.pdf, "pdf"],
    ["a PNG screenshot", "anh.png", png, UPLOAD_RULES.image, "png"],
    ["a JPEG photo", "anh.jpg", uploadFixture("anh-chup.jpg"), UPLOAD_RULES.image, "jpeg"],
    ["a WebP image", "anh.webp", uploadFixture("anh-chup.webp"), UPLOAD_RULES.image, "webp"],
    ["a GIF", "anh.gif", GIF_1x1, ANY, "gif"],
    ["a PDF with a blank line after %%EOF", "a.pdf", concat(pdf, "\r\n\r\n"), UPLOAD_RULES.pdf, "pdf"],
    ["the tests' padded PDF", "a.pdf", pdfOfSize(4096), UPLOAD_RULES.taskResult, "pdf"],
    ["the tests' padded PNG", "a.png", pngOfSize(2048), UPLOAD_RULES.image, "png"],
  ] as const)("%s", (_label, name, bytes, rule, kind) => {
    const staged = stageUpload({ name, bytes }, rule, "file");
    expect(staged.kind).toBe(kind);
    expect(staged.bytes).toBe(bytes);
  });
});

describe("polyglots and broken files are refused", () => {
  const pdf = uploadFixture("bien-ban.pdf");
  const png = uploadFixture("anh-chup.png");
  const jpeg = uploadFixture("anh-chup.jpg");
  const webp = uploadFixture("anh-chup.webp");
  const iend = png.length - 12;
  const MARKUP = /mã HTML/;
  const STRUCTURE = /không đúng cấu trúc/;
  it.each([
    ["a PDF with an HTML page after %%EOF", concat(pdf, PAGE), MARKUP],
    ["a PDF header, then an HTML page, then %%EOF", concat("%PDF-1.7\n", PAGE, "\n%%EOF\n"), MARKUP],
    ["a PDF header followed by an HTML page (no %%EOF)", concat("%PDF-1.7\n", PAGE), /cấu trúc|mã HTML/],
    ["a PDF cut short (no %%EOF)", pdf.subarray(0, pdf.length - 200), STRUCTURE],
    ["a PNG with an HTML page after IEND", concat(png, PAGE), /cấu trúc|mã HTML/],
    ["a PNG with bytes after IEND", concat(png, "\0\0\0\0"), STRUCTURE],
    ["a PNG with an HTML page in a text chunk", concat(png.subarray(0, iend), pngChunk("tEXt", `Comment\0${PAGE}`), png.subarray(iend)), MARKUP],
    ["a PNG with an <svg> in a text chunk, in capitals", concat(png.subarray(0, iend), pngChunk("tEXt", "Comment\0<SVG onload=alert(1)>"), png.subarray(iend)), MARKUP],
    ["a PNG cut short", png.subarray(0, png.length - 20), STRUCTURE],
    ["a PNG whose chunk has a wrong checksum", concat(png.subarray(0, iend), Buffer.from("000000047a5a5a5a0000000000000000", "hex"), png.subarray(iend)), STRUCTURE],
    ["a PNG signature followed by an HTML page", concat(png.subarray(0, 8), PAGE), /cấu trúc|mã HTML/],
    ["a JPEG with an HTML page after its end marker", concat(jpeg, PAGE), /cấu trúc|mã HTML/],
    ["a JPEG with an <iframe> in a comment segment", concat(jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x20]), "<iframe src=//evil.example>  ", jpeg.subarray(2)), MARKUP],
    ["a JPEG cut short", jpeg.subarray(0, jpeg.length - 2), STRUCTURE],
    ["a WebP with an HTML page after it", concat(webp, PAGE), /cấu trúc|mã HTML/],
    ["a WebP whose RIFF length is wrong", concat(webp.subarray(0, 4), Buffer.from([0xff, 0, 0, 0]), webp.subarray(8)), STRUCTURE],
    ["a GIF with an HTML page after its trailer", concat(GIF_1x1, PAGE), /cấu trúc|mã HTML/],
    ["a GIF cut short", GIF_1x1.subarray(0, GIF_1x1.length - 1), STRUCTURE],
    ["a PDF with <!DOCTYPE html> inside", concat("%PDF-1.4\n%<!DOCTYPE HTML>\n", pdfOfSize(300)), MARKUP],
  ] as const)("%s", (_label, bytes, message) => {
    let err: unknown = null;
    try {
      stageUpload({ name: "tep.pdf", bytes }, ANY, "file");
    } catch (e) {
      err = e;
    }
    expect(err, "accepted").toMatchObject({ code: "VALIDATION", message, fieldErrors: { file: [expect.stringMatching(message)] } });
  });
});
