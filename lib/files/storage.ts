// Uploaded files live under UPLOAD_DIR with random names; the database keeps the original name.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Tx } from "@/lib/db";
import { MIME, safeFileName, type FileKind } from "./rules";

export function uploadDir(): string {
  return resolve(process.env.UPLOAD_DIR ?? ".data/uploads");
}

export interface PendingFile {
  storageKey: string;
  path: string;
  sha256: string;
}

/** The shape of the keys writeUpload makes ("2026/11/<32 hex>.pdf"): never a path of anyone's choosing. */
export const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}\.[a-z0-9]{1,8}$/;

/**
 * Writes the bytes first; the caller records them in its transaction and removes them on failure.
 * They go to a temporary name in the same folder, renamed to the key once whole and on disk: a
 * write cut short (a full disk) leaves nothing behind, and no one ever reads half a file.
 */
export async function writeUpload(bytes: Uint8Array, kind: FileKind): Promise<PendingFile> {
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomBytes(16).toString("hex")}.${kind}`;
  const path = join(uploadDir(), storageKey);
  const partial = `${path}.part`;
  await mkdir(dirname(path), { recursive: true });
  try {
    const handle = await open(partial, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
  } catch (err) {
    await unlink(partial).catch(() => {});
    throw err;
  }
  return { storageKey, path, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function discardUpload(file: PendingFile): Promise<void> {
  await unlink(file.path).catch(() => {});
}

export function recordUpload(tx: Tx, file: PendingFile, meta: { name: string; kind: FileKind; size: number; userId: number }) {
  return tx.storedFile.create({
    data: {
      storageKey: file.storageKey,
      fileName: safeFileName(meta.name),
      mimeType: MIME[meta.kind],
      size: meta.size,
      sha256: file.sha256,
      uploadedById: meta.userId,
    },
  });
}

export function readStoredFile(storageKey: string): Promise<Buffer> {
  const path = resolve(uploadDir(), storageKey);
  if (!path.startsWith(uploadDir() + "/")) throw new Error("invalid storage key");
  return readFile(/*turbopackIgnore: true*/ path);
}
