import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// The Prisma CLI downloads a native schema engine before `generate`, which fails offline.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download; the client
// itself needs no native engine (Prisma 7 compiles queries in WASM), and migrations run
// through @prisma/schema-engine-wasm (scripts/db/migrations.ts). See docs/machine notes.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = "node_modules/prisma/package.json";
  if (existsSync(stub)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/ntm" },
});
