// staff-load (issue 8): 50 staff sessions signed in through next-auth save criteria at the same
// time for 60 s, over HTTP on loopback against the portal server (the build's server.js), calling the
// entry screen's server action exactly as the browser does (React's encodeReply of [previous
// state, FormData], header Next-Action). Each session works on its own 2025 commune, one
// criterion after another, sending the version its previous save returned. Prints saves/s,
// p50/p99 and errors: a conflict counts as a refusal (the version check doing its job), anything
// else (5xx, network, an unexpected answer) as an error. Target (issue): no error.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { createRandom, type Random } from "../prisma/seed/sql.ts";
import { startApp } from "./lib/next-server.ts";
import { signIn } from "../scripts/lib/sign-in.ts";
import { percentile, round } from "./lib/stats.ts";
import type { Benchmark } from "./lib/types.ts";

const SESSIONS = 50;
const SECONDS = 60;
const YEAR = 2025;
const PASSWORD = "NongThonMoi@2026";

// React's client encoder of server action arguments (the one the browser bundle uses)
const { encodeReply } = (await import("next/dist/compiled/react-server-dom-webpack/client.node.js" as string)) as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

interface Criterion {
  id: number;
  indicators: { id: number; kind: string; threshold: number | null }[];
}

function actionId(): string {
  const manifest = JSON.parse(readFileSync(resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === "saveCriterionAction" && v.filename === "lib/assessments/actions.ts");
  if (!found) throw new Error("saveCriterionAction not in the build's server-reference manifest");
  return found[0];
}

function values(criterion: Criterion, rng: Random): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ind of criterion.indicators) {
    if (ind.kind === "BOOLEAN") out[`v_${ind.id}`] = rng.chance(0.85) ? "true" : "false";
    else {
      let v = (ind.threshold ?? 50) * (0.8 + rng.next() * 0.4);
      if (ind.kind === "PERCENT") v = Math.min(100, v);
      out[`v_${ind.id}`] = v.toFixed(1).replace(".", ",");
    }
  }
  return out;
}

export const staffLoad: Benchmark = {
  name: "staff-load",
  description: `${SESSIONS} signed-in staff sessions saving criteria through the server action over HTTP for ${SECONDS} s`,
  targets: { errors: 0 },
  async run(ctx) {
    const set = await db.criteriaSet.findUniqueOrThrow({
      where: { code: communeSetCodeForYear(YEAR) },
      include: { criteria: { orderBy: { number: "asc" }, include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } } } },
    });
    const criteria: Criterion[] = set.criteria.map((c) => ({
      id: c.id,
      indicators: c.indicators.map((i) => {
        const t = i.thresholds.find((x) => x.region === null && x.communeGroup === null && x.provinceId === null) ?? i.thresholds[0];
        return { id: i.id, kind: i.kind, threshold: t?.value == null ? null : Number(t.value) };
      }),
    }));
    // 50 open 2025 dossiers spread over the country; their stored versions per criterion
    await db.$executeRaw`UPDATE "Assessment" SET status = 'DRAFT' WHERE id IN (
      SELECT a.id FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId" WHERE a.year = ${YEAR} AND u.type = 'XA' ORDER BY u.code LIMIT ${SESSIONS * 20})`;
    const open = await db.$queryRaw<{ communeId: number; assessmentId: number }[]>`
      SELECT a."unitId" AS "communeId", a.id AS "assessmentId" FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId"
       WHERE a.year = ${YEAR} AND a.status = 'DRAFT' AND u.type = 'XA' ORDER BY u.code LIMIT ${SESSIONS * 20}`;
    const communes = open.filter((_, i) => i % 20 === 0).slice(0, SESSIONS);
    const versions = new Map<string, number>();
    for (const r of await db.$queryRaw<{ a: number; c: number; v: number }[]>`
      SELECT "assessmentId" AS a, "criterionId" AS c, version AS v FROM "CriterionResult" WHERE "assessmentId" = ANY(${communes.map((c) => c.assessmentId)}::int[])`) {
      versions.set(`${r.a}:${r.c}`, r.v);
    }

    const app = await startApp(ctx);
    try {
      const id = actionId();
      const cookies: string[] = [];
      for (let i = 0; i < communes.length; i++) cookies.push(await signIn(app.baseUrl, "admin@ntm.demo", PASSWORD));
      ctx.log(`staff-load: ${cookies.length} sessions signed in; saving for ${SECONDS} s`);
      const samples: number[] = [];
      let saves = 0;
      let conflicts = 0;
      let errors = 0;
      const deadline = performance.now() + SECONDS * 1000;
      const started = performance.now();
      await Promise.all(
        communes.map(async (commune, s) => {
          const rng = createRandom(9000 + s);
          for (let i = s; performance.now() < deadline; i++) {
            const criterion = criteria[(i * 7) % criteria.length];
            const key = `${commune.assessmentId}:${criterion.id}`;
            const form = new FormData();
            form.set("communeId", String(commune.communeId));
            form.set("year", String(YEAR));
            form.set("criterionId", String(criterion.id));
            form.set("version", String(versions.get(key) ?? 0));
            form.set("evidenceNote", "");
            for (const [k, v] of Object.entries(values(criterion, rng))) form.set(k, v);
            const body = await encodeReply([null, form]);
            const t0 = performance.now();
            try {
              const res = await fetch(`${app.baseUrl}/quan-ly/xa/${commune.communeId}?nam=${YEAR}`, {
                method: "POST",
                headers: { "Next-Action": id, Accept: "text/x-component", Cookie: cookies[s], Origin: app.baseUrl },
                body,
              });
              const text = await res.text();
              samples.push(performance.now() - t0);
              const version = /"ok":true,"data":\{[^}]*"version":(\d+)/.exec(text);
              if (res.status === 200 && version) {
                saves++;
                versions.set(key, Number(version[1]));
              } else if (/"code":"CONFLICT"/.test(text)) {
                conflicts++;
                const v = /"version":(\d+)/.exec(text);
                if (v) versions.set(key, Number(v[1]));
              } else {
                errors++;
                if (errors <= 3) ctx.log(`staff-load: unexpected answer ${res.status}: ${text.slice(0, 300)}`);
              }
            } catch (err) {
              errors++;
              if (errors <= 3) ctx.log(`staff-load: request failed: ${(err as Error).message}`);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      return {
        saves_per_s: round(saves / seconds, 1),
        p50_ms: round(percentile(samples, 50)),
        p99_ms: round(percentile(samples, 99)),
        errors,
        conflicts,
        sessions: SESSIONS,
        n: samples.length,
      };
    } finally {
      await app.stop();
    }
  },
};
