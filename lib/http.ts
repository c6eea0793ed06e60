// Small pieces every route handler needs: files as attachments, errors as Vietnamese JSON with
// the right status, the same-origin check for POSTs made with the session cookie, and bodies read
// with a hard size limit.
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

/**
 * The error as JSON with its status. `unreadBody`: the request may still be sending a body that
 * nobody will read (a 500 MB upload refused at 20 MB, or before its first byte for want of the
 * right); the connection is closed after the answer, which is what stops it.
 */
export function errorResponse(err: unknown, opts: { unreadBody?: boolean } = {}): Response {
  const e = toActionError(err);
  return Response.json({ error: e.message, code: e.code }, { status: STATUS[e.code], headers: opts.unreadBody ? { Connection: "close" } : {} });
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

/**
 * A request's body, read as it arrives and refused (TOO_LARGE, 413) as soon as it passes
 * `maxBytes` — by its declared length before a byte is read, and by counting when it declares
 * none (chunked) — so that no more than the limit is ever held. The rest is left unread: answer
 * with errorResponse(err, { unreadBody: true }), which closes the connection.
 */
export async function readLimitedBody(req: Request, maxBytes: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new AppError("TOO_LARGE", tooLarge);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // released, not cancelled: cancelling destroys the socket before the refusal can be sent
      reader.releaseLock();
      throw new AppError("TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** A multipart form read with readLimitedBody; a body that is not one is a VALIDATION error. */
export async function readLimitedForm(req: Request, maxBytes: number, messages: { tooLarge: string; unreadable: string }): Promise<FormData> {
  const body = await readLimitedBody(req, maxBytes, messages.tooLarge);
  try {
    return await new Response(body, { headers: { "Content-Type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("VALIDATION", messages.unreadable);
  }
}
