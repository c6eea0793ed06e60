// Programs the tests need from Debian: Chromium for the browser tests (Playwright cannot download
// browsers here), nginx and openssl for the deployment kit's tests. Found where installed, else
// installed with apt-get when running as root (as CI does); else a clear message.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CHROMIUM.find((p) => existsSync(p)) ?? null;
}

const canApt = () => userInfo().uid === 0 && existsSync("/usr/bin/apt-get");

function aptInstall(packages: string[], why: string) {
  console.log(`Cài ${packages.join(", ")} của Debian cho ${why} (apt-get install)…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")} >/dev/null`, { stdio: "inherit" });
}

/** Finds Chromium, installing Debian's package when possible; throws a clear message otherwise. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (!canApt()) {
    throw new Error(
      "Không tìm thấy trình duyệt Chromium cho kiểm thử Playwright. Cài bằng `sudo apt-get install -y chromium` " +
        "hoặc đặt biến CHROMIUM_PATH trỏ tới tệp chạy Chromium/Chrome.",
    );
  }
  aptInstall(["chromium"], "kiểm thử trình duyệt");
  const installed = findChromium();
  if (!installed) throw new Error("Đã chạy apt-get nhưng vẫn không tìm thấy Chromium.");
  return installed;
}

const runs = (bin: string, arg: string) => spawnSync(bin, [arg], { stdio: "ignore" }).status === 0;

/**
 * nginx and openssl for the tests of deploy/nginx (integration) and of two instances behind nginx
 * (e2e): installed when missing and possible; otherwise those tests skip, saying why.
 */
export function ensureNginx(): void {
  const missing = [!runs("/usr/sbin/nginx", "-v") && !runs("nginx", "-v") && "nginx-light", !runs("openssl", "version") && "openssl"].filter((p): p is string => !!p);
  if (missing.length === 0 || !canApt()) return;
  try {
    aptInstall(missing, "kiểm thử cấu hình nginx");
  } catch {
    console.log("Không cài được nginx/openssl: các kiểm thử cần chúng sẽ bỏ qua và nói lý do.");
  }
}
