// "Builds if needed": a production build is reused while no source file changed since it was made.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
  return existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceStamp();
}

export function recordBuild(): void {
  writeFileSync(STAMP, sourceStamp());
}
