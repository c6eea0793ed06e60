// Server-action posts larger than Next.js accepts are refused by the proxy (proxy.ts) with 413.
// Next itself stops reading such a body at serverActions.bodySizeLimit but answers a fetch action
// with a 500 (its action handler sends every error of a fetch action as one), and only after the
// proxy's copy of the body has been read to its end — all 500 MB of a chunked one. The proxy sees
// the request first: a declared length over the limit is refused before a byte is read, and a
// chunked body is counted as it arrives and refused the moment it passes the limit.

/**
 * serverActions.bodySizeLimit in next.config.js: the largest file (a 20 MB PDF) and the form
 * around it. proxyClientMaxBodySize there is 1 MB more, so that the proxy's copy of a body over
 * this limit is always long enough to show it.
 */
export const ACTION_BODY_MAX_BYTES = 21 * 1024 * 1024;

const TOO_LARGE = "Dữ liệu gửi lên quá lớn: tệp đính kèm tối đa 20 MB (ảnh tối đa 5 MB). Hãy chọn tệp nhỏ hơn rồi gửi lại.";

function refusal(): Response {
  return Response.json({ error: TOO_LARGE, code: "TOO_LARGE" }, { status: 413 });
}

/** Whether the proxy should look at this request's body: a server action (fetch or form post). */
export function isActionPost(request: Request): boolean {
  return request.method === "POST" && (request.headers.has("next-action") || /^multipart\/form-data/i.test(request.headers.get("content-type") ?? ""));
}

/** A 413 for a server-action post over the limit, or null to let it through. */
export async function refuseOversizedAction(request: Request, maxBytes = ACTION_BODY_MAX_BYTES): Promise<Response | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > maxBytes ? refusal() : null;
  if (!request.body) return null;
  // chunked: this is the proxy's own copy of the body, which Next buffers anyway for the action
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.releaseLock();
      return refusal();
    }
  }
}
