// Pure rules of signing in: rate limits, the client address, session lifetime, demo mode and
// when a password must be changed. The database side is lib/users/login.ts.

/** Failures counted over this window; a blocked client may try again once they age out of it. */
export const LOGIN_WINDOW_MINUTES = 15;
/** failures of one account (by e-mail, known or not) within the window before it is blocked */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
/** failures from one client address, over all e-mails, within the window before it is blocked */
export const LOGIN_LIMIT_PER_ADDRESS = 20;

/** A session lasts at most this long after its sign-in, whether or not it is used (a working day). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function rateLimitMessage(minutes: number): string {
  return `Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`;
}

/** Whole minutes until `unlockAt` (at least 1, so the message never says "0 phút"). */
export function minutesUntil(unlockAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((unlockAt.getTime() - now.getTime()) / 60_000));
}

/**
 * The time a limit stops blocking: the failures of the window, newest first; the limit-th of
 * them ages out of the window at its time + the window. null = not blocked.
 */
export function unlockTime(failuresNewestFirst: Date[], limit: number, windowMinutes = LOGIN_WINDOW_MINUTES): Date | null {
  const pivot = failuresNewestFirst[limit - 1];
  return pivot ? new Date(pivot.getTime() + windowMinutes * 60_000) : null;
}

/**
 * The client's address from X-Forwarded-For. Each trusted reverse proxy in front of the portal
 * appends the address it saw (nginx: `$proxy_add_x_forwarded_for`), so the entry the outermost one
 * appended — `trustedProxies` from the end — is the client; entries further left are the client's
 * own word and never read. Without a proxy (0), Next.js sets the header to the connection's
 * address only when the client sent none, and gives the application no other way to read it: the
 * last entry is then all there is, and a client can write it (README "Bảo mật").
 */
export function clientAddress(forwardedFor: string | string[] | null | undefined, trustedProxies = 0): string {
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const hop = hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] ?? "";
  // an IPv4 address seen through an IPv6 socket is the same client
  return hop.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 100);
}

/** TRUSTED_PROXY_HOPS: how many reverse proxies in front of the portal append to X-Forwarded-For (default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number.parseInt(env.TRUSTED_PROXY_HOPS ?? "", 10);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** Whether a session signed in at `authTime` (seconds) is still valid at `now` (seconds). */
export function sessionIsCurrent(authTime: number | undefined, now: number, maxAge = SESSION_MAX_AGE_SECONDS): boolean {
  return typeof authTime === "number" && Number.isFinite(authTime) && authTime <= now + 60 && now - authTime < maxAge;
}

/**
 * Demo mode (the default, for `npm start` and `npm test`): the demo accounts may use the
 * password published in the README. A real deployment sets DEMO_MODE=0, and every demo account
 * must then choose its own password before anything else.
 */
export function isDemoMode(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|false|off|no)$/i.test(env.DEMO_MODE?.trim() ?? "");
}

/**
 * Whether the user must change their password before using the portal: accounts flagged by an
 * admin (a password the admin chose) or by the seed (demo accounts, whose password is public) —
 * except demo accounts while in demo mode.
 */
export function passwordChangeRequired(user: { mustChangePassword: boolean; isDemo: boolean }, demoMode: boolean): boolean {
  return user.mustChangePassword && !(demoMode && user.isDemo);
}

/** Any origin of our own choosing: what matters is whether a path stays on it. */
const PROBE_ORIGIN = "https://cong-ntm.invalid";

/**
 * Where to go after signing in: a path of this site only, as the browser will read it. The raw
 * value is parsed as a URL against the site (so "/\evil.example", "/<TAB>/evil.example" or
 * "javascript:" cannot leave it: browsers drop tabs and newlines and read "\" as "/"), and the
 * result must keep the site's origin and must not begin with "//" once normalised.
 */
export function safeReturnPath(raw: string | null | undefined, fallback = "/quan-ly"): string {
  if (!raw || !raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === PROBE_ORIGIN && !path.startsWith("//") ? path : fallback;
}
