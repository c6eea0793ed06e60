// What a real deployment must have set before `npm run start:prod` (scripts/start-prod.ts) touches
// anything. Pure: every problem is returned at once, in Vietnamese, so the operator fixes them in
// one go instead of one per restart.
import { isIP } from "node:net";
import { isDemoMode } from "@/lib/users/login-rules";

type Env = Record<string, string | undefined>;

/** next-auth signs sessions with NEXTAUTH_SECRET: a short one can be guessed offline from a cookie. */
export const NEXTAUTH_SECRET_MIN_LENGTH = 32;
/** Where the portal listens unless HOSTNAME says otherwise: only this machine (a reverse proxy in front). */
export const DEFAULT_PRODUCTION_HOSTNAME = "127.0.0.1";
export const DEFAULT_PORT = 3000;

/** "1", "true", "yes", "on" (any case). */
export function isSwitchedOn(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test(value?.trim() ?? "");
}

/** "0", "false", "no", "off" (any case): as DEMO_MODE reads it. */
export function isSwitchedOff(value: string | undefined): boolean {
  return /^(0|false|off|no)$/i.test(value?.trim() ?? "");
}

/** The address the server binds: HOSTNAME, or 127.0.0.1. */
export function productionHostname(env: Env): string {
  return env.HOSTNAME?.trim() || DEFAULT_PRODUCTION_HOSTNAME;
}

/** PORT, or 3000 (NaN when set to something that is not a port: productionStartProblems says so). */
export function productionPort(env: Env): number {
  const raw = env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const n = Number(raw);
  return /^\d+$/.test(raw) && n >= 1 && n <= 65535 ? n : Number.NaN;
}

/** 0.0.0.0 or :: (in any spelling): every interface of the machine. */
export function isAllInterfaces(hostname: string): boolean {
  const family = isIP(hostname);
  if (family === 4) return hostname === "0.0.0.0";
  if (family === 6) return hostname.split(":").every((group) => /^0*$/.test(group));
  return false;
}

/** Every reason the environment is not one to serve the portal for real; empty = start. */
export function productionStartProblems(env: Env): string[] {
  const problems: string[] = [];

  if (isDemoMode(env)) {
    problems.push(
      "Đang ở chế độ demo (DEMO_MODE chưa đặt hoặc khác 0): tài khoản mẫu dùng mật khẩu công khai. Đặt DEMO_MODE=0 khi chạy thật.",
    );
  }

  const databaseUrl = env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    problems.push(
      "Thiếu DATABASE_URL: chạy thật cần máy chủ PostgreSQL riêng (ví dụ postgresql://ntm:mật-khẩu@db.example.vn:5432/ntm), không dùng PostgreSQL nhúng.",
    );
  } else if (!/^postgres(ql)?:\/\/./i.test(databaseUrl) || !URL.canParse(databaseUrl)) {
    problems.push("DATABASE_URL không phải địa chỉ PostgreSQL hợp lệ (dạng postgresql://người-dùng:mật-khẩu@máy-chủ:5432/tên-csdl).");
  }

  const secret = env.NEXTAUTH_SECRET ?? "";
  if (!secret.trim()) {
    problems.push(
      `Thiếu NEXTAUTH_SECRET: khóa ký phiên đăng nhập, ít nhất ${NEXTAUTH_SECRET_MIN_LENGTH} ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32).`,
    );
  } else if (secret.length < NEXTAUTH_SECRET_MIN_LENGTH) {
    problems.push(
      `NEXTAUTH_SECRET quá ngắn (${secret.length} ký tự): cần ít nhất ${NEXTAUTH_SECRET_MIN_LENGTH} ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32).`,
    );
  }

  const siteUrl = env.NEXTAUTH_URL?.trim();
  if (!siteUrl) {
    problems.push("Thiếu NEXTAUTH_URL: địa chỉ công khai của cổng, ví dụ https://nongthonmoi.example.gov.vn.");
  } else {
    const url = URL.canParse(siteUrl) ? new URL(siteUrl) : null;
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) {
      problems.push(`NEXTAUTH_URL phải là địa chỉ tuyệt đối bắt đầu bằng https:// hoặc http:// (đang là "${siteUrl}").`);
    }
  }

  const hostname = productionHostname(env);
  if (isAllInterfaces(hostname)) {
    if (!isSwitchedOn(env.ALLOW_ALL_INTERFACES)) {
      problems.push(
        `HOSTNAME=${hostname} mở cổng trên mọi giao diện mạng của máy. Bỏ HOSTNAME để chỉ nghe ${DEFAULT_PRODUCTION_HOSTNAME} (sau reverse proxy), hoặc đặt thêm ALLOW_ALL_INTERFACES=1 nếu thật sự cần (ví dụ trong container).`,
      );
    }
  } else if (hostname !== "localhost" && !isIP(hostname)) {
    problems.push(
      `HOSTNAME=${hostname} không phải địa chỉ IP (Docker đặt HOSTNAME là tên máy): đặt HOSTNAME=${DEFAULT_PRODUCTION_HOSTNAME}, địa chỉ IP của giao diện cần nghe, hoặc 0.0.0.0 kèm ALLOW_ALL_INTERFACES=1.`,
    );
  }

  if (Number.isNaN(productionPort(env))) {
    problems.push(`PORT phải là số cổng từ 1 đến 65535 (đang là "${env.PORT}").`);
  }

  return problems;
}
