// What an uploaded file really is, from its first bytes (never from its name or the browser's
// claimed type), and the limits per use.

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

export function checkUpload(file: { name: string; size: number; head: Uint8Array }, opts: { maxBytes: number; kinds: FileKind[] }): { kind: FileKind } | { error: string } {
  if (file.size === 0) return { error: "Tệp rỗng." };
  if (file.size > opts.maxBytes) return { error: `Tệp quá lớn: tối đa ${Math.round(opts.maxBytes / 1024 / 1024)} MB.` };
  const kind = sniffFileKind(file.head);
  if (!kind || !opts.kinds.includes(kind)) {
    const allowed = opts.kinds.map((k) => k.toUpperCase()).join(", ");
    return { error: `Định dạng tệp không được chấp nhận (chỉ nhận ${allowed}); nội dung tệp không khớp với tên tệp.` };
  }
  return { kind };
}
