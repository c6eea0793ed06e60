// The production build: `next build` makes .next/standalone (output: "standalone"), the one
// folder every instance runs (server.js); its static files and public/ are copied in, as Next's
// self-hosting guide says. "Builds if needed": a build is reused while no source file changed
// since it was made.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NEXT_BIN } from "./server.ts";

export const STANDALONE_DIR = ".next/standalone";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts", "tsconfig.json"];
const STAMP = ".next/ntm-source-stamp";

function walk(path: string, out: string[]) {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    if (path.endsWith("generated")) return; // regenerated on every install, derived from the schema
    for (const entry of readdirSync(path).sort()) walk(join(path, entry), out);
  } else {
    out.push(`${path}:${st.size}:${Math.floor(st.mtimeMs)}`);
  }
}

export function sourceStamp(): string {
  const files: string[] = [];
  for (const s of SOURCES) walk(s, files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(join(STANDALONE_DIR, "server.js")) && existsSync(join(STANDALONE_DIR, ".next/static")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceStamp();
}

/**
 * `next build`, then the static files and public/ into the standalone folder, then the stamp.
 * Returns next build's exit code (the stamp is written only after a successful build).
 */
export function buildPortal(opts: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): number {
  const stamp = sourceStamp(); // the sources as they are when the build starts
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: opts.quiet ? ["ignore", 2, 2] : "inherit", env: opts.env ?? process.env });
  if (build.status !== 0) return build.status ?? 1;
  rmSync(join(STANDALONE_DIR, ".next/static"), { recursive: true, force: true });
  cpSync(".next/static", join(STANDALONE_DIR, ".next/static"), { recursive: true });
  if (existsSync("public")) cpSync("public", join(STANDALONE_DIR, "public"), { recursive: true });
  writeFileSync(STAMP, stamp);
  return 0;
}

