// npm run db:seed — applies migrations and seeds the database when it is empty (with demo data
// unless --no-demo: then the reference data only — administrative units, criteria with their
// indicators and thresholds, the seed articles, notices and documents, the site settings — and
// no account: create the first with `npm run user:create-admin`). The same steps run inside
// `npm start`, under the same setup lock (scripts/lib/setup-lock.ts).
import { openDatabase } from "./lib/runtime.ts";
import { setUpDatabase } from "./lib/setup-lock.ts";

const demo = !process.argv.includes("--no-demo");
const db = await openDatabase();
try {
  const { seeded } = await setUpDatabase(db.url, { seed: { demo }, log: (m) => console.log(m) });
  if (!seeded) {
    console.log("Cơ sở dữ liệu đã có dữ liệu: không nạp lại.");
  } else {
    console.log(`Đã nạp dữ liệu trong ${seeded.seconds.toFixed(1)} giây.`, seeded.counts);
    if (!demo) console.log("Chưa có tài khoản nào: tạo tài khoản quản trị đầu tiên bằng npm run user:create-admin -- --email <email> --name <họ tên>.");
  }
} finally {
  await db.close();
}
