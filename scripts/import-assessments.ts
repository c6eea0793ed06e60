// npm run import:assessments -- <file.xlsx|file.csv> [--dry-run] [--as <e-mail>]
// The import of the portal's screen, for bulk loads: same checks, same report, one transaction.
// Acts as the user named by --as (default: the first administrator), whose scope applies; every
// change is written to the audit log under that user. Exit code 0 only when the file was applied
// (or, with --dry-run, when it has no error).
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { applyMigrations } from "./lib/migrations.ts";
import { openDatabase } from "./lib/runtime.ts";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const asIndex = args.indexOf("--as");
const asEmail = asIndex >= 0 ? args[asIndex + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && i !== asIndex + 1);
if (!file) {
  console.error("Cách dùng: npm run import:assessments -- <tệp.xlsx|tệp.csv> [--dry-run] [--as <e-mail>]");
  process.exit(2);
}
try {
  statSync(file);
} catch {
  console.error(`Không tìm thấy tệp ${file}.`);
  process.exit(2);
}

const database = await openDatabase({ quiet: true });
let code = 1;
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db.ts");
  const { loadViewer } = await import("../lib/users/queries.ts");
  const { importAssessments } = await import("../lib/imports/service.ts");
  const { reportToText, problemCount } = await import("../lib/imports/report.ts");
  const user = asEmail
    ? await db.user.findUnique({ where: { email: asEmail.trim().toLowerCase() } })
    : await db.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { id: "asc" } });
  const viewer = user ? await loadViewer(user.id, user.sessionVersion) : null;
  if (!viewer) {
    console.error(asEmail ? `Không có tài khoản đang hoạt động ${asEmail}.` : "Cơ sở dữ liệu chưa có tài khoản quản trị nào: dùng --as <e-mail>.");
  } else {
    const started = Date.now();
    const report = await importAssessments(viewer, { name: basename(file), bytes: readFileSync(file) }, {
      dryRun,
      onProgress: (p) => process.stderr.write(`\r${p.stage === "read" ? "Đọc tệp…" : p.stage === "check" ? `Kiểm tra ${p.done}/${p.total} dòng` : `Ghi ${p.done}/${p.total} xã`}   `),
    });
    process.stderr.write("\n");
    console.log(reportToText(report));
    console.log(`Thời gian: ${((Date.now() - started) / 1000).toFixed(1).replace(".", ",")} giây · người nhập: ${viewer.email}`);
    code = problemCount(report) === 0 && (dryRun || report.applied) ? 0 : 1;
  }
  await db.$disconnect();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  await database.close();
}
process.exit(code);
