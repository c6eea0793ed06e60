// Small pieces every route handler needs: files as attachments, errors as Vietnamese JSON with
// the right status, and the same-origin check for POSTs made with the session cookie.
import { AppError, toActionError, type ErrorCode } from "@/lib/errors";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  LOCKED: 423,
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
