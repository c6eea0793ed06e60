// Password hashing: bcrypt (a deliberately slow hash). Passwords are composed to NFC first, so a
// Vietnamese password typed on any keyboard gives the same bytes.
import bcrypt from "bcryptjs";

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
