// Whether this server process should be sent requests (GET /api/ready): not while it is stopping,
// and not while one of its checks fails. The database check is the route's; other modules add
// theirs with registerReadinessCheck (a listener that must be up, say). The state lives on
// globalThis: instrumentation.ts and the compiled routes load this file as separate modules.

/** Fails by throwing, rejecting or returning false. */
export type ReadinessCheck = () => boolean | void | Promise<boolean | void>;
export type CheckResult = "ok" | "failed" | "timeout";

export type Readiness =
  | { ready: true; checks: Record<string, CheckResult> }
  | { ready: false; draining: true; signal: string }
  | { ready: false; draining: false; checks: Record<string, CheckResult>; failing: string[]; errors: Record<string, string> };

/** How long a check may take before it counts as failed: a probe answers within ~1 s. */
export const CHECK_TIMEOUT_MS = 1_000;

interface ReadinessState {
  checks: Map<string, ReadinessCheck>;
  /** the signal that started the stop, once it has */
  drainingSince: string | null;
  signalsHeard: boolean;
}

const STATE = Symbol.for("ntm.readiness");
function state(): ReadinessState {
  const holder = globalThis as { [STATE]?: ReadinessState };
  return (holder[STATE] ??= { checks: new Map(), drainingSince: null, signalsHeard: false });
}

/** Adds (or replaces) the check called `name`. */
export function registerReadinessCheck(name: string, check: ReadinessCheck): void {
  state().checks.set(name, check);
}

/** From now on this process answers "not ready": it is stopping. */
export function markDraining(signal: string): void {
  state().drainingSince ??= signal;
}

/**
 * On SIGTERM or SIGINT, marks the process draining. Next's own listeners (its server.js) stop the
 * server: no new connection, requests in flight answered, then exit 143 / 130. Without them
 * (NEXT_MANUAL_SIG_HANDLE) a listener here would keep the process from ending, so none is added.
 */
export function markDrainingOnStopSignals(onSignal?: (signal: NodeJS.Signals) => void): void {
  const s = state();
  if (s.signalsHeard || process.env.NEXT_MANUAL_SIG_HANDLE) return;
  s.signalsHeard = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      const first = s.drainingSince === null;
      markDraining(signal);
      if (first) onSignal?.(signal);
    });
  }
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<{ result: CheckResult; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    const outcome = await Promise.race([Promise.resolve().then(check), timeout]);
    if (outcome === "timeout") return { result: "timeout" };
    return outcome === false ? { result: "failed" } : { result: "ok" };
  } catch (error) {
    return { result: "failed", error };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `builtIn` and the registered checks at once, each within `timeoutMs`; none while draining. `errors`: what the failed ones threw, for the log. */
export async function checkReadiness(builtIn: Record<string, ReadinessCheck> = {}, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const s = state();
  if (s.drainingSince) return { ready: false, draining: true, signal: s.drainingSince };
  const entries = [...Object.entries(builtIn), ...s.checks.entries()];
  const outcomes = await Promise.all(entries.map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const));
  // a stop that began while the checks ran wins
  if (s.drainingSince) return { ready: false, draining: true, signal: s.drainingSince };
  const checks = Object.fromEntries(outcomes.map(([name, o]) => [name, o.result]));
  const failing = outcomes.filter(([, o]) => o.result !== "ok").map(([name]) => name);
  if (!failing.length) return { ready: true, checks };
  const errors = Object.fromEntries(
    outcomes.filter(([, o]) => o.error !== undefined).map(([name, o]) => [name, o.error instanceof Error ? o.error.message : String(o.error)]),
  );
  return { ready: false, draining: false, checks, failing, errors };
}
