// Load from autocannon, without the one thing it does per response that costs more than the server
// it measures: it appends every body chunk to a string (lib/pipelinedRequestsQueue.js,
// `req.body += data`), decoding the bytes as UTF-8 — slow for Vietnamese text and for gzip — on
// the same two cores as the server. Measured here, a bare Node server sending the article's 41 KB:
// 7,400 req/s with it, 32,000–35,000 without; the static page's 28 KB: 10,900 and 38,000–48,000.
// The benchmarks read no bodies (no expectBody, no verifyBody); byte counts are kept.
import { createRequire } from "node:module";
import autocannon from "autocannon";

const queue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js") as { prototype: { addBody?: unknown } };
if (typeof queue.prototype.addBody !== "function") throw new Error("autocannon has changed: lib/pipelinedRequestsQueue.js has no addBody (bench/lib/load.ts)");
queue.prototype.addBody = () => {};

export { autocannon };
