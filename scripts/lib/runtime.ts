// Opens the portal's database for a command: DATABASE_URL when set (no embedded server is
// started), otherwise the embedded PostgreSQL under .data/ (NTM_DATA_DIR) — reusing it when
// another command (e.g. a running `npm start`) already has it up.
import { relative } from "node:path";
import pg from "pg";
import { embeddedDataDir } from "./data-dir.ts";
import {
  createDatabaseIfMissing,
  databaseUrl,
  externalServer,
  startEmbeddedPostgres,
  type DatabaseServer,
} from "./postgres.ts";

export const DEFAULT_EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
export const DEFAULT_DB_NAME = "ntm";

export interface OpenDatabase {
  url: string;
  server: DatabaseServer;
  /** stops the embedded server if this command started it */
  close(): Promise<void>;
}

/** A path as the user would type it: relative inside the checkout, absolute outside. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(opts: { quiet?: boolean } = {}): Promise<OpenDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const server = externalServer(external);
    // create the database when the server allows it; an existing one is used as is
    const name = new URL(external).pathname.slice(1) || DEFAULT_DB_NAME;
    await createDatabaseIfMissing(server.adminUrl, name).catch(() => false);
    return { url: external, server, close: async () => {} };
  }
  const adminUrl = `postgresql://postgres:ntm-local@127.0.0.1:${DEFAULT_EMBEDDED_PORT}/postgres`;
  let server: DatabaseServer;
  let owned = false;
  if (await answers(adminUrl)) {
    server = { adminUrl, embedded: true, stop: async () => {} };
  } else {
    const dataDir = embeddedDataDir();
    if (!opts.quiet) console.log(`Khởi động PostgreSQL nhúng (dữ liệu trong ${shownPath(dataDir)}, cổng ${DEFAULT_EMBEDDED_PORT})…`);
    server = await startEmbeddedPostgres({ dataDir, port: DEFAULT_EMBEDDED_PORT, quiet: opts.quiet });
    owned = true;
  }
  await createDatabaseIfMissing(server.adminUrl, DEFAULT_DB_NAME);
  return {
    url: databaseUrl(server.adminUrl, DEFAULT_DB_NAME),
    server,
    close: async () => {
      if (owned) await server.stop();
    },
  };
}
