// One error type for expected failures; actions turn it into { ok: false, code, message }.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "LOCKED"
  | "TOO_LARGE"
  | "RATE_LIMITED"
  | "INTERNAL";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") => new AppError("FORBIDDEN", message);
export const notFound = (message = "Không tìm thấy dữ liệu yêu cầu.") => new AppError("NOT_FOUND", message);

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; details?: unknown };

/** Expected errors reach the user; anything else is logged with an event id and shown generically. */
export function toActionError(err: unknown): Extract<ActionResult, { ok: false }> {
  if (err instanceof AppError) {
    return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors, details: err.details };
  }
  const eventId = Math.random().toString(36).slice(2, 10).toUpperCase();
  console.error(`[error ${eventId}]`, err);
  return { ok: false, code: "INTERNAL", message: `Đã có lỗi xảy ra (mã ${eventId}). Vui lòng thử lại.` };
}
