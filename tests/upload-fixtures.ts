// Upload fixtures that are real files of their kind (the upload check reads the whole file, not
// only its first bytes): a PDF and a PNG of any size, and the files in tests/fixtures/upload-files —
// a PDF printed by Chromium, a screenshot (PNG) and a canvas saved as JPEG and as WebP.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { crc32 } from "node:zlib";

/** A file of tests/fixtures/upload-files. */
export const uploadFixture = (name: string) => new Uint8Array(readFileSync(resolve("tests/fixtures/upload-files", name)));

/** A one-page PDF of exactly `size` bytes (≥ 200), padded with a comment before its trailer. */
export function pdfOfSize(size: number): Uint8Array {
  const head = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n";
  const tail = "trailer <</Root 1 0 R>>\n%%EOF\n";
  const pad = size - head.length - tail.length - 2;
  if (pad < 0) throw new Error(`a PDF needs at least ${head.length + tail.length + 2} bytes`);
  return new TextEncoder().encode(`${head}%${"0".repeat(pad)}\n${tail}`);
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A 1×1 PNG of exactly `size` bytes (≥ 100), padded with a text chunk. */
export function pngOfSize(size: number): Uint8Array {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = pngChunk("IHDR", Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
  const idat = pngChunk("IDAT", Buffer.from("789c63d05a55fe1f000498024b", "hex"));
  const iend = pngChunk("IEND", new Uint8Array());
  const fixed = signature.length + ihdr.length + idat.length + iend.length + 12;
  const pad = size - fixed - "Comment\0".length;
  if (pad < 0) throw new Error(`a PNG needs at least ${fixed + 8} bytes`);
  const text = pngChunk("tEXt", Buffer.from(`Comment\0${"0".repeat(pad)}`, "latin1"));
  return new Uint8Array(Buffer.concat([signature, ihdr, idat, text, iend]));
}

/** The smallest GIF: one transparent pixel. */
export const GIF_1x1 = new Uint8Array(Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"));
