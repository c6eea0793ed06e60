// Upload limits per use, and the first step of every upload: check the bytes (kind by content,
// size measured, never declared) before anything is written; the caller then records the file in
// its transaction (recordStaged), so a refused or failed save leaves nothing behind.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UploadInput } from "@/lib/forms";
import { checkUpload, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, type FileKind } from "./rules";
import { recordUpload } from "./storage";

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
  bytes: Uint8Array;
  name: string;
  kind: FileKind;
}

/** Checks an upload against a rule (no I/O); a refused file is a VALIDATION error on `field`. */
export function stageUpload(file: UploadInput, rule: UploadRule, field: string): StagedUpload {
  const check = checkUpload({ name: file.name, size: file.bytes.length, bytes: file.bytes }, { maxBytes: rule.maxBytes, kinds: [...rule.kinds] });
  if ("error" in check) throw new AppError("VALIDATION", check.error, { [field]: [check.error] });
  return { bytes: file.bytes, name: file.name, kind: check.kind };
}

type StoredFileRow = Awaited<ReturnType<typeof recordUpload>>;

/** Records a staged upload in the caller's transaction: its StoredFile row, or null when none was staged. */
export function recordStaged(tx: Tx, staged: StagedUpload, userId: number): Promise<StoredFileRow>;
export function recordStaged(tx: Tx, staged: StagedUpload | null, userId: number): Promise<StoredFileRow | null>;
export async function recordStaged(tx: Tx, staged: StagedUpload | null, userId: number): Promise<StoredFileRow | null> {
  return staged ? recordUpload(tx, { ...staged, userId }) : null;
}
