// npm run db:restore -- <file> [--into <database>] [--allow-unsigned]
// Restores a backup of `npm run db:backup` into an EMPTY database: the portal's own (embedded
// under .data/, or DATABASE_URL), or with --into a database of that name on the same server,
// created if missing. A database holding data is refused (scripts/lib/backup.ts). The file must
// be signed with this installation's key (BACKUP_KEY or .data/backup-key), checked before
// anything is started or created; --allow-unsigned accepts a file of the earlier, unsigned
// formats, for an operator who knows where it has been.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BackupError, restoreDatabase, verifyBackup } from "./lib/backup.ts";
import { ensureAppDatabase } from "./lib/postgres.ts";
import { errorText, runCli } from "./lib/runtime.ts";
import { backupKey } from "./lib/secrets.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { into: { type: "string" }, "allow-unsigned": { type: "boolean" } } });
const file = positionals[0] ? resolve(positionals[0]) : null;
if (!file || !existsSync(file)) {
  console.error(file ? `Không tìm thấy tệp ${file}.` : "Cách dùng: npm run db:restore -- <tệp sao lưu> [--into <tên cơ sở dữ liệu>] [--allow-unsigned]");
  process.exit(2);
}
if (values.into !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(values.into)) {
  console.error("Tên cơ sở dữ liệu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới.");
  process.exit(2);
}

const refusal = (err: unknown) => (err instanceof BackupError ? `Không khôi phục: ${err.message}` : `Khôi phục thất bại: ${errorText(err)}`);
const allowUnsigned = values["allow-unsigned"] ?? false;
let key: string | null;
try {
  // a file that is not a genuine backup is refused before any database is started or created
  key = backupKey({ create: false });
  await verifyBackup(file, { key, allowUnsigned });
} catch (err) {
  console.error(refusal(err));
  process.exit(1);
}

await runCli(async (db) => {
  // as the portal's own role (embedded: the app role, which owns what it restores)
  const url = values.into ? await ensureAppDatabase(db.server, values.into) : db.url;
  const started = Date.now();
  const r = await restoreDatabase(url, file, { key, allowUnsigned });
  console.log(`Đã khôi phục ${r.manifest.tables.length} bảng, ${r.rows.toLocaleString("vi-VN")} dòng vào ${new URL(url).pathname.slice(1)} (${((Date.now() - started) / 1000).toFixed(1)} giây).`);
  console.log(`Số dòng từng bảng và tổng kiểm tra (${Object.keys(r.manifest.checksums).join(", ")}) khớp với bản sao lưu ngày ${new Date(r.manifest.createdAt).toLocaleString("vi-VN")}.`);
  console.log(`Tệp đính kèm: ${r.files.toLocaleString("vi-VN")} tệp trong cơ sở dữ liệu.`);
  if (r.missingFiles.length) console.log(`Cảnh báo: ${r.missingFiles.length} tệp đã thiếu nội dung khi sao lưu nên không được khôi phục, ví dụ ${r.missingFiles.slice(0, 3).join(", ")}.`);
  if (r.changedFiles.length) console.log(`Cảnh báo: ${r.changedFiles.length} tệp khác với tổng kiểm tra lúc tải lên nên không được nạp, ví dụ ${r.changedFiles.slice(0, 3).join(", ")}.`);
  if (r.laterMigrations.length) console.log(`Đã áp dụng thêm ${r.laterMigrations.length} migration mới hơn bản sao lưu: ${r.laterMigrations.join(", ")}.`);
  return 0;
}, refusal);
