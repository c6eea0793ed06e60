// Every request the proxy handles gets an id: the one a reverse proxy in front already gave it
// (nginx `proxy_set_header X-Request-Id $request_id`), so that its access log and ours name the
// same request, or a new one. It reaches the app in the request headers and the client in the
// response's, and every log line about the request carries it.
export const REQUEST_ID_HEADER = "x-request-id";

/** What an incoming id may be: a short token that cannot forge a log field or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SANE_REQUEST_ID.test(value);
}

/** The incoming id when it is sane, else a new random one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return isSaneRequestId(incoming) ? incoming : crypto.randomUUID();
}
