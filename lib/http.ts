// Small pieces every route handler needs: files as attachments, errors as Vietnamese JSON with
// the right status, the same-origin check for POSTs made with the session cookie, and bodies read
// with a hard size limit.
import { createHash } from "node:crypto";
import busboy from "busboy";
import { AppError, toActionError, type ErrorCode } from "@/lib/errors";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  LOCKED: 423,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Headers of a download: an ASCII name for old clients and the UTF-8 one for the rest. */
export function attachment(fileName: string, contentType: string): HeadersInit {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^\x20-\x7e]|["\\]/g, "_");
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

export function errorResponse(err: unknown): Response {
  const e = toActionError(err);
  return Response.json({ error: e.message, code: e.code }, { status: STATUS[e.code] });
}

/** A cookie-authenticated POST must come from this site's own pages (CSRF). */
export function assertSameOrigin(req: Request): void {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host || originHost(req.headers.get("origin")) !== host) {
    throw new AppError("FORBIDDEN", "Yêu cầu không đến từ trang của cổng thông tin.");
  }
}

/** The host of an Origin header; null when there is none or it names no host ("null", garbage). */
function originHost(origin: string | null): string | null {
  if (!origin || !URL.canParse(origin)) return null;
  return new URL(origin).host || null;
}

/** A POST body's declared length over `maxBytes` is refused before a byte is read. */
function assertDeclaredLength(req: Request, maxBytes: number, tooLarge: string): void {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new AppError("TOO_LARGE", tooLarge);
}

/**
 * Reads a body chunk by chunk into `sink`, refusing it (TOO_LARGE, 413) the moment it passes
 * `maxBytes`, whether or not it declared a length (chunked). The rest is left unread, never held:
 * TCP holds the sender back until it reads the refusal and stops, or the server's request timeout
 * ends the connection. (Closing it at once would make the kernel reset it, and a client still
 * sending might then never see the refusal.)
 */
async function pumpLimited(req: Request, maxBytes: number, tooLarge: string, sink: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
  assertDeclaredLength(req, maxBytes, tooLarge);
  if (!req.body) return;
  const reader = req.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw new AppError("TOO_LARGE", tooLarge);
      await sink(value);
    }
  } finally {
    // released, not cancelled: cancelling destroys the socket before the refusal can be sent
    reader.releaseLock();
  }
}

function concatBytes(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface LimitedForm {
  /** text fields, the first value of each name */
  fields: Record<string, string>;
  /** file fields, the first file of each name, with the name the browser sent */
  files: Record<string, { name: string; bytes: Uint8Array }>;
}

/**
 * A multipart form parsed as it streams in (busboy), under pumpLimited's hard limit for the whole
 * body, so that no more than `maxBytes` is ever held and parsing never blocks the server for long.
 * A body that is not such a form, or has more parts than a form of the portal, is VALIDATION.
 */
export async function readLimitedForm(req: Request, maxBytes: number, messages: { tooLarge: string; unreadable: string }): Promise<LimitedForm> {
  assertDeclaredLength(req, maxBytes, messages.tooLarge);
  const unreadable = () => new AppError("VALIDATION", messages.unreadable);
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) throw unreadable();
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fields: 20, files: 5, parts: 25, fieldSize: 64 * 1024 } });
  } catch {
    throw unreadable(); // no boundary
  }
  const form: LimitedForm = { fields: {}, files: {} };
  let failed: AppError | null = null;
  const fail = () => void (failed ??= unreadable());
  const done = new Promise<void>((resolve) => {
    parser.on("close", resolve);
    parser.on("error", () => {
      fail();
      resolve();
    });
  });
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) fail();
    form.fields[name] ??= value;
  });
  parser.on("file", (name, stream, info) => {
    const chunks: Uint8Array[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => void (form.files[name] ??= { name: info.filename ?? "", bytes: concatBytes(chunks) }));
    stream.on("error", fail); // a body cut short or refused: the form fails as a whole
  });
  for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"] as const) parser.on(limit, fail);
  try {
    await pumpLimited(req, maxBytes, messages.tooLarge, async (chunk) => {
      // a parser that fails while full never drains: it is done instead
      if (!parser.write(chunk)) await Promise.race([new Promise((r) => parser.once("drain", r)), done]);
      if (failed) throw failed;
    });
  } catch (err) {
    parser.destroy();
    throw err;
  }
  parser.end();
  await done;
  if (failed) throw failed;
  return form;
}

/**
 * An open-data answer (JSON or CSV) with an ETag: a client holding the same bytes gets a 304.
 * Public, cacheable for a minute, readable from any origin.
 */
export function openDataResponse(req: Request, body: string, opts: { csvFileName?: string }): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*", ETag: etag };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, {
    headers: opts.csvFileName
      ? { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${opts.csvFileName}"` }
      : { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

/** A query string refused by its zod schema: 400 with the messages in Vietnamese. */
export function badQuery(issues: { message: string }[]): Response {
  return Response.json({ error: issues.map((i) => i.message).join(" ") }, { status: 400 });
}
