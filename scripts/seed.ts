// npm run db:seed — applies migrations and seeds the database when it is empty (with demo data
// unless --no-demo). The same steps run inside `npm start`.
import { applyMigrations } from "./lib/migrations.ts";
import { openDatabase } from "./lib/runtime.ts";
import { isDatabaseEmpty, seedDatabase } from "../prisma/seed.ts";
import { ensureUnitsHistory } from "../prisma/seed/units-history.ts";

const demo = !process.argv.includes("--no-demo");
const db = await openDatabase();
try {
  await applyMigrations(db.url);
  await ensureUnitsHistory(db.url); // a database seeded before the units of 2015–2025 gets them
  if (!(await isDatabaseEmpty(db.url))) {
    console.log("Cơ sở dữ liệu đã có dữ liệu: không nạp lại.");
  } else {
    const summary = await seedDatabase(db.url, { demo, log: (m) => console.log(m) });
    console.log(`Đã nạp dữ liệu trong ${summary.seconds.toFixed(1)} giây.`, summary.counts);
  }
} finally {
  await db.close();
}
