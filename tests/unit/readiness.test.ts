// /api/ready's answer (lib/ops/readiness.ts): ready only while every check passes within its time
// and the process is not stopping; checks other modules register count like the database's.
import { afterEach, describe, expect, it } from "vitest";
import { checkReadiness, markDraining, registerReadinessCheck, type CheckResult, type ReadinessCheck } from "@/lib/ops/readiness";

const STATE = Symbol.for("ntm.readiness");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[STATE];
});

const ok = () => undefined;

describe("checkReadiness", () => {
  it("is ready when every check passes", async () => {
    registerReadinessCheck("cache-listener", () => true);
    expect(await checkReadiness({ database: async () => undefined })).toEqual({ ready: true, checks: { database: "ok", "cache-listener": "ok" } });
  });

  const failures: [string, ReadinessCheck, CheckResult][] = [
    ["throws", () => { throw new Error("connect ECONNREFUSED 127.0.0.1:5432"); }, "failed"],
    ["rejects", () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")), "failed"],
    ["answers false", () => false, "failed"],
    ["takes longer than its time", () => new Promise<void>((r) => setTimeout(r, 500)), "timeout"],
  ];
  it.each(failures)("is not ready when a check %s", async (_label, check, result) => {
    const readiness = await checkReadiness({ database: check, other: ok }, 50);
    expect(readiness).toMatchObject({ ready: false, draining: false, checks: { database: result, other: "ok" }, failing: ["database"] });
  });

  it("counts a registered check that fails", async () => {
    registerReadinessCheck("cache-listener", () => false);
    expect(await checkReadiness({ database: ok })).toMatchObject({ ready: false, failing: ["cache-listener"] });
  });

  it("keeps what a failed check threw for the log", async () => {
    const readiness = await checkReadiness({ database: () => Promise.reject(new Error("password authentication failed")) });
    expect(readiness).toMatchObject({ errors: { database: "password authentication failed" } });
  });

  it("is not ready once the process is stopping, and runs no check", async () => {
    let ran = 0;
    markDraining("SIGTERM");
    markDraining("SIGINT"); // the first signal is the one reported
    expect(await checkReadiness({ database: () => void ran++ })).toEqual({ ready: false, draining: true, signal: "SIGTERM" });
    expect(ran).toBe(0);
  });
});
