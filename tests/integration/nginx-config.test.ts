// The shipped nginx site (deploy/nginx/ntm.conf), run by nginx: only its ports, certificate and
// log paths are swapped (a self-signed certificate made with openssl), inside a main file shaped
// like Debian's /etc/nginx/nginx.conf. `nginx -t` must accept it; then it runs in front of two
// stand-in instances (plain Node servers that answer with what they received), which shows what
// the portal gets: the client's address where TRUSTED_PROXY_HOPS=1 reads it, the scheme and
// host, a request id; bodies cut at the portal's own limits; the import streamed both ways; the
// static files compressed and cached; a stopped instance skipped.
// Skipped, saying why, where nginx or openssl is not installed (Debian: apt-get install
// nginx-light openssl); this test installs nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_REQUEST_MAX_BYTES } from "@/lib/imports/sheet";
import { ACTION_BODY_MAX_BYTES } from "@/lib/security/action-body-limit";
import { clientAddress, trustedProxyHops } from "@/lib/users/login-rules";
import { freePort } from "../../scripts/lib/ports";

const SHIPPED = resolve("deploy/nginx/ntm.conf");
const SERVER_NAME = "nongthonmoi.example.gov.vn";

function findBinary(candidates: string[], versionArg: string): string | null {
  return candidates.find((bin) => spawnSync(bin, [versionArg], { stdio: "ignore" }).status === 0) ?? null;
}
const NGINX = findBinary(["nginx", "/usr/sbin/nginx"], "-v");
const OPENSSL = findBinary(["openssl", "/usr/bin/openssl"], "version");
const missing = [!NGINX && "nginx", !OPENSSL && "openssl"].filter(Boolean);
if (missing.length) console.log(`nginx-config: skipped, ${missing.join(" and ")} not installed (Debian: apt-get install nginx-light openssl)`);

/** The modules directory of this nginx (`nginx -V`), where Debian's module packages put theirs. */
function modulesPath(): string | null {
  const out = spawnSync(NGINX!, ["-V"], { encoding: "utf8" }).stderr;
  return /--modules-path=(\S+)/.exec(out)?.[1] ?? null;
}

interface Swaps {
  dir: string;
  httpPort: number;
  httpsPort: number;
  instances: [number, number];
  cert: string;
  key: string;
}

