// Opens the portal's database for a command: DATABASE_URL when set (no embedded server is
// started), otherwise the embedded PostgreSQL under .data/ (NTM_DATA_DIR) — reusing it when
// another command (e.g. a running `npm start`) already has it up.
import { relative } from "node:path";
import { embeddedDataDir } from "./data-dir.ts";
import {
  createDatabaseIfMissing,
  ensureAppDatabase,
  externalServer,
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
  type DatabaseServer,
} from "./postgres.ts";

export const DEFAULT_DB_NAME = "ntm";

/** The embedded server's port: EMBEDDED_PG_PORT, or 54320. */
export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT || 54320);
}

export interface OpenDatabase {
  /** the portal's database; embedded: as the app role, which is no superuser */
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

export async function openDatabase(opts: { quiet?: boolean } = {}): Promise<OpenDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const server = externalServer(external);
    // create the database when the server allows it; an existing one is used as is
    const name = new URL(external).pathname.slice(1) || DEFAULT_DB_NAME;
    await createDatabaseIfMissing(server.adminUrl, name).catch(() => false);
    return { url: external, server, close: async () => {} };
  }
  const dataDir = embeddedDataDir();
  const port = embeddedPort();
  let server = await runningEmbeddedPostgres({ dataDir, port });
  if (!server) {
    if (!opts.quiet) console.log(`Khởi động PostgreSQL nhúng (dữ liệu trong ${shownPath(dataDir)}, cổng ${port})…`);
    server = await startEmbeddedPostgres({ dataDir, port, quiet: opts.quiet });
  }
  try {
    return { url: await ensureAppDatabase(server, DEFAULT_DB_NAME), server, close: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/**
 * The body of a command on the portal's database, the way every command ends: its exit code, or
 * 1 and `failed`'s message when it throws; the database closed (the embedded server stopped if
 * this command started it) either way.
 */
export async function runCli(work: (database: OpenDatabase) => Promise<number>, failed: (err: unknown) => string = errorText): Promise<never> {
  const database = await openDatabase({ quiet: true });
  let code = 1;
  try {
    code = await work(database);
  } catch (err) {
    console.error(failed(err));
    code = 1;
  } finally {
    await database.close();
  }
  process.exit(code);
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
