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

import busboy from "busboy";

const TOO_LARGE = "Dữ liệu gửi lên quá lớn: tệp đính kèm tối đa 20 MB (ảnh tối đa 5 MB). Hãy chọn tệp nhỏ hơn rồi gửi lại.";

function refusal(): Response {
  return Response.json({ error: TOO_LARGE, code: "TOO_LARGE" }, { status: 413 });
}

/** Whether the proxy should look at this request's body: a server action (fetch or form post). */
export function isActionPost(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  // a form posted without JavaScript goes to its page; API routes read their own bodies, after
  // authorising (the import streams with its own limit: lib/http.ts)
  return !new URL(request.url).pathname.startsWith("/api/") && /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
}

/**
 * A 413 for a server-action post over the limit, a 400 for a multipart one that cannot be parsed
 * (Next's own parser would fail with a 500), or null to let it through. The body read here is the
 * proxy's own copy, which Next buffers anyway for the action.
 */
export async function checkActionPost(request: Request, maxBytes = ACTION_BODY_MAX_BYTES): Promise<Response | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return refusal();
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (!request.body || (declared !== null && !multipart)) return null;
  // chunked, or multipart: counted as it arrives, refused the moment it passes the limit
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      return refusal();
    }
    chunks.push(value);
  }
  if (!multipart) return null;
  return (await parsesAsMultipart(contentType, chunks))
    ? null
    : new Response("Dữ liệu gửi lên không đúng định dạng.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Whether busboy — the parser Next's action handler uses — reads the body to its end. */
function parsesAsMultipart(contentType: string, chunks: Uint8Array[]): Promise<boolean> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8" });
    } catch {
      return resolve(false); // no boundary: Next cannot read it either
    }
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", () => resolve(false));
    parser.on("close", () => resolve(true));
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
  });
}
