// upload-abuse (security review): two uploads that used to exhaust the server, sent to the portal
// server as `npm start` runs it while one visitor reads the latest news article without pause —
// - 500 MB in a chunked body (no Content-Length) to /api/nhap-lieu by an editor, who may not
//   import: it used to be buffered whole (+2.5 GB) before the permission was checked;
// - a ~350 KB .xlsx whose sheet inflates to 300 MB (tests/xlsx-files.ts rowBomb), sent for a dry
//   run by a province officer, who may: exceljs used to inflate and parse it for 7–32 s.
// Both go at once, round after round for ATTACK_S seconds, after WARMUP_ROUNDS rounds that let a
// fresh server load its code and grow its heap. Prints the growth of the server's resident memory
// over the attack (VmRSS from /proc/<pid>/status, sampled every 20 ms, above its level just
// before), the slowest refusal (per round the slower of the editor's 403 and of the report's
// problem for the bomb) and the p99 of the visitor (a process of its own) meanwhile; its p99
// before the attack is logged beside. Targets (review): growth ≤ 50 MB, refusal ≤ 1 s, p99 ≤ 200 ms.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { multipartAround, pidListeningOn, postChunked, sampleRss } from "../tests/upload-abuse.ts";
import { rowBomb } from "../tests/xlsx-files.ts";
import { startApp } from "./lib/next-server.ts";
import { signIn } from "../scripts/lib/sign-in.ts";
import { percentile, round } from "./lib/stats.ts";
import type { Benchmark } from "./lib/types.ts";

const PASSWORD = "NongThonMoi@2026";
const ATTACK_S = 10;
const WARMUP_ROUNDS = 20;
const BASELINE_S = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The zip bomb's form as the import screen sends it, encoded once (the visitor shares this process). */
async function bombForm(bomb: Buffer): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const form = new FormData();
  form.set("mode", "dry-run");
  form.set("file", new File([new Uint8Array(bomb)], "so-lieu.xlsx"));
  const encoded = new Response(form);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

/** Sends the bomb for a dry run; resolves when the report (or an error) arrives. */
async function sendBomb(baseUrl: string, cookie: string, form: { body: Uint8Array<ArrayBuffer>; contentType: string }): Promise<{ ms: number; problem: string }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/nhap-lieu`, { method: "POST", headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": form.contentType }, body: form.body });
  const text = await res.text();
  const ms = performance.now() - t0;
  const last = JSON.parse(text.trim().split("\n").pop() ?? "{}") as { type?: string; report?: { problems: { message: string }[] }; message?: string };
  if (res.status !== 200 || last.type !== "report") throw new Error(`the bomb got ${res.status}: ${text.slice(0, 300)}`);
  return { ms, problem: last.report!.problems[0]?.message ?? "(no problem reported)" };
}

/** The visitor's loop, in a process of its own so that the attackers' work here does not delay it. */
const VISITOR = `
const url = process.argv[1];
const samples = [];
let errors = 0;
let running = true;
process.on("message", () => (running = false));
while (running) {
  const t0 = performance.now();
  const res = await fetch(url).catch(() => null);
  await res?.arrayBuffer();
  if (res?.status !== 200) errors++;
  samples.push(performance.now() - t0);
}
process.send({ samples, errors }, () => process.exit(0));
`;

/** GETs `url` one after another until stopped; the latencies of those made meanwhile. */
function visitor(url: string) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", VISITOR, url], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const result = new Promise<{ samples: number[]; errors: number }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { samples: number[]; errors: number }));
    child.once("exit", (code) => reject(new Error(`the visitor exited with ${code} before reporting`)));
  });
  return {
    stop: () => {
      child.send("stop");
      return result;
    },
  };
}

export const uploadAbuse: Benchmark = {
  name: "upload-abuse",
  description: `a 500 MB chunked import by an editor and a 300 MB-inflating .xlsx bomb, for ${ATTACK_S} s, while a visitor reads a news article`,
  targets: { rss_growth_mb: 50, refused_ms: 1000, p99_ms: 200 },
  async run(ctx) {
    const bomb = await bombForm(await rowBomb({ megabytes: 300 }));
    const article = await db.article.findFirst({ where: publicWhere(), orderBy: { publishedAt: "desc" }, select: { slug: true } });
    if (!article) throw new Error("no published article");
    const app = await startApp(ctx);
    try {
      const pid = pidListeningOn(Number(new URL(app.baseUrl).port));
      if (!pid) throw new Error("no process listens on the portal server's port");
      const editor = await signIn(app.baseUrl, "bientap@ntm.demo", PASSWORD);
      const officer = await signIn(app.baseUrl, "tinh@ntm.demo", PASSWORD);
      const page = `${app.baseUrl}/tin-tuc/${article.slug}`;
      const form = multipartAround({ mode: "dry-run" }, { field: "file", name: "so-lieu.xlsx" });
      const editorUpload = () =>
        postChunked(`${app.baseUrl}/api/nhap-lieu`, { headers: { Cookie: editor, Origin: app.baseUrl, "Content-Type": form.contentType }, head: form.head, tail: form.tail, mb: 500 });

      // warm-up: the page cached, and a few rounds of the attack, so that code loaded and heap
      // grown by a fresh server's first requests are not counted; then the visitor alone
      const warm = visitor(page);
      await sleep(1000);
      for (let i = 0; i < WARMUP_ROUNDS; i++) await Promise.all([editorUpload(), sendBomb(app.baseUrl, officer, bomb)]);
      await sleep(1000);
      await warm.stop();
      const alone = visitor(page);
      await sleep(BASELINE_S * 1000);
      const before = await alone.stop();

      const rss = sampleRss(pid);
      const reader = visitor(page);
      const refusals: number[] = [];
      const deadline = performance.now() + ATTACK_S * 1000;
      while (performance.now() < deadline) {
        const [upload, refused] = await Promise.all([editorUpload(), sendBomb(app.baseUrl, officer, bomb)]);
        if (upload.status !== 403) throw new Error(`the editor's upload got ${upload.status}: ${upload.body.slice(0, 300)}`);
        if (!/khi giải nén vượt quá/.test(refused.problem)) throw new Error(`the bomb was not refused for its size: ${refused.problem}`);
        refusals.push(Math.max(upload.ms, refused.ms));
      }
      const { samples, errors } = await reader.stop();
      const { grownMb } = rss.stop();
      if (errors || before.errors) throw new Error(`${errors + before.errors} article requests failed`);
      ctx.log(
        `upload-abuse: ${refusals.length} rounds (each: the editor's 500 MB refused with 403, the bomb's report with its problem), ` +
          `slower refusal p50 ${Math.round(percentile(refusals, 50))} ms, max ${Math.round(Math.max(...refusals))} ms; ` +
          `the visitor: ${samples.length} requests during the attack, p50 ${round(percentile(samples, 50))} ms; ` +
          `before it ${before.samples.length} requests, p50 ${round(percentile(before.samples, 50))} ms, p99 ${round(percentile(before.samples, 99))} ms`,
      );
      return { rss_growth_mb: grownMb, refused_ms: Math.round(Math.max(...refusals)), p99_ms: round(percentile(samples, 99)) };
    } finally {
      await app.stop();
    }
  },
};
