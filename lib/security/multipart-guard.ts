// A malformed multipart body (a part header with a control character, say) makes Next.js's
// server-action handler fail with a 500. The body is also fed, as it arrives, to a second copy of
// the parser Next uses (busboy); if that copy refuses it, Next's failure goes out as the 400 it is.
// Costs one extra parse of multipart action posts only.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";

interface Busboy {
  write(chunk: Buffer): boolean;
  end(): void;
  on(event: "error", listener: (err: Error) => void): this;
  on(event: "file", listener: (name: string, stream: NodeJS.ReadableStream) => void): this;
}
const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as (opts: { headers: IncomingMessage["headers"]; defParamCharset: string }) => Busboy;

export function guardMultipartAction(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "POST" || !req.headers["next-action"] || !/^multipart\/form-data/i.test(req.headers["content-type"] ?? "")) return;
  let malformed = false;
  let parser: Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: "utf8" });
  } catch {
    malformed = true; // no boundary: Next cannot read it either
  }
  if (!malformed) {
    parser!.on("error", () => (malformed = true));
    parser!.on("file", (_name, stream) => stream.resume());
    // watch the chunks as the HTTP parser pushes them, without reading the stream: a "data"
    // listener would start the flow before Next's own reader is attached, and chunks would be lost
    const push = req.push;
    req.push = function (this: IncomingMessage, chunk: Buffer | null, encoding?: BufferEncoding) {
      if (!malformed) {
        if (chunk === null) parser.end();
        else parser.write(chunk);
      }
      return push.call(this, chunk, encoding);
    };
  }
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, malformed && status >= 500 ? 400 : status, ...rest);
  } as ServerResponse["writeHead"];
}
