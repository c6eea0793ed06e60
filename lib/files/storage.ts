// Uploaded files live under UPLOAD_DIR with random names; the database keeps the original name.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
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

/** Writes the bytes first; the caller records them in its transaction and removes them on failure. */
export async function writeUpload(bytes: Uint8Array, kind: FileKind): Promise<PendingFile> {
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomBytes(16).toString("hex")}.${kind}`;
  const path = join(uploadDir(), storageKey);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes, { flag: "wx" });
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
