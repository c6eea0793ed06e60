// npm run db:backup [-- <file>]
// A consistent backup of the portal's database (the embedded one under .data/, or DATABASE_URL),
// uploaded files included (their content is in the database), into one gzip file, by default
// backups/ntm-<time>.ntm.gz (scripts/lib/backup.ts), signed with the key of BACKUP_KEY or of
// .data/backup-key (made on the first backup; keep a copy apart from the backups: a restore
// needs it, and a backup must never carry it).
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { backupDatabase } from "./lib/backup.ts";
import { errorText, runCli } from "./lib/runtime.ts";
import { backupKey, backupKeyPath } from "./lib/secrets.ts";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const file = resolve(process.argv.slice(2).find((a) => !a.startsWith("-")) ?? `backups/ntm-${stamp}.ntm.gz`);

let key: string;
try {
  key = backupKey({ create: true })!;
} catch (err) {
  console.error(`Sao lưu thất bại: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
await runCli(async (db) => {
  mkdirSync(dirname(file), { recursive: true });
  const started = Date.now();
  const m = await backupDatabase(db.url, file, { key });
  const rows = m.tables.reduce((s, t) => s + t.rows, 0);
  console.log(`Đã sao lưu ${m.tables.length} bảng, ${rows.toLocaleString("vi-VN")} dòng (PostgreSQL ${m.serverVersion}, ${m.migrations.length} migration) vào`);
  console.log(`  ${file} (${(statSync(file).size / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB, ${((Date.now() - started) / 1000).toFixed(1)} giây)`);
  const files = m.files ?? { count: 0, bytes: 0 };
  console.log(`Tệp đính kèm: ${(files.count - m.missingFiles.length).toLocaleString("vi-VN")} tệp, cùng các bảng.`);
  if (m.missingFiles.length) console.log(`Cảnh báo: ${m.missingFiles.length} tệp có trong danh sách nhưng thiếu nội dung trong cơ sở dữ liệu, ví dụ ${m.missingFiles.slice(0, 3).join(", ")}.`);
  console.log(`Tổng kiểm tra: ${Object.entries(m.checksums).map(([t, s]) => `${t} ${s.slice(0, 12)}…`).join(", ")}`);
  console.log(
    process.env.BACKUP_KEY
      ? "Đã ký bằng khóa BACKUP_KEY: máy khôi phục cần cùng khóa."
      : `Đã ký bằng khóa trong ${backupKeyPath()}: giữ một bản sao của khóa này, tách khỏi các bản sao lưu; máy khôi phục cần cùng khóa.`,
  );
  return 0;
}, (err) => `Sao lưu thất bại: ${errorText(err)}`);
