// Uploaded files were once kept on disk (UPLOAD_DIR, by default .data/uploads) with only their
// StoredFile row in the database. Setup loads every such file into StoredFileChunk, as an upload
// now stores it: one file per transaction, only a file whose size and sha256 are those recorded,
// never over content already there, so running it again changes nothing. The files on disk are
// left as they were (remove them once the portal serves them). A restore of a backup of the
// earlier format loads its files the same way.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import pg from "pg";
import { splitIntoChunks, STORAGE_KEY } from "../../lib/files/storage.ts";

export interface UploadsLoaded {
  /** files loaded into the database by this call */
  loaded: number;
  /** storage keys of files without content in the database and not in the folder either */
  missing: string[];
  /** storage keys of files in the folder whose bytes are not those recorded at upload (not loaded) */
  changed: string[];
}

/** Loads into the database the files of `dir` whose StoredFile row has no content yet. */
export async function loadUploadsFromDisk(url: string, dir: string): Promise<UploadsLoaded> {
  const root = resolve(dir);
  const out: UploadsLoaded = { loaded: 0, missing: [], changed: [] };
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number; key: string; size: number; sha256: string }>(`
      SELECT f.id, f."storageKey" AS key, f.size, f.sha256 FROM "StoredFile" f
       WHERE f.size > 0 AND NOT EXISTS (SELECT 1 FROM "StoredFileChunk" c WHERE c."fileId" = f.id)
       ORDER BY f.id`);
    for (const f of rows) {
      const path = resolve(root, f.key);
      if (!STORAGE_KEY.test(f.key) || !path.startsWith(root + sep) || !existsSync(path)) {
        out.missing.push(f.key);
        continue;
      }
      const bytes = readFileSync(path);
      if (bytes.length !== f.size || createHash("sha256").update(bytes).digest("hex") !== f.sha256) {
        out.changed.push(f.key);
        continue;
      }
      await c.query("BEGIN");
      try {
        // the row locked, then checked again: another loader may have been first
        await c.query(`SELECT 1 FROM "StoredFile" WHERE id = $1 FOR UPDATE`, [f.id]);
        const held = (await c.query(`SELECT 1 FROM "StoredFileChunk" WHERE "fileId" = $1 LIMIT 1`, [f.id])).rowCount;
        if (!held) {
          for (const chunk of splitIntoChunks(bytes)) {
            await c.query(`INSERT INTO "StoredFileChunk" ("fileId", seq, bytes) VALUES ($1, $2, $3)`, [f.id, chunk.seq, Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length)]);
          }
          out.loaded++;
        }
        await c.query("COMMIT");
      } catch (err) {
        await c.query("ROLLBACK").catch(() => {});
        throw err;
      }
    }
    return out;
  } finally {
    await c.end();
  }
}

/** Storage keys of the StoredFile rows whose content the database does not hold whole. */
export async function filesWithoutContent(c: pg.ClientBase): Promise<string[]> {
  const { rows } = await c.query<{ key: string }>(`
    SELECT f."storageKey" AS key FROM "StoredFile" f
     WHERE f.size <> COALESCE((SELECT sum(octet_length(c.bytes)) FROM "StoredFileChunk" c WHERE c."fileId" = f.id), 0)
     ORDER BY f.id`);
  return rows.map((r) => r.key);
}