/** The shipped file with only what differs on a test machine swapped; each swap must find its line. */
function siteForTest(shipped: string, s: Swaps): string {
  let conf = shipped;
  const swap = (pattern: RegExp, by: string, times = 1) => {
    const all = new RegExp(pattern.source, "gm");
    const found = conf.match(all)?.length ?? 0;
    if (found !== times) throw new Error(`deploy/nginx/ntm.conf: expected ${times} × ${pattern}, found ${found}`);
    conf = conf.replace(all, () => by);
  };
  swap(/^\s*listen \[::\]:\d+[^;]*;\n/, "", 2); // the test machine may have no IPv6
  swap(/listen 80;/, `listen 127.0.0.1:${s.httpPort};`);
  swap(/listen 443 ssl http2;/, `listen 127.0.0.1:${s.httpsPort} ssl http2;`);
  swap(/server 127\.0\.0\.1:3000 /, `server 127.0.0.1:${s.instances[0]} `);
  swap(/server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${s.instances[1]} `);
  swap(/ssl_certificate \S+;/, `ssl_certificate ${s.cert};`);
  swap(/ssl_certificate_key \S+;/, `ssl_certificate_key ${s.key};`);
  swap(/\/var\/log\/nginx\//, `${s.dir}/`, 2);
  return conf;
}

/** The brotli lines uncommented, as the file says to once the Debian module is installed. */
function withBrotli(site: string): string {
  let uncommented = 0;
  let open = false;
  const lines = site.split("\n").map((line) => {
    const m = /^(\s*)# ?(brotli\w* .*|\s+\S.*)$/.exec(line);
    if (!m || (!open && !m[2].startsWith("brotli"))) return line;
    if (m[2].startsWith("brotli")) uncommented++;
    open = !m[2].trimEnd().endsWith(";");
    return m[1] + m[2];
  });
  if (uncommented !== 3) throw new Error(`deploy/nginx/ntm.conf: expected 3 commented brotli directives, found ${uncommented}`);
  return lines.join("\n");
}

/** A main file shaped like Debian's /etc/nginx/nginx.conf including `site` (written as `siteFile`), everything it writes kept in `dir`. */
function mainConfig(site: string, siteFile: string, loadModule?: string): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => {
    mkdirSync(join(dir, "temp", t), { recursive: true });
    return `${t}_temp_path ${dir}/temp/${t};`;
  });
  writeFileSync(join(dir, siteFile), site);
  return [
    // workers run as the test's own user (root here means root: the temporary directory is root's)
    process.getuid?.() === 0 ? "user root root;" : "",
    loadModule ? `load_module ${loadModule};` : "",
    "worker_processes 1;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    "events { worker_connections 256; }",
    "http {",
    // as Debian's nginx.conf has them: the site must not set these again at http level
    "  sendfile on; tcp_nopush on; types_hash_max_size 2048;",
    "  default_type application/octet-stream;",
    "  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_prefer_server_ciphers on;",
    `  access_log ${dir}/access.log;`,
    "  gzip on;",
    ...temp.map((t) => `  ${t}`),
    `  include ${dir}/${siteFile};`,
    "}",
  ].join("\n");
}

/** `nginx -t` on `conf`: its output; throws with it when nginx refuses the file or warns. */
function nginxTest(conf: string): string {
  const file = join(dir, "nginx-test.conf");
  writeFileSync(file, conf);
  const r = spawnSync(NGINX!, ["-t", "-p", `${dir}/`, "-e", `${dir}/error.log`, "-c", file], { encoding: "utf8" });
  // nginx ≥ 1.25.1 deprecates `listen … http2` (the file says so); Debian 12's 1.22 has no other way
  const warnings = r.stderr.split("\n").filter((l) => /\[(warn|emerg|alert)\]/.test(l) && !/"listen \.\.\. http2" directive is deprecated/.test(l));
  if (r.status !== 0 || warnings.length) throw new Error(`nginx -t (exit ${r.status}):\n${r.stderr}`);
  return r.stderr;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

interface Instance {
  name: string;
  port: number;
  server: http.Server;
  seen: Seen[];
}

const STATIC_JS = `// a chunk of the build\n${"export const x = 'nông thôn mới';\n".repeat(100)}`;

/** A stand-in for a portal instance: it answers with what it received. */
function startInstance(name: string): Promise<Instance> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    if (req.url === "/api/nhap-lieu") {
      // as the import route does: a progress line before the whole body is in, the report at its end
      res.writeHead(200, { "Content-Type": "application/x-ndjson; charset=utf-8" });
      res.write(`${JSON.stringify({ type: "progress", instance: name })}\n`);
      let received = 0;
      req.on("data", (c: Buffer) => (received += c.length));
      req.on("end", () => res.end(`${JSON.stringify({ type: "report", received })}\n`));
      return;
    }
    if (req.url === "/_next/static/chunks/app.js") {
      res.writeHead(200, { "Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "public, max-age=0" });
      return res.end(STATIC_JS);
    }
    if (req.url?.startsWith("/_next/static/")) {
      res.writeHead(404, { "Content-Type": "text/plain", "Cache-Control": "public, max-age=31536000, immutable" });
      return res.end("not in this build");
    }
    let received = 0;
    req.on("data", (c: Buffer) => (received += c.length));
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ instance: name, received, headers: req.headers }));
    });
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({ name, server, seen, port: (server.address() as net.AddressInfo).port })));
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The body as text, uncompressed (nginx compresses what the instance did not). */
function text(r: Answer): string {
  return (r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body).toString();
}

function collect(res: http.IncomingMessage): Promise<Answer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    res.on("error", fail);
  });
}

let dir = "";
/** the shipped file with this machine's ports and paths */
let site = "";
let ports: { http: number; https: number } = { http: 0, https: 0 };
let nginx: ChildProcess | undefined;
const instances: Instance[] = [];

/** A request to nginx over TLS (or plain http to the redirect server), on a connection of its own. */
function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; plain?: boolean }): http.ClientRequest {
  const common = { host: "127.0.0.1", method: opts.method ?? "GET", path: opts.path, headers: { Host: SERVER_NAME, ...opts.headers }, agent: false as const };
  return opts.plain
    ? http.request({ ...common, port: ports.http })
    : https.request({ ...common, port: ports.https, servername: SERVER_NAME, rejectUnauthorized: false });
}

