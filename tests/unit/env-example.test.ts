// .env.example lists every environment variable the portal's code reads, and none it no longer
// reads: an operator who fills it in misses nothing. The code is scanned as text, the way
// `grep process.env` would: process.env.X, process.env["X"], env.X (a function given the
// environment, as lib/ops/production-env.ts is) and `const { X } = process.env`. tests/ and
// playwright.config.ts are not scanned: their variables are handed over by npm test itself.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(".");
const SCANNED = ["app", "lib", "components", "scripts", "bench", "prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "prisma.config.ts"];
const SKIPPED_DIRS = new Set(["node_modules", "generated"]);

/** Read by the code but set by the tools themselves: named in a comment of .env.example, never as a setting. */
const SET_BY_TOOLS: Record<string, string> = {
  NODE_ENV: "next build and next start",
  NEXT_RUNTIME: "Next.js",
  NEXT_PHASE: "Next.js",
  BENCH_SCALE: "npm run bench, for its own worker processes",
};
/** Listed in .env.example though no file of ours reads it: read by a dependency. */
const READ_BY_DEPENDENCIES: Record<string, string> = {
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "Next.js (node_modules/next/dist/server/app-render/encryption-utils.js)",
};

function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return /\.(ts|tsx|js|mjs|cjs)$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => (SKIPPED_DIRS.has(name) ? [] : sourceFiles(join(path, name))));
}

/** Every variable `source` reads from the environment. */
export function variablesRead(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/\benv\??\.([A-Z_][A-Z0-9_]*)\b/g)) names.add(m[1]);
  for (const m of source.matchAll(/\benv\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\]/g)) names.add(m[1]);
  for (const m of source.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g)) {
    for (const part of m[1].split(",")) {
      const name = /^\s*([A-Z_][A-Z0-9_]*)\b/.exec(part)?.[1];
      if (name) names.add(name);
    }
  }
  return names;
}

/** The variables a .env file sets, or shows commented out (`# NAME=…`). */
export function variablesListed(envFile: string): Set<string> {
  return new Set([...envFile.matchAll(/^(?:#\s*)?([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]));
}

const readBy = new Map<string, string[]>();
for (const file of SCANNED.flatMap((p) => sourceFiles(join(ROOT, p)))) {
  for (const name of variablesRead(readFileSync(file, "utf8"))) readBy.set(name, [...(readBy.get(name) ?? []), relative(ROOT, file)]);
}
const envExample = readFileSync(join(ROOT, ".env.example"), "utf8");
const listed = variablesListed(envExample);

describe(".env.example", () => {
  it("the scan finds what it must (process.env.X, env.X, process.env[\"X\"], destructuring)", () => {
    expect([...variablesRead(`process.env.A_1; env?.B; process.env["C"]; const { D, E: e } = process.env; myenv.F; baseEnv.G`)].sort()).toEqual(["A_1", "B", "C", "D", "E"]);
    expect(readBy.get("DATABASE_URL")).toContain("lib/db.ts");
    expect(readBy.get("TRUSTED_PROXY_HOPS")).toContain("lib/users/login-rules.ts");
    expect(readBy.get("HOSTNAME")).toContain("lib/ops/production-env.ts");
  });

  it("lists every variable the code reads", () => {
    const missing = [...readBy.keys()].filter((name) => !listed.has(name) && !(name in SET_BY_TOOLS)).sort();
    expect(missing.map((name) => `${name} (read by ${readBy.get(name)!.join(", ")})`)).toEqual([]);
  });

  it("lists no variable the code no longer reads", () => {
    const stale = [...listed].filter((name) => !readBy.has(name) && !(name in READ_BY_DEPENDENCIES)).sort();
    expect(stale).toEqual([]);
  });

  it("names the variables the tools set in a comment, never as a setting", () => {
    for (const name of Object.keys(SET_BY_TOOLS)) {
      expect(readBy.has(name), `${name} is no longer read: drop it from SET_BY_TOOLS`).toBe(true);
      expect(listed.has(name)).toBe(false);
      expect(envExample).toMatch(new RegExp(`^#.*\\b${name}\\b`, "m"));
    }
  });

  it("gives each variable a line of its own saying what it does", () => {
    const lines = envExample.split("\n");
    for (const name of listed) {
      const at = lines.findIndex((l) => new RegExp(`^(#\\s*)?${name}=`).test(l));
      expect(lines[at - 1], `the line above ${name}`).toMatch(/^# \S/);
      expect(lines[at - 1]).not.toMatch(/^#\s*[A-Z_][A-Z0-9_]*=/);
    }
  });
});
