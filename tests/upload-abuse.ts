// What the upload-abuse tests (tests/e2e/upload-abuse.spec.ts) and `npm run bench -- upload-abuse`
// share: a body of hundreds of MB sent in chunks (no Content-Length) that stops as soon as the
// server answers, and the server's memory read from /proc (Linux), found by the port it listens on.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { request } from "node:http";

export interface ChunkedAnswer {
  status: number;
  body: string;
  /** from the first byte sent to the answer's headers */
  ms: number;
  /** how much of the body had been handed to the socket when the answer came */
  sentMb: number;
}

/**
 * POSTs `head`, then `mb` MB of filler in 1 MB chunks, then `tail`, with Transfer-Encoding: chunked
 * (or, with `declaredLength`, that Content-Length), and resolves with the server's answer as soon
 * as it comes; the rest of the body is then not sent. A connection closed before any answer rejects.
 */
export function postChunked(url: string, opts: { headers: Record<string, string>; head?: Uint8Array; tail?: Uint8Array; mb: number; declaredLength?: number }): Promise<ChunkedAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const lengthHeader: Record<string, string> = opts.declaredLength === undefined ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(opts.declaredLength) };
    const req = request({ hostname: u.hostname, port: u.port, path: u.pathname + u.search, method: "POST", headers: { ...opts.headers, ...lengthHeader } });
    const filler = Buffer.alloc(1024 * 1024, 0x41);
    const t0 = performance.now();
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const ms = performance.now() - t0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: Math.round(ms), sentMb: Math.round(sent / 2 ** 20) });
        req.destroy();
      });
      res.on("error", reject);
    });
    req.on("error", (err) => {
      if (!answered) reject(new Error(`no answer after ${Math.round(sent / 2 ** 20)} MB: ${err.message}`));
    });
    if (opts.head) req.write(opts.head);
    const pump = () => {
      while (!answered && sent < opts.mb * 2 ** 20) {
        sent += filler.length;
        if (!req.write(filler)) return void req.once("drain", pump);
      }
      if (!answered) req.end(opts.tail);
    };
    pump();
  });
}

/** A multipart body's opening, up to the bytes of its file field, and its closing. */
export function multipartAround(fields: Record<string, string>, file: { field: string; name: string }, boundary = "----ntm-upload-abuse") {
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(`${parts.join("")}--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  };
}

/** The pid of the process listening on a TCP port, from /proc/net/tcp{,6} and the processes' sockets. */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN
      if (parseInt(f[1].split(":")[1], 16) === port && f[3] === "0A") inodes.add(`socket:[${f[9]}]`);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** Resident memory of a process now (VmRSS) and at its peak so far (VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

/** Samples a process's VmRSS every `everyMs` until stopped; `grownMb` is the highest sample less the first. */
export function sampleRss(pid: number, everyMs = 20) {
  const first = memoryOf(pid).rssMb;
  let highest = first;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, memoryOf(pid).rssMb);
    } catch {
      // the process ended: keep what was seen
    }
  }, everyMs);
  return {
    stop(): { grownMb: number } {
      clearInterval(timer);
      try {
        highest = Math.max(highest, memoryOf(pid).rssMb);
      } catch {
        // as above
      }
      return { grownMb: Math.round(highest - first) };
    },
  };
}
