// Signing in with e-mail and password, rate-limited per account and per client address. Every
// attempt is a row of LoginAttempt, written BEFORE the password is checked: parallel attempts
// (from several server processes too) see each other. An attempt that the failures alone do not
// block, but the failures plus the earlier attempts still under way would, waits for those to end
// — so no more than the limit of guesses ever reach bcrypt, and parallel correct sign-ins of one
// account are not taken for failures. Times are the database's, the same for every process.
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

/** A pending attempt this old was abandoned (its process died): it counts as a failure. */
const ABANDONED_SECONDS = 30;
/** How long an attempt waits for the earlier ones under way before it gives up. */
const WAIT_MS = 5_000;
const POLL_MS = 50;

type AttemptRow = { email: string; address: string; at: Date; outcome: string; now: Date };

/** When the given attempts stop blocking `email` and `address`; empty = not blocked. */
function unlocksOf(rows: AttemptRow[], email: string, address: string, now: Date): Date[] {
  return [
    unlockTime(rows.filter((r) => r.email === email).map((r) => r.at), LOGIN_LIMIT_PER_ACCOUNT),
    address ? unlockTime(rows.filter((r) => r.address === address).map((r) => r.at), LOGIN_LIMIT_PER_ADDRESS) : null,
  ].filter((d): d is Date => d !== null && d > now);
}

/** Records a pending attempt and tells whether the limits let it go ahead. */
async function openAttempt(email: string, address: string): Promise<Gate> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "LoginAttempt" (email, address) VALUES (${email}, ${address}) RETURNING id`;
  const block = async (minutes: number): Promise<Gate> => {
    await db.loginAttempt.update({ where: { id: row.id }, data: { outcome: "BLOCKED" } });
    return { attemptId: row.id, blockedFor: minutes };
  };
  for (const started = Date.now(); ; ) {
    // failures, and the attempts begun before this one that are still under way (later ones wait
    // for this one in turn: the order of the ids settles who goes first)
    const recent = await db.$queryRaw<AttemptRow[]>`
      SELECT email, address, at, outcome::text AS outcome, now() AS now FROM "LoginAttempt"
       WHERE (outcome = 'FAILED' OR (outcome = 'PENDING' AND id < ${row.id}))
         AND at > now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES}::int)
         AND (email = ${email} OR (${address} <> '' AND address = ${address}))
       ORDER BY at DESC`;
    const now = recent[0]?.now ?? new Date();
    const failed = recent.filter((r) => r.outcome === "FAILED" || now.getTime() - r.at.getTime() > ABANDONED_SECONDS * 1000);
    const byFailures = unlocksOf(failed, email, address, now);
    if (byFailures.length) return block(minutesUntil(new Date(Math.max(...byFailures.map((d) => d.getTime()))), now));
    if (!unlocksOf(recent, email, address, now).length) return { attemptId: row.id, blockedFor: null };
    if (Date.now() - started > WAIT_MS) return block(1);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
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
