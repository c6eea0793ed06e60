// Signing in with e-mail and password, rate-limited per account and per client address. Every
// attempt is a row of LoginAttempt, written BEFORE the password is checked and counted as a
// failure until it ends: parallel guesses (from several server processes too) see each other,
// so no more than the limit ever reach bcrypt. Times are the database's, the same for every process.
import { db } from "@/lib/db";
import { findUserByEmail } from "./queries";
import {
  LOGIN_LIMIT_PER_ACCOUNT,
  LOGIN_LIMIT_PER_ADDRESS,
  LOGIN_WINDOW_MINUTES,
  minutesUntil,
  unlockTime,
} from "./login-rules";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";

export type LoginResult =
  | { ok: true; user: { id: number; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "RATE_LIMITED"; retryMinutes: number };

/** Attempts older than this are deleted (kept meanwhile to investigate an attack). */
const KEEP_DAYS = 30;

export const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 200);

interface Gate {
  attemptId: bigint;
  /** minutes until the caller may try again; null = go ahead */
  blockedFor: number | null;
}

/** Records a pending attempt and tells whether the limits let it go ahead. */
async function openAttempt(email: string, address: string): Promise<Gate> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "LoginAttempt" (email, address) VALUES (${email}, ${address}) RETURNING id`;
  const recent = await db.$queryRaw<{ email: string; address: string; at: Date; now: Date }[]>`
    SELECT email, address, at, now() AS now FROM "LoginAttempt"
     WHERE id <> ${row.id} AND outcome IN ('PENDING', 'FAILED')
       AND at > now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES}::int)
       AND (email = ${email} OR (${address} <> '' AND address = ${address}))
     ORDER BY at DESC`;
  const now = recent[0]?.now ?? new Date();
  const unlocks = [
    unlockTime(recent.filter((r) => r.email === email).map((r) => r.at), LOGIN_LIMIT_PER_ACCOUNT),
    address ? unlockTime(recent.filter((r) => r.address === address).map((r) => r.at), LOGIN_LIMIT_PER_ADDRESS) : null,
  ].filter((d): d is Date => d !== null && d > now);
  if (!unlocks.length) return { attemptId: row.id, blockedFor: null };
  await db.loginAttempt.update({ where: { id: row.id }, data: { outcome: "BLOCKED" } });
  return { attemptId: row.id, blockedFor: minutesUntil(new Date(Math.max(...unlocks.map((d) => d.getTime()))), now) };
}

async function closeAttempt(attemptId: bigint, email: string, ok: boolean): Promise<void> {
  if (ok) {
    await db.$transaction([
      db.loginAttempt.update({ where: { id: attemptId }, data: { outcome: "SUCCEEDED" } }),
      // the account's earlier failures no longer count against it (its address's still do)
      db.loginAttempt.updateMany({ where: { email, outcome: "FAILED" }, data: { outcome: "CLEARED" } }),
    ]);
  } else {
    await db.loginAttempt.update({ where: { id: attemptId }, data: { outcome: "FAILED" } });
  }
  if (attemptId % 100n === 0n) {
    await db.$executeRaw`DELETE FROM "LoginAttempt" WHERE at < now() - make_interval(days => ${KEEP_DAYS}::int)`;
  }
}

/**
 * Runs `check` (a password comparison) under the limits of `email` and `address`: refused
 * without running it when either is exhausted, and recorded as a success or failure.
 */
export async function throttledCheck(
  email: string,
  address: string,
  check: () => Promise<boolean>,
): Promise<{ ok: boolean; retryMinutes?: number }> {
  const gate = await openAttempt(normaliseEmail(email), address);
  if (gate.blockedFor !== null) return { ok: false, retryMinutes: gate.blockedFor };
  let ok = false;
  try {
    ok = await check();
  } finally {
    await closeAttempt(gate.attemptId, normaliseEmail(email), ok);
  }
  return { ok };
}

/** The credentials check of the login form. */
export async function signInWithPassword(input: { email: string; password: string; address: string }): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  let found: Awaited<ReturnType<typeof findUserByEmail>> = null;
  const result = await throttledCheck(email, input.address, async () => {
    found = await findUserByEmail(email);
    // an unknown e-mail costs the same bcrypt work as a known one: timing does not reveal it
    const match = await verifyPassword(input.password, found?.passwordHash ?? (await dummyHash()));
    return match && found !== null && found.active;
  });
  if (result.retryMinutes !== undefined) return { ok: false, reason: "RATE_LIMITED", retryMinutes: result.retryMinutes };
  const user = found as Awaited<ReturnType<typeof findUserByEmail>>;
  if (!result.ok || !user) return { ok: false, reason: "INVALID" };
  await db.user.update({
    where: { id: user.id },
    data: { lastLoginAt: new Date(), ...(needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(input.password) } : {}) },
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}
