// public-article: one article page (/tin-tuc/<slug>) rendered per request by Next's own production
// server — each response with a CSP nonce of its own — at 8 concurrent connections on loopback
// for 20 s, asking for gzip as Chromium does. The article's data comes from Next's data cache
// (lib/cache/cached-read.ts): what is measured is the render, the proxy and the compression.
// Target (issue 15): ≥ 150 pages/s with p99 ≤ 100 ms on the project's 2-core machine.
// Latency percentiles are over responses on established connections; each connection's first
// response (connect and accept included) is logged apart.
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { autocannon } from "./lib/load.ts";
import { startApp } from "./lib/next-server.ts";
import { percentile, round } from "./lib/stats.ts";
import type { Benchmark } from "./lib/types.ts";

const CONNECTIONS = 8;
const WARMUP_S = 3;
const DURATION_S = 20;
/** what Chromium sends */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

export const publicArticle: Benchmark = {
  name: "public-article",
  description: `an article page rendered per request by the production server (the build's server.js), ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S}-s warm-up, gzip as browsers ask`,
  targets: { rps: { min: 150 }, p99_ms: 100 },
  async run(ctx) {
    const article = await db.article.findFirst({ where: publicWhere(), orderBy: { publishedAt: "desc" }, select: { slug: true } });
    if (!article) throw new Error("no published article");
    const app = await startApp(ctx, { hostname: "127.0.0.1" });
    try {
      const url = `${app.baseUrl}/tin-tuc/${article.slug}`;
      const headers = { "accept-encoding": BROWSER_ENCODINGS };
      await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers });
      const samples: number[] = [];
      const firsts: number[] = [];
      const seen = new Set<unknown>();
      let bytes = 0;
      const run = autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1, timeout: 10, headers });
      run.on("response", (client, _status, size, ms) => {
        bytes = size;
        if (seen.has(client)) samples.push(ms);
        else {
          seen.add(client);
          firsts.push(ms);
        }
      });
      const r = await run;
      const rps = r.requests.total / r.duration;
      ctx.log(`public-article: ${url}: ${bytes} bytes a response (gzip), ${r.requests.total} requests; first responses of new connections: max ${round(Math.max(...firsts))} ms`);
      return {
        rps: round(rps),
        p50_ms: round(percentile(samples, 50)),
        p99_ms: round(percentile(samples, 99)),
        errors: r.errors + r.timeouts + r.non2xx,
      };
    } finally {
      await app.stop();
    }
  },
};
