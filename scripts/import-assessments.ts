// npm run import:assessments -- <file.xlsx|file.csv> [--dry-run] [--as <e-mail>]
// The import of the portal's screen, for bulk loads: same checks, same report, one transaction.
// Without --as it is a system import: national scope, no account, audited as such (the audit
// rows carry no user and "by: system-import"). With --as <e-mail> it acts as that user, whose
// scope applies. Exit code 0 only when the file was applied (or, with --dry-run, when it has no
// error); 2 for a wrong command line.
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "./lib/migrations.ts";
import { runCli } from "./lib/runtime.ts";

const USAGE = "Cách dùng: npm run import:assessments -- <tệp.xlsx|tệp.csv> [--dry-run] [--as <e-mail>]";
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean", default: false }, as: { type: "string" } } });
} catch (err) {
  console.error(`${err instanceof Error ? err.message : err}\n${USAGE}`);
  process.exit(2);
}
const dryRun = parsed.values["dry-run"] ?? false;
const asEmail = parsed.values.as;
const file = parsed.positionals[0];
if (!file || parsed.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
try {
  statSync(file);
} catch {
  console.error(`Không tìm thấy tệp ${file}.`);
  process.exit(2);
}

await runCli(async (database) => {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db.ts");
  const { loadViewer } = await import("../lib/users/queries.ts");
  const { SYSTEM_IMPORT } = await import("../lib/authz.ts");
  const { importAssessments } = await import("../lib/imports/service.ts");
  const { reportToText, problemCount } = await import("../lib/imports/report.ts");
  const user = asEmail ? await db.user.findUnique({ where: { email: asEmail.trim().toLowerCase() } }) : null;
  let code = 1;
  const viewer = asEmail ? (user ? await loadViewer(user.id, user.sessionVersion) : null) : SYSTEM_IMPORT;
  if (!viewer) {
    console.error(`Không có tài khoản đang hoạt động ${asEmail}.`);
  } else {
    const started = Date.now();
    const report = await importAssessments(viewer, { name: basename(file), bytes: readFileSync(file) }, {
      dryRun,
      onProgress: (p) => process.stderr.write(`\r${p.stage === "read" ? "Đọc tệp…" : p.stage === "check" ? `Kiểm tra ${p.done}/${p.total} dòng` : `Ghi ${p.done}/${p.total} xã`}   `),
    });
    process.stderr.write("\n");
    console.log(reportToText(report));
    console.log(`Thời gian: ${((Date.now() - started) / 1000).toFixed(1).replace(".", ",")} giây · người nhập: ${asEmail ? viewer.email : "hệ thống (dòng lệnh)"}`);
    code = problemCount(report) === 0 && (dryRun || report.applied) ? 0 : 1;
  }
  await db.$disconnect();
  return code;
});
