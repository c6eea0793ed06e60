// How a stored file is sent back (pure, unit-tested). The type comes from the allow-list of kinds
// the upload checks accepted (lib/files/rules.ts), never from what the database or the uploader
// says it is: anything else goes out as opaque bytes, to be downloaded. PDFs and images open in
// the browser; nothing is ever sent as HTML, nor sniffed into it.
import { MIME, type FileKind } from "./rules";

const INLINE_KINDS: readonly FileKind[] = ["pdf", "png", "jpeg", "webp", "gif"];
const KIND_BY_MIME = new Map(Object.entries(MIME).map(([kind, mime]) => [mime, kind as FileKind]));

/** The kind of a stored file: its recorded type must be one the upload accepted, and match its key's extension. */
export function storedFileKind(file: { mimeType: string; storageKey: string }): FileKind | null {
  const kind = KIND_BY_MIME.get(file.mimeType.trim().toLowerCase());
  if (!kind) return null;
  return file.storageKey.toLowerCase().endsWith(`.${kind}`) ? kind : null;
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "")
    .trim() || "tep";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function downloadHeaders(file: { fileName: string; mimeType: string; storageKey: string }, size: number): Record<string, string> {
  const kind = storedFileKind(file);
  const inline = kind !== null && INLINE_KINDS.includes(kind);
  return {
    "Content-Type": kind ? MIME[kind] : "application/octet-stream",
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
    "X-Content-Type-Options": "nosniff",
    // opened on its own, a file may run nothing and load nothing; Chrome's PDF viewer refuses a
    // sandboxed document, so PDFs get the same policy without the sandbox
    "Content-Security-Policy": kind === "pdf" ? "default-src 'none'; frame-ancestors 'self'" : "default-src 'none'; frame-ancestors 'self'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  };
}
