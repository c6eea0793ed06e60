// The portal server's log: one JSON object per line on stdout (pino), with `time` (ISO),
// `level` ("info"…), `msg` and, for a request, its `requestId` (lib/ops/request-id.ts). The
// level is LOG_LEVEL (default info). No password, cookie or session token may reach it: code logs
// chosen fields, never headers or bodies, and every line is scrubbed again before it is written
// (scrubSecrets), whatever an error message happens to quote.
import pino, { type DestinationStream, type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL when it names a level (any case), else info. */
export function logLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? "") ? (level as LogLevel) : "info";
}

const REDACTED = "[redacted]";
/** Keys whose string value is a secret, at any depth: password, passwordHash, csrfToken, cookie, authorization… */
const SECRET_KEY = /"((?:[^"\\]*(?:password|passwd|secret|token|cookie))|passwordHash|authorization|proxy-authorization|set-cookie)":"(?:[^"\\]|\\.)*"/gi;
/** Secrets inside any text (a message, a stack, a URL) — none of them matches a quote or a backslash, so JSON stays JSON. */
const SECRET_IN_TEXT: [RegExp, string][] = [
  // postgresql://user:password@host
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:@/"\\]*):[^\s@/"\\]+@/gi, `$1:${REDACTED}@`],
  // next-auth's cookies (session token, CSRF token) as a Cookie header quotes them
  [/((?:__Secure-|__Host-)?next-auth\.[a-z.-]+=)[^;,\s"\\]+/gi, `$1${REDACTED}`],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`],
  // passwordHash: "…" as Prisma quotes a query's arguments in its error messages (escaped in JSON)
  [/((?:pass(?:word|wd)|secret|token)\w*:\s*\\")(?:[^"\\]|\\[^"])*\\"/gi, `$1${REDACTED}\\"`],
  // password=…, token=… in a query string or a form body
  [/((?:password|passwd|secret|token)=)[^&;,\s"\\]+/gi, `$1${REDACTED}`],
];

/** One serialized log line with every secret it may quote replaced by "[redacted]". */
export function scrubSecrets(line: string): string {
  let out = line.replace(SECRET_KEY, `"$1":"${REDACTED}"`);
  for (const [pattern, replacement] of SECRET_IN_TEXT) out = out.replace(pattern, replacement);
  return out;
}

/** A logger with the portal's format; `destination` is stdout unless a test gives its own. */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: logLevel(opts.level),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // objects whose secrets are not strings (a list of Set-Cookie headers, say)
      redact: { paths: ["headers.cookie", 'headers["set-cookie"]', "headers.authorization", "*.headers.cookie", '*.headers["set-cookie"]', "*.headers.authorization"], censor: REDACTED },
      hooks: { streamWrite: scrubSecrets },
    },
    // synchronous: a line logged just before the process exits is not lost
    opts.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// one per process: instrumentation.ts, proxy.ts and the compiled routes load this file as separate modules
const LOGGER = Symbol.for("ntm.log");
const holder = globalThis as { [LOGGER]?: Logger };

export const log: Logger = (holder[LOGGER] ??= createLogger({ level: process.env.LOG_LEVEL }));
