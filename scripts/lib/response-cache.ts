// A micro-cache in front of Next.js, as nginx's proxy_cache would be: the bytes of a public page
// that Next itself served from its cache (x-nextjs-cache: HIT) are kept for a second and replayed
// without entering Next's request pipeline — which costs more than the page. Each replay has a
// nonce and a policy of its own: the page is kept as a template with holes where the nonce goes
// (scripts/lib/page-template.ts), compressed once, so a replay is a copy of the compressed bytes
// rather than a compression of the page (≈ 5 µs instead of ≈ 0.5 ms for a 40 KB article).
//
// Never stale after a write: any request that may change data (every method but GET, HEAD and
// OPTIONS, except the view-count beacon and sign-in) empties the cache when it starts and again
// when it ends, and a page rendered while a write was running is not kept. Changes made by another
// process (the import command, a scheduled time passing) reach Next's cache as before; this cache
// adds at most TTL_MS to them. Only anonymous requests for HTML are served from it: no session
// cookie, no React Server Component request, no Range.
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";
import { withNonceHoles } from "../../lib/security/nonce-stream.ts";
import { PageTemplate } from "./page-template.ts";

export const TTL_MS = 1_000;
const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 1024 * 1024;
/** what all entries may hold together: addresses with made-up query strings cannot grow it */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** POSTs that change nothing a cached page shows. */
const HARMLESS_WRITES = [/^\/api\/luot-xem(\?|$)/, /^\/api\/auth\//];
/** Headers of one response only, or set again on every response by the layers outside Next. */
const NOT_KEPT = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "content-security-policy", "strict-transport-security"]);

interface Entry {
  headers: [string, OutgoingHttpHeader][];
  page: PageTemplate;
  expires: number;
}

export interface ResponseCacheOptions {
  /** the process's secret placeholder nonce, which Next puts wherever a nonce goes */
  placeholder: string;
  /** pages prerendered by the build, trusted by their bytes (lib/security/nonce-stream.ts) */
  trustedPages: Set<string>;
}

/** What a replay needs from the server: this response's nonce and the policy that names it. */
export interface ReplayOptions {
  nonce: string;
  csp: string;
}

export class ResponseCache {
  constructor(private readonly opts: ResponseCacheOptions) {}

  private entries = new Map<string, Entry>();
  private bytes = 0;
  /** bumped by every write: a page rendered across a bump is not kept */
  private generation = 0;
  hits = 0;

  /** bytes held, for tests */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The request's cache key, or null when it must go to Next. */
  keyOf(req: IncomingMessage): string | null {
    if (req.method !== "GET") return null;
    const h = req.headers;
    if (h.rsc || h["next-router-state-tree"] || h["next-router-prefetch"] || h["next-action"] || h.range) return null;
    if (h.cookie && /next-auth\.session-token/.test(h.cookie)) return null;
    const url = req.url ?? "/";
    if (url.startsWith("/quan-ly") || url.startsWith("/api/") || url.startsWith("/_next/") || url.includes("_rsc=")) return null;
    return url;
  }

  /** Empties the cache around a request that may write; call for every request. */
  watchWrites(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
    if (HARMLESS_WRITES.some((r) => r.test(req.url ?? ""))) return;
    this.purge();
    res.once("close", () => this.purge());
  }

  purge(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.page.bytes;
    this.entries.delete(key);
  }

  /**
   * Answers `req` with a kept page, gzipped if the client accepts it, with `nonce` in it and `csp`
   * as its policy; false if none is kept. Call before any layer that compresses or rewrites.
   */
  serve(key: string, req: IncomingMessage, res: ServerResponse, replay: ReplayOptions): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires <= Date.now()) {
      this.drop(key);
      return false;
    }
    this.hits++;
    const nonce = Buffer.from(replay.nonce);
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    const body = gzip ? entry.page.gzip(nonce) : entry.page.plain(nonce);
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", replay.csp);
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.setHeader("X-Portal-Cache", "HIT");
    res.statusCode = 200;
    res.end(body);
    return true;
  }

  /**
   * Records what Next writes to `res` (call after the outer layers have wrapped it, so this layer
   * sees Next's own bytes and headers first) and keeps it if it is a public page from Next's cache.
   */
  capture(key: string, res: ServerResponse): void {
    const generation = this.generation;
    const headers = new Map<string, OutgoingHttpHeader>();
    const chunks: Buffer[] = [];
    let bytes = 0;
    let status = 200;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || bytes > MAX_BODY_BYTES) return;
      const buf = Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      chunks.push(Buffer.from(buf)); // a copy: the caller may reuse its buffer
      bytes += buf.length;
    };

    const setHeader = res.setHeader.bind(res);
    res.setHeader = ((name: string, value: OutgoingHttpHeader) => {
      headers.set(name.toLowerCase(), value);
      return setHeader(name, value);
    }) as typeof res.setHeader;
    const removeHeader = res.removeHeader.bind(res);
    res.removeHeader = (name: string) => {
      headers.delete(name.toLowerCase());
      removeHeader(name);
    };
    const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      status = code;
      const given = (typeof rest[0] === "string" ? rest[1] : rest[0]) as Record<string, OutgoingHttpHeader> | undefined;
      if (given && !Array.isArray(given)) for (const [k, v] of Object.entries(given)) if (v !== undefined) headers.set(k.toLowerCase(), v);
      return writeHead(code, ...rest);
    }) as typeof res.writeHead;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      if (status === 200 && res.statusCode === 200) this.store(key, generation, headers, chunks, bytes);
      return end(chunk, ...rest);
    }) as typeof res.end;
  }

  private store(key: string, generation: number, headers: Map<string, OutgoingHttpHeader>, chunks: Buffer[], bytes: number): void {
    if (generation !== this.generation || bytes > MAX_BODY_BYTES) return;
    if (headers.get("x-nextjs-cache") !== "HIT" || headers.has("set-cookie")) return;
    if (!/^text\/html/i.test(String(headers.get("content-type") ?? ""))) return;
    headers.set("vary", withAcceptEncoding(headers.get("vary")));
    const page = PageTemplate.of(withNonceHoles(Buffer.concat(chunks), this.opts.placeholder, this.opts.trustedPages), Buffer.from(this.opts.placeholder));
    this.drop(key);
    // the oldest go first
    while (this.entries.size && (this.entries.size >= MAX_ENTRIES || this.bytes + page.bytes > MAX_TOTAL_BYTES)) this.drop(this.entries.keys().next().value!);
    this.entries.set(key, { headers: [...headers].filter(([k]) => !NOT_KEPT.has(k)), page, expires: Date.now() + TTL_MS });
    this.bytes += page.bytes;
  }
}

/** Whether an Accept-Encoding header admits gzip (RFC 9110 §12.5.3: by name or by `*`, q > 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  const q = new Map<string, number>();
  for (const item of String(header).split(",")) {
    const [name, ...params] = item.trim().toLowerCase().split(";");
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set(name.trim(), weight ? Number(weight.slice(2)) : 1);
  }
  const gzip = q.get("gzip") ?? q.get("x-gzip") ?? q.get("*");
  return gzip !== undefined && gzip > 0;
}

/** Next's Vary with Accept-Encoding, which a replay varies on too. */
function withAcceptEncoding(vary: OutgoingHttpHeader | undefined): string {
  const names = vary === undefined ? [] : String(vary).split(",").map((v) => v.trim()).filter(Boolean);
  if (!names.some((v) => v.toLowerCase() === "accept-encoding")) names.push("Accept-Encoding");
  return names.join(", ");
}
