// Uploaded files live in PostgreSQL: a StoredFile row (original name, type, size, sha256) and the
// content in StoredFileChunk rows, written in the caller's transaction. A save that fails leaves
// nothing behind, every instance of the portal serves every file, and a backup holds them all.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { MIME, safeFileName, type FileKind } from "./rules";

/** The content is stored, and read back, in pieces of this size (the last one shorter). */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The options of a transaction that records a file: writing 20 MB of chunks took 1.4–2.7 s here
 * on a busy machine, too close to Prisma's 5 s default.
 */
export const RECORDING_TRANSACTION = { timeout: 30_000 } as const;

/** Chunks inserted per statement: a 20 MB file in ten statements, none over 2 MB. */
const CHUNKS_PER_INSERT = 8;

/**
 * The shape of a file's random name ("2026/11/<32 hex>.pdf"): unique, never the uploader's, and
 * its extension the kind the upload checks found (lib/files/download.ts checks the recorded type
 * against it).
 */
export const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}\.[a-z0-9]{1,8}$/;

export function newStorageKey(kind: FileKind, now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomBytes(16).toString("hex")}.${kind}`;
}

/** The content cut into CHUNK_BYTES pieces, seq 0, 1, 2… (views, not copies). */
export function splitIntoChunks(bytes: Uint8Array): { seq: number; bytes: Uint8Array<ArrayBuffer> }[] {
  const chunks = [];
  for (let at = 0, seq = 0; at < bytes.length; at += CHUNK_BYTES, seq++) {
    chunks.push({ seq, bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, Math.min(CHUNK_BYTES, bytes.length - at)) });
  }
  return chunks;
}

export interface UploadToRecord {
  bytes: Uint8Array;
  /** the name the uploader gave (kept, cleaned, for the download's Content-Disposition) */
  name: string;
  /** what the upload checks found the content to be */
  kind: FileKind;
  userId: number;
}

/**
 * Records a checked upload in the caller's transaction: its StoredFile row and its content. When
 * the transaction fails, neither exists.
 */
export async function recordUpload(tx: Tx, file: UploadToRecord) {
  const row = await tx.storedFile.create({
    data: {
      storageKey: newStorageKey(file.kind),
      fileName: safeFileName(file.name),
      mimeType: MIME[file.kind],
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      uploadedById: file.userId,
    },
  });
  const chunks = splitIntoChunks(file.bytes);
  for (let i = 0; i < chunks.length; i += CHUNKS_PER_INSERT) {
    await tx.storedFileChunk.createMany({ data: chunks.slice(i, i + CHUNKS_PER_INSERT).map((c) => ({ fileId: row.id, ...c })) });
  }
  return row;
}
