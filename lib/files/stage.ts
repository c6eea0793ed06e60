// Upload limits per use, and the first step of every upload: check the bytes (kind by content,
// size measured, never declared), then write them; the caller records the file in its transaction
// and discards it when the transaction fails (recordStaged, writingStaged).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UploadInput } from "@/lib/forms";
import { checkUpload, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, type FileKind } from "./rules";
import { discardUpload, recordUpload, writeUpload, type PendingFile } from "./storage";

export interface UploadRule {
  maxBytes: number;
  kinds: FileKind[];
}

export const UPLOAD_RULES = {
  /** article images */
  image: { maxBytes: 5 * 1024 * 1024, kinds: ["png", "jpeg", "webp"] },
  /** attachments of notices and documents */
  pdf: { maxBytes: 20 * 1024 * 1024, kinds: ["pdf"] },
  /** results attached to a task's progress note */
  taskResult: { maxBytes: EVIDENCE_MAX_BYTES, kinds: EVIDENCE_KINDS },
} as const satisfies Record<string, UploadRule>;

export interface StagedUpload {
  pending: PendingFile;
  name: string;
  kind: FileKind;
  size: number;
}

/** Checks an upload against a rule and writes it; a refused file is a VALIDATION error on `field`. */
export async function stageUpload(file: UploadInput, rule: UploadRule, field: string): Promise<StagedUpload> {
  const size = file.bytes.length;
  const check = checkUpload({ name: file.name, size, bytes: file.bytes }, { maxBytes: rule.maxBytes, kinds: [...rule.kinds] });
  if ("error" in check) throw new AppError("VALIDATION", check.error, { [field]: [check.error] });
  const pending = await writeUpload(file.bytes, check.kind);
  return { pending, name: file.name, kind: check.kind, size };
}

type StoredFileRow = Awaited<ReturnType<typeof recordUpload>>;

/** Records a staged upload in the caller's transaction: its StoredFile row, or null when none was staged. */
export function recordStaged(tx: Tx, staged: StagedUpload, userId: number): Promise<StoredFileRow>;
export function recordStaged(tx: Tx, staged: StagedUpload | null, userId: number): Promise<StoredFileRow | null>;
export async function recordStaged(tx: Tx, staged: StagedUpload | null, userId: number): Promise<StoredFileRow | null> {
  return staged ? recordUpload(tx, staged.pending, { name: staged.name, kind: staged.kind, size: staged.size, userId }) : null;
}

/** Runs the write that records `staged`; when it fails, the staged bytes are removed again. */
export async function writingStaged<T>(staged: StagedUpload | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (staged) await discardUpload(staged.pending);
    throw err;
  }
}
