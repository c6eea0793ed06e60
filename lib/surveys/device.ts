// One response per device without personal data: the browser keeps a random token in an
// httpOnly cookie; the database keeps only a keyed hash of (survey, token), so responses cannot be
// linked across surveys nor traced back to the token without the server's key. Client addresses
// are hashed the same way for the in-memory rate limit and never stored.
import { createHmac, randomBytes } from "node:crypto";

export const DEVICE_COOKIE = "ntm_thiet_bi_khao_sat";
/** two years: one device, one answer per survey, for the life of a phone */
export const DEVICE_COOKIE_MAX_AGE = 2 * 365 * 24 * 60 * 60;

function secret(): string {
  const s = process.env.SURVEY_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (s) return s;
  if (process.env.NODE_ENV === "production") throw new Error("SURVEY_SECRET or NEXTAUTH_SECRET must be set");
  return "ntm-dev-survey-key";
}

export function newDeviceToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A device token as the cookie carries it: 43 base64url characters. */
export function isDeviceToken(value: string | undefined | null): value is string {
  return !!value && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function deviceHash(surveyId: number, token: string): string {
  return createHmac("sha256", secret()).update(`survey:${surveyId}:${token}`).digest("hex");
}

/** The rate-limit key of a client address (kept in memory only, for one window). */
export function clientKey(address: string): string {
  return createHmac("sha256", secret()).update(`client:${address}`).digest("hex").slice(0, 32);
}
