// Where a checkout keeps its local state: the embedded PostgreSQL, the uploaded files, the
// per-installation secrets. `.data/` by default; NTM_DATA_DIR puts all of it elsewhere (a second
// instance beside the first, or a test that must never touch the developer's data).
import { join, resolve } from "node:path";

export function dataRoot(): string {
  return resolve(process.env.NTM_DATA_DIR || ".data");
}

/** The embedded PostgreSQL's data directory. */
export function embeddedDataDir(): string {
  return join(dataRoot(), "pg");
}

/** The uploaded files: UPLOAD_DIR when set, otherwise under the data root. */
export function portalUploadDir(): string {
  return resolve(process.env.UPLOAD_DIR || join(dataRoot(), "uploads"));
}
