// The CSP nonce of cached pages (scripts/serve.ts). Next.js puts the nonce it finds in the
// request's Content-Security-Policy on every script it renders, and keeps rendered public pages
// in its cache. The server gives Next a secret placeholder nonce, the same for the life of the
// process (its cache dies with it), and replaces it, in every response, by a fresh nonce — also
// the one of that response's policy. The placeholder never leaves the process, so no content
// stored by anyone can carry it: a script runs only if Next rendered it. Pages prerendered by
// `next build` (before any request, so without the placeholder) are recognised by their bytes.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { IncomingHttpHeaders, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** Replaces every occurrence of `from` by `to` (same length) across the chunks of a stream. */
export class SameLengthReplacer {
  private carry: Buffer = Buffer.alloc(0);
  constructor(
    private readonly from: Buffer,
    private readonly to: Buffer,
  ) {
    if (from.length !== to.length || from.length === 0) throw new Error("placeholder and nonce must have the same length");
  }

  /** The bytes that can be sent now; a possible start of `from` at the end is held back. */
  push(chunk: Buffer): Buffer {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
    let lastEnd = 0;
    for (let i = buf.indexOf(this.from); i !== -1; i = buf.indexOf(this.from, i + this.from.length)) {
      this.to.copy(buf, i);
      lastEnd = i + this.from.length;
    }
    const keep = Math.min(this.from.length - 1, buf.length - lastEnd);
    this.carry = Buffer.from(buf.subarray(buf.length - keep));
    return buf.subarray(0, buf.length - keep);
  }

  end(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest;
  }
}

/** SHA-256 of every page `next build` prerendered: trusted bytes (the build reads no stored content). */
export function prerenderedPageHashes(distDir: string): Set<string> {
  const hashes = new Set<string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".html")) hashes.add(sha256(readFileSync(path)));
    }
  };
  walk(join(distDir, "server", "app"));
  return hashes;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Puts the nonce on every script tag of a trusted page (a build artifact). */
export function addNonceToScripts(html: Buffer, nonce: string): Buffer {
  return Buffer.from(html.toString("utf8").replace(/<script(?=[\s>])(?![^>]*\snonce=)/g, `<script nonce="${nonce}"`), "utf8");
}

/**
 * A whole HTML page with the placeholder wherever its nonce goes: as Next rendered it, or, for a
 * page the build prerendered (no placeholder, trusted by its bytes), on each of its scripts. Any
 * other page without the placeholder is kept as it is: its scripts will not run.
 */
export function withNonceHoles(page: Buffer, placeholder: string, trustedPages: Set<string>): Buffer {
  if (page.includes(placeholder) || !trustedPages.has(sha256(page))) return page;
  return addNonceToScripts(page, placeholder);
}

export interface NonceOptions {
  placeholder: string;
  /** this response's nonce: the same length as the placeholder */
  nonce: string;
  /** the policy naming `nonce`, sent with every HTML response */
  csp: string;
  trustedPages: Set<string>;
}

/** An HTML response is held until the placeholder shows (Next puts it in the head) or it ends. */
const MAX_HOLD_BYTES = 512 * 1024;

type WriteCallback = (err?: Error | null) => void;

function toBuffer(chunk: unknown, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), encoding ?? "utf8");
}

/**
 * Rewrites one response as it is written: the placeholder becomes the nonce in headers and in
 * HTML and RSC bodies; an HTML response gets the policy. Call before the app writes anything.
 */
