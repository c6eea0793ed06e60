// What an uploaded file really is, from its content (never from its name or the browser's claimed
// type): the kind its first bytes name, then the whole file walked as that kind, and no HTML in it
// anywhere — a polyglot (a real PDF or image with a web page after or inside it) is refused.
// And the limits per use.
import { crc32 } from "node:zlib";

export type FileKind = "pdf" | "png" | "jpeg" | "webp" | "gif";

export const MIME: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};

export function sniffFileKind(head: Uint8Array): FileKind | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return "webp";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "gif";
  return null;
}

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_KINDS: FileKind[] = ["pdf", "png", "jpeg", "webp"];

/** A file name safe to show and to send in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string, fallback = "tep"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").replace(/^\.+/, "").trim().slice(0, 150);
  return cleaned || fallback;
}

/** True when the whole file has the structure of its kind, with nothing after its end. */
export function isWellFormed(bytes: Uint8Array, kind: FileKind): boolean {
  switch (kind) {
    case "pdf":
      return isPdf(bytes);
    case "png":
      return isPng(bytes);
    case "jpeg":
      return isJpeg(bytes);
    case "webp":
      return isWebp(bytes);
    case "gif":
      return isGif(bytes);
  }
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** %%EOF in the last KB (some writers add a few bytes after it; markup there is refused anyway). */
function isPdf(b: Uint8Array): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).lastIndexOf("%%EOF") >= Math.max(0, b.length - 1024);
}

/** Chunks from IHDR to IEND, each with its length and CRC right, IEND the last bytes. */
function isPng(b: Uint8Array): boolean {
  const v = view(b);
  for (let at = 8, first = true; at + 12 <= b.length; first = false) {
    const length = v.getUint32(at);
    const type = ascii(b, at + 4, at + 8);
    const end = at + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > b.length || (first && type !== "IHDR")) return false;
    if (crc32(b.subarray(at + 4, end - 4)) !== v.getUint32(end - 4)) return false;
    if (type === "IEND") return end === b.length;
    at = end;
  }
  return false;
}

/** Segments from SOI to the scan, the scan to EOI, and EOI the last bytes. */
function isJpeg(b: Uint8Array): boolean {
  const v = view(b);
  let at = 2;
  // marker segments up to the first scan (SOS), each with its length
  for (;;) {
    if (at + 4 > b.length || b[at] !== 0xff) return false;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) return false;
    const length = v.getUint16(at + 2);
    if (length < 2) return false;
    at += 2 + length;
    if (marker === 0xda) break;
  }
  // entropy-coded data and further segments: the file ends at its EOI
  return b.length >= at + 2 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
}

/** The RIFF length is the file's, and its chunks fill it exactly. */
function isWebp(b: Uint8Array): boolean {
  if (b.length < 20) return false;
  const v = view(b);
  if (v.getUint32(4, true) + 8 !== b.length) return false;
  let at = 12;
  while (at + 8 <= b.length) {
    if (!/^[A-Z0-9 ]{4}$/i.test(ascii(b, at, at + 4))) return false;
    const size = v.getUint32(at + 4, true);
    at += 8 + size + (size % 2);
  }
  return at === b.length;
}

/** Blocks from the screen descriptor to the trailer, the trailer the last byte. */
function isGif(b: Uint8Array): boolean {
  if (b.length < 14 || !/^GIF8[79]a$/.test(ascii(b, 0, 6))) return false;
  const colourTable = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let at = 13 + colourTable(b[10]);
  const subBlocks = () => {
    while (at < b.length && b[at] !== 0) at += b[at] + 1;
    at++; // the terminator
  };
  while (at < b.length) {
    const block = b[at];
    if (block === 0x3b) return at === b.length - 1;
    if (block === 0x21) {
      at += 2;
      subBlocks();
    } else if (block === 0x2c) {
      if (at + 10 > b.length) return false;
      at += 10 + colourTable(b[at + 9]) + 1; // descriptor, local colour table, LZW code size
      subBlocks();
    } else {
      return false;
    }
  }
  return false;
}

/**
 * An HTML tag that browsers act on, anywhere in the bytes, in any case: a file that holds one is
 * a page in disguise whatever else it is. The name must end as HTML's tokenizer ends it (white
 * space, "/" or ">"), so compressed data matches by chance about once in 1,000 files of 20 MB.
 */
const MARKUP = /<(?:!doctype[\t\n\f\r ]+html|html|script|svg|iframe)[\t\n\f\r />]/i;

export function containsMarkup(bytes: Uint8Array): boolean {
  return MARKUP.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

export function checkUpload(file: { name: string; size: number; bytes: Uint8Array }, opts: { maxBytes: number; kinds: FileKind[] }): { kind: FileKind } | { error: string } {
  if (file.size === 0) return { error: "Tệp rỗng." };
  if (file.size > opts.maxBytes) return { error: `Tệp quá lớn: tối đa ${Math.round(opts.maxBytes / 1024 / 1024)} MB.` };
  const kind = sniffFileKind(file.bytes.subarray(0, 16));
  if (!kind || !opts.kinds.includes(kind)) {
    const allowed = opts.kinds.map((k) => k.toUpperCase()).join(", ");
    return { error: `Định dạng tệp không được chấp nhận (chỉ nhận ${allowed}); nội dung tệp không khớp với tên tệp.` };
  }
  if (containsMarkup(file.bytes)) {
    return { error: "Tệp có chứa mã HTML hoặc mã lệnh (thẻ <html>, <script>, <svg>, <iframe>); cổng không nhận tệp như vậy." };
  }
  if (!isWellFormed(file.bytes, kind)) {
    return { error: `Tệp không đúng cấu trúc của tệp ${kind.toUpperCase()} (bị hỏng, bị cắt hoặc có nội dung khác ghép vào). Hãy mở tệp rồi lưu lại dưới dạng ${kind.toUpperCase()} trước khi tải lên.` };
  }
  return { kind };
}
