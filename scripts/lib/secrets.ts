// Per-installation secrets, generated once and kept under .data/ (NTM_DATA_DIR), readable by
// their owner only and never committed: the key that signs sessions and the key that signs
// backups. An environment variable, when set, takes the place of each file.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dataRoot } from "./data-dir.ts";

/** The secret in `path`, made there (mode 0600) when missing and `create` is set. */
export function secretFile(path: string, create = true): string | null {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  if (!create) return null;
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // wx: two commands starting at once must not each write a different secret
  try {
    writeFileSync(path, secret, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(path, "utf8").trim();
    throw err;
  }
  return secret;
}

export function authSecret(path = join(dataRoot(), "auth-secret")): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  return secretFile(path)!;
}

export const BACKUP_KEY_MIN_LENGTH = 32;

/** Where the generated backup key lives (shown to the operator, who must keep a copy). */
export function backupKeyPath(): string {
  return join(dataRoot(), "backup-key");
}

/**
 * The key backups are signed with (HMAC-SHA256, scripts/lib/backup.ts): BACKUP_KEY, or the one
 * generated once in .data/backup-key. A restore does not create one (`create: false`): a new
 * key could verify nothing.
 */
export function backupKey(opts: { create: boolean }): string | null {
  const env = process.env.BACKUP_KEY;
  if (env !== undefined && env !== "") {
    if (env.length < BACKUP_KEY_MIN_LENGTH) {
      throw new Error(`BACKUP_KEY quá ngắn: cần ít nhất ${BACKUP_KEY_MIN_LENGTH} ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32).`);
    }
    return env;
  }
  return secretFile(backupKeyPath(), opts.create);
}
