// When a page that Next.js renders on demand (ISR: an article, a notice, an OCOP product …) calls
// notFound(), Next answers 404 with an empty document (<html id="__next_error__">) whose message
// only JavaScript draws (vercel/next.js#95613): a reader without JavaScript, a crawler or a link
// preview sees a blank page. Such a 404 is held back here and answered instead with the portal's
// own 404 page, rendered on the server (app/not-found.tsx, the page an unknown address gets).
import type { ServerResponse } from "node:http";

const ERROR_SHELL = Buffer.from('<html id="__next_error__"');

type Method = (...args: unknown[]) => unknown;

export function rescueNotFoundShell(res: ServerResponse, render404: () => Promise<void>): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end } as unknown as Record<"writeHead" | "write" | "end", Method>;
  const restore = () => Object.assign(res, original);
  let head: unknown[] | null = null;
  const held: Buffer[] = [];
  const holding = () => res.statusCode === 404 && /^text\/html/i.test(String(res.getHeader("content-type") ?? ""));
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = (typeof rest[0] === "string" ? rest[1] : rest[0]) as Record<string, string> | undefined;
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    if (!holding()) {
      restore();
      return original.writeHead.call(res, status, ...rest);
    }
    head = [status];
    return res;
  }) as ServerResponse["writeHead"];

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!holding()) {
      restore();
      if (head) original.writeHead.call(res, ...head);
      return original.write.call(res, chunk, ...rest);
    }
    held.push(toBuffer(chunk, rest[0]));
    const cb = rest.find((a) => typeof a === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as ServerResponse["write"];

  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    restore();
    const cb = [chunk, ...rest].find((a) => typeof a === "function") as (() => void) | undefined;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held.push(toBuffer(chunk, rest[0]));
    const body = Buffer.concat(held);
    if (res.statusCode === 404 && body.subarray(0, 2048).includes(ERROR_SHELL)) {
      for (const h of ["content-length", "etag", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]) res.removeHeader(h);
      render404().then(cb, (err: unknown) => {
        console.error(err);
        if (!res.headersSent) res.statusCode = 404;
        res.end(body);
      });
      return res;
    }
    if (head) original.writeHead.call(res, ...head);
    return original.end.call(res, body.length ? body : undefined, cb);
  }) as ServerResponse["end"];
}
