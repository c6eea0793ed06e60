// Integration tests run against the throw-away database prepared by scripts/test.ts
// (migrated and seeded with demo data). They must never touch the developer's database.
if (!process.env.DATABASE_URL || !/ntm_test_/.test(process.env.DATABASE_URL)) {
  throw new Error("Integration tests need DATABASE_URL of a throw-away ntm_test_* database: run them with `npm test`.");
}
