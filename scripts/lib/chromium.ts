// Browser tests use Debian's Chromium (Playwright cannot download browsers here).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Finds Chromium, installing Debian's package when possible; throws a clear message otherwise. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const canApt = userInfo().uid === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    throw new Error(
      "Không tìm thấy trình duyệt Chromium cho kiểm thử Playwright. Cài bằng `sudo apt-get install -y chromium` " +
        "hoặc đặt biến CHROMIUM_PATH trỏ tới tệp chạy Chromium/Chrome.",
    );
  }
  console.log("Cài Chromium của Debian cho kiểm thử trình duyệt (apt-get install chromium)…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", { stdio: "inherit" });
  const installed = findChromium();
  if (!installed) throw new Error("Đã chạy apt-get nhưng vẫn không tìm thấy Chromium.");
  return installed;
}
