// npm run demo:purge [-- --yes]
// Removes the demo data and the demo accounts from the portal's database (DATABASE_URL, or the
// embedded one) in one transaction: prisma/seed/demo-purge.ts says what goes and what stays.
// Without --yes nothing is removed: it prints what would be. Runs under the setup lock, so a
// portal starting meanwhile cannot seed demo data behind it.
import { errorText, runCli } from "./lib/runtime.ts";
import { setUpDatabase, withSetupLock } from "./lib/setup-lock.ts";
import { purgeDemoData, PURGE_KEEPS } from "../prisma/seed/demo-purge.ts";

const apply = process.argv.includes("--yes");
const unknown = process.argv.slice(2).filter((a) => a !== "--yes");
if (unknown.length) {
  console.error(`Không hiểu: ${unknown.join(" ")}\nCách dùng: npm run demo:purge            (chỉ liệt kê, không xóa)\n           npm run demo:purge -- --yes (xóa)`);
  process.exit(2);
}

await runCli(async (database) => {
  await setUpDatabase(database.url, { seed: null, log: (m) => console.log(m) });
  const result = await withSetupLock(database.url, () => purgeDemoData(database.url, { apply }));
  const n = (v: number) => v.toLocaleString("vi-VN");
  const found = result.steps.filter((s) => s.count > 0);
  if (!found.length) {
    console.log("Không có dữ liệu mẫu hay tài khoản mẫu nào trong cơ sở dữ liệu.");
  } else {
    console.log(apply ? "Đã xóa dữ liệu mẫu (trong một giao dịch):" : "Chạy thử, chưa xóa gì. Lệnh npm run demo:purge -- --yes sẽ xóa:");
    for (const s of found) console.log(`  ${n(s.count).padStart(9)} ${s.label}`);
  }
  if (!result.seededWithDemo) {
    console.log("Cơ sở dữ liệu không được nạp kèm dữ liệu mẫu: khảo sát sự hài lòng không bị động đến.");
  }
  console.log(PURGE_KEEPS);
  if (!apply && found.length) console.log("Chạy lại với --yes để xóa.");
  return 0;
}, (err) => `Không xóa được dữ liệu mẫu, không có gì thay đổi: ${errorText(err)}`);