export function applyNonce(res: ServerResponse, opts: NonceOptions): void {
  const from = Buffer.from(opts.placeholder);
  const swap = (v: OutgoingHttpHeader | undefined): OutgoingHttpHeader | undefined =>
    typeof v === "string" ? v.split(opts.placeholder).join(opts.nonce) : Array.isArray(v) ? v.map((s) => s.split(opts.placeholder).join(opts.nonce)) : v;

  const setHeader = res.setHeader.bind(res);
  const realWrite = res.write.bind(res) as (chunk: Buffer, cb?: WriteCallback) => boolean;
  const realEnd = res.end.bind(res) as (chunk?: Buffer, cb?: () => void) => ServerResponse;
  const realWriteHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  const realFlushHeaders = res.flushHeaders.bind(res);
  // Node calls writeHead itself from inside write/end (the implicit head): let that one through
  let flushing = false;
  const real = <T>(fn: () => T): T => {
    flushing = true;
    try {
      return fn();
    } finally {
      flushing = false;
    }
  };
  const write = (chunk: Buffer, cb?: WriteCallback) => real(() => realWrite(chunk, cb));
  const end = (chunk?: Buffer, cb?: () => void) => real(() => realEnd(chunk, cb));

  res.setHeader = ((name: string, value: OutgoingHttpHeader) => setHeader(name, swap(value)!)) as typeof res.setHeader;
  if (typeof res.appendHeader === "function") {
    const appendHeader = res.appendHeader.bind(res);
    res.appendHeader = ((name: string, value: string | readonly string[]) => appendHeader(name, swap(value as OutgoingHttpHeader) as string)) as typeof res.appendHeader;
  }

  // the app's writeHead: its headers are folded into setHeader, and the head is sent with the
  // first bytes, once the body has shown whether the page carries the placeholder
  let head: { status: number; message?: string } | null = null;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    const headers = (typeof rest[0] === "string" ? rest[1] : rest[0]) as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    }
    if (flushing) return realWriteHead(status, ...(message ? [message] : []));
    head = { status, message };
    res.statusCode = status;
    if (message) res.statusMessage = message;
    return res;
  }) as typeof res.writeHead;
  const sendHead = () => {
    if (head && !res.headersSent) real(() => realWriteHead(head!.status, ...(head!.message ? [head!.message] : [])));
    head = null;
  };

  type Mode = "html-hold" | "stream" | "pass";
  let mode: Mode | null = null;
  const replacer = new SameLengthReplacer(from, Buffer.from(opts.nonce));
  let held: Buffer[] = [];
  let heldBytes = 0;
  // the end of what is held, to find a placeholder split between two writes
  let heldTail: Buffer = Buffer.alloc(0);

  const decide = () => {
    if (mode) return;
    const type = String(res.getHeader("content-type") ?? "");
    if (/^text\/html/i.test(type)) {
      mode = "html-hold";
      res.setHeader("Content-Security-Policy", opts.csp);
    } else {
      mode = /^text\/x-component/i.test(type) ? "stream" : "pass";
    }
  };

  /** The held head of an HTML page: stream it (with the placeholder replaced) from now on. */
  const release = (): Buffer => {
    mode = "stream";
    const all = Buffer.concat(held);
    held = [];
    return replacer.push(all);
  };

  res.flushHeaders = () => {
    decide();
    sendHead();
    real(realFlushHeaders);
  };

  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    const callback = (typeof encoding === "function" ? encoding : cb) as WriteCallback | undefined;
    const buf = toBuffer(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : undefined);
    decide();
    if (mode === "pass") {
      sendHead();
      return write(buf, callback);
    }
    if (mode === "html-hold") {
      held.push(buf);
      heldBytes += buf.length;
      const window = Buffer.concat([heldTail, buf]);
      heldTail = Buffer.from(window.subarray(Math.max(0, window.length - from.length + 1)));
      if (window.includes(from) || heldBytes > MAX_HOLD_BYTES) {
        sendHead();
        return write(release(), callback);
      }
      callback?.();
      return true;
    }
    sendHead();
    return write(replacer.push(buf), callback);
  }) as typeof res.write;

  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    const callback = [chunk, encoding, cb].find((a) => typeof a === "function") as (() => void) | undefined;
    const buf = chunk !== undefined && chunk !== null && typeof chunk !== "function" ? toBuffer(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : undefined) : null;
    decide();
    if (mode === "pass") {
      sendHead();
      return end(buf ?? undefined, callback);
    }
    if (mode === "html-hold") {
      if (buf) held.push(buf);
      const page = Buffer.concat(held);
      held = [];
      const holed = withNonceHoles(page, opts.placeholder, opts.trustedPages);
      if (holed.length !== page.length) res.removeHeader("content-length");
      const body = Buffer.concat([replacer.push(holed), replacer.end()]);
      sendHead();
      return end(body, callback);
    }
    const out = Buffer.concat([buf ? replacer.push(buf) : Buffer.alloc(0), replacer.end()]);
    sendHead();
    return end(out, callback);
  }) as typeof res.end;
}

/** The request as Next must see it: with the policy naming the placeholder, whatever the client sent. */
export function withPlaceholderPolicy(headers: IncomingHttpHeaders, placeholderPolicy: string): void {
  headers["content-security-policy"] = placeholderPolicy;
  delete headers["content-security-policy-report-only"];
}