function fetchVia(opts: Parameters<typeof send>[0]): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = send(opts);
    req.on("response", (res) => collect(res).then(done, fail));
    req.on("error", fail);
    req.end(opts.body);
  });
}

/**
 * A POST that declares `length` bytes and sends none: nginx must answer from the headers alone
 * (or, with `headOnly`, pass it on unbuffered to an instance that answers before the body).
 */
function declareOnly(path: string, length: number, headOnly = false): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = send({ method: "POST", path, headers: { "Content-Length": String(length), "Content-Type": "application/octet-stream" } });
    const timer = setTimeout(() => {
      req.destroy();
      fail(new Error(`no answer to a declared ${length}-byte body: nginx is waiting for it`));
    }, 5_000);
    req.on("response", (res) => {
      clearTimeout(timer);
      if (headOnly) {
        done({ status: res.statusCode!, headers: res.headers, body: Buffer.alloc(0) });
        return req.destroy();
      }
      collect(res).then(done, fail).finally(() => req.destroy());
    });
    req.on("error", fail);
    req.flushHeaders();
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done, fail) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        done();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) fail(new Error(`nginx did not listen on ${port}: ${readFileSync(join(dir, "error.log"), "utf8")}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

describe.skipIf(missing.length > 0)("deploy/nginx/ntm.conf run by nginx", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ntm-nginx-"));
    chmodSync(dir, 0o755);
    const cert = join(dir, "cert.pem");
    const key = join(dir, "key.pem");
    const made = spawnSync(OPENSSL!, [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", "1", "-subj", `/CN=${SERVER_NAME}`,
    ], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(`openssl req: ${made.stderr}`);
    instances.push(await startInstance("a"), await startInstance("b"));
    ports = { http: await freePort(), https: await freePort() };
    site = siteForTest(readFileSync(SHIPPED, "utf8"), {
      dir, cert, key, httpPort: ports.http, httpsPort: ports.https, instances: [instances[0].port, instances[1].port],
    });
    const conf = join(dir, "nginx.conf");
    writeFileSync(conf, mainConfig(site, "ntm.conf"));
    nginx = spawn(NGINX!, ["-p", `${dir}/`, "-e", `${dir}/error.log`, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    await waitForPort(ports.https, 10_000);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((r) => nginx!.once("exit", r));
      nginx.kill("SIGTERM");
      await exited;
    }
    for (const i of instances) {
      i.server.closeAllConnections();
      i.server.close();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("nginx -t accepts the shipped file", () => {
    const out = nginxTest(mainConfig(site, "ntm.conf"));
    console.log(`nginx-config: ${spawnSync(NGINX!, ["-v"], { encoding: "utf8" }).stderr.trim()}, ${out.trim().split("\n").pop()}`);
  });

  it("and its brotli lines, where Debian's brotli module is installed", (ctx) => {
    const module = modulesPath() && join(modulesPath()!, "ngx_http_brotli_filter_module.so");
    if (!module || !existsSync(module)) {
      console.log("nginx-config: brotli lines not checked, no ngx_http_brotli_filter_module.so (apt-get install libnginx-mod-http-brotli-filter)");
      return ctx.skip();
    }
    nginxTest(mainConfig(withBrotli(site), "ntm-brotli.conf", module));
  });

  it("redirects http to https", async () => {
    const r = await fetchVia({ plain: true, path: "/tin-tuc?trang=2" });
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(`https://${SERVER_NAME}/tin-tuc?trang=2`);
  });

  it("hands the portal the client's address where TRUSTED_PROXY_HOPS=1 reads it, never the client's own word", async () => {
    const r = await fetchVia({
      path: "/tin-tuc",
      headers: { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Host": "evil.example", "X-Request-Id": "chosen-by-client", "Accept-Encoding": "gzip" },
    });
    expect(r.status).toBe(200);
    const { headers } = JSON.parse(text(r)) as { headers: IncomingHttpHeaders };
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
    expect(clientAddress(headers["x-forwarded-for"], trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" }))).toBe("127.0.0.1");
    expect(headers.host).toBe(SERVER_NAME);
    expect(headers["x-forwarded-host"]).toBe(SERVER_NAME);
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    // pages: the portal compresses them itself; HTTP/1.1 with no Connection header = a kept-alive connection
    expect(headers["accept-encoding"]).toBe("gzip");
    expect(headers.connection).toBeUndefined();
  });

  it("compresses the build's static files itself, cached for a year; a missing one is not cached", async () => {
    const before = instances.flatMap((i) => i.seen).length;
    const r = await fetchVia({ path: "/_next/static/chunks/app.js", headers: { "Accept-Encoding": "gzip" } });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(r.body).toString()).toBe(STATIC_JS);
    expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(instances.flatMap((i) => i.seen)[before].headers["accept-encoding"]).toBeUndefined();

    const gone = await fetchVia({ path: "/_next/static/chunks/of-another-build.js" });
    expect(gone.status).toBe(404);
    expect(gone.headers["cache-control"]).toBe("no-store");
  });

  it("lets a server-action body of ACTION_BODY_MAX_BYTES through and refuses one byte more, as the portal does", async () => {
    const through = await fetchVia({ method: "POST", path: "/quan-ly/tin-tuc/moi", body: Buffer.alloc(ACTION_BODY_MAX_BYTES, 0x61) });
    expect(through.status).toBe(200);
    expect(JSON.parse(text(through)).received).toBe(ACTION_BODY_MAX_BYTES);

    const seen = instances.flatMap((i) => i.seen).length;
    const refused = await declareOnly("/quan-ly/tin-tuc/moi", ACTION_BODY_MAX_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(refused.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(text(refused))).toMatchObject({ code: "TOO_LARGE", error: expect.stringMatching(/quá lớn/) });
    expect(instances.flatMap((i) => i.seen).length).toBe(seen);
  });

  it("lets an import body of IMPORT_REQUEST_MAX_BYTES through and refuses one byte more before any instance sees it", async () => {
    expect((await declareOnly("/api/nhap-lieu", IMPORT_REQUEST_MAX_BYTES, true)).status).toBe(200);
    const seen = instances.flatMap((i) => i.seen).length;
    const refused = await declareOnly("/api/nhap-lieu", IMPORT_REQUEST_MAX_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(JSON.parse(text(refused))).toMatchObject({ code: "TOO_LARGE", error: expect.stringMatching(/giới hạn là 20 MB/) });
    expect(instances.flatMap((i) => i.seen).length).toBe(seen);
  });

  it("streams the import both ways: progress reaches the browser while the upload is still going", async () => {
    const half = Buffer.alloc(64 * 1024, 0x62);
    const req = send({ method: "POST", path: "/api/nhap-lieu", headers: { "Content-Length": String(half.length * 2), "Content-Type": "application/octet-stream" } });
    req.write(half);
    // nginx buffering either way would hold this answer until the whole body is in, or the whole report out
    const res = await new Promise<http.IncomingMessage>((done, fail) => {
      const timer = setTimeout(() => fail(new Error("no answer while the upload was half sent: nginx buffers the import")), 5_000);
      req.on("response", (r) => {
        clearTimeout(timer);
        done(r);
      });
      req.on("error", fail);
    });
    expect(res.statusCode).toBe(200);
    let answer = "";
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error("no progress line while the upload was half sent: nginx buffers the answer")), 5_000);
      res.on("data", (c: Buffer) => {
        answer += c.toString();
        if (answer.includes("\n")) {
          clearTimeout(timer);
          done();
        }
      });
    });
    expect(JSON.parse(answer.split("\n")[0])).toMatchObject({ type: "progress" });
    const ended = new Promise<void>((done) => res.on("end", () => done()));
    req.end(half);
    await ended;
    expect(JSON.parse(answer.trim().split("\n").pop()!)).toEqual({ type: "report", received: half.length * 2 });
  });

  it("sends requests to the other instance when one is stopped", async () => {
    const first = JSON.parse(text(await fetchVia({ path: "/" }))).instance as string;
    const stopped = instances.find((i) => i.name === first)!;
    stopped.server.closeAllConnections();
    await new Promise((r) => stopped.server.close(r));
    for (let n = 0; n < 4; n++) {
      const r = await fetchVia({ method: n % 2 ? "POST" : "GET", path: "/", body: n % 2 ? Buffer.from("a=1") : undefined });
      expect(r.status).toBe(200);
      expect(JSON.parse(text(r)).instance).not.toBe(first);
    }
  });
});
