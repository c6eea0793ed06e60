// npm run db:migrate -- <name> [--empty]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes in
// prisma/schema.prisma (or an empty one to fill by hand with --empty), then applies it.
// npm run db:migrate            (no name) only applies pending migrations.
import { randomBytes } from "node:crypto";
import { openDatabase } from "./lib/runtime.ts";
import { applyMigrations, writeMigration } from "./lib/migrations.ts";
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from "./lib/postgres.ts";
import { diffSchemaAgainstDatabase } from "./lib/schema-diff.ts";
import { setUpDatabase } from "./lib/setup-lock.ts";

const args = process.argv.slice(2);
const empty = args.includes("--empty");
const name = args.find((a) => !a.startsWith("--"));

const db = await openDatabase();
try {
  if (name) {
    let sql = "-- Write the SQL of this migration by hand.\n";
    if (!empty) {
      const scratch = `ntm_migrate_${randomBytes(4).toString("hex")}`;
      await createDatabaseIfMissing(db.server.adminUrl, scratch);
      try {
        const scratchUrl = databaseUrl(db.server.adminUrl, scratch);
        await applyMigrations(scratchUrl);
        sql = await diffSchemaAgainstDatabase("prisma/schema.prisma", scratchUrl);
      } finally {
        await dropDatabase(db.server.adminUrl, scratch);
      }
    }
    if (!empty && !sql.replace(/--.*$/gm, "").trim()) {
      console.log("Schema không thay đổi so với các migration hiện có: không tạo migration mới.");
    } else {
      console.log(`Đã tạo prisma/migrations/${writeMigration(name, sql)}/migration.sql`);
    }
    if (empty) {
      console.log("Viết SQL vào tệp trên rồi chạy `npm run db:migrate` để áp dụng.");
    }
  }
  if (!empty) {
    // with the units 2015–2025 into a database seeded before them; under the setup lock, so a
    // portal starting meanwhile waits for this (and this for it)
    const { applied } = await setUpDatabase(db.url, { seed: null, log: (m) => console.log(m) });
    if (!applied.length) console.log("Cơ sở dữ liệu đã cập nhật.");
  }
} finally {
  await db.close();
}
