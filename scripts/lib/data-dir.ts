// Where a checkout keeps its local state: the embedded PostgreSQL and the per-installation
// secrets. `.data/` by default; NTM_DATA_DIR puts all of it elsewhere (a second
// instance beside the first, or a test that must never touch the developer's data).
import { join, resolve } from "node:path";

export function dataRoot(): string {
  return resolve(process.env.NTM_DATA_DIR || ".data");
}

/** The embedded PostgreSQL's data directory. */
export function embeddedDataDir(): string {
  return join(dataRoot(), "pg");
}

/**
 * Where uploaded files were kept before they moved into the database: UPLOAD_DIR when set,
 * otherwise under the data root. Read only by setup, which loads what it finds there
 * (scripts/lib/uploads-to-database.ts).
 */
export function legacyUploadDir(): string {
  return resolve(process.env.UPLOAD_DIR || join(dataRoot(), "uploads"));
}
