// Password hashing: bcrypt (a deliberately slow hash). Passwords are composed to NFC first, so a
// Vietnamese password typed on any keyboard gives the same bytes.
import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";
import { passwordPolicyIssues } from "./password-policy";

/** bcrypt cost (2^10 rounds): ≥ 10 as OWASP asks; a stored hash of a lower cost is redone at sign-in. */
export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password.normalize("NFC"), BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password.normalize("NFC"), hash);
}

export function needsRehash(hash: string): boolean {
  try {
    return bcrypt.getRounds(hash) < BCRYPT_COST;
  } catch {
    return true;
  }
}

let dummy: Promise<string> | null = null;
/**
 * A real hash of a random string: unknown e-mails cost the same bcrypt work as known ones. Made at
 * the first need, not while the modules of every page load (~70 ms of bcrypt in each bundle).
 */
export const dummyHash = (): Promise<string> => (dummy ??= bcrypt.hash(Math.random().toString(36), BCRYPT_COST));

/** Letters and digits a person can read back without confusion (no 0/O, 1/l/I). */
const READABLE = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A random password for an account (20 characters, ~115 bits) that meets the policy for `email`:
 * shown once to whoever creates the account, who hands it over; its owner replaces it at the
 * first sign-in.
 */
export function generateTemporaryPassword(email: string, length = 20): string {
  for (;;) {
    const password = Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join("");
    if (passwordPolicyIssues(password, email).length === 0) return password;
  }
}
