// The request id the proxy gives every request (lib/ops/request-id.ts) and the JSON log
// (lib/ops/log.ts): an incoming id is kept only when it is a short plain token, and no password,
// cookie or session token reaches a log line, wherever it hides.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logLevel, scrubSecrets } from "@/lib/ops/log";
import { isSaneRequestId, requestIdFrom } from "@/lib/ops/request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request id", () => {
  it.each([
    ["a UUID", "2f1c8a4e-9b7d-4c1e-8f3a-5d6e7f809a1b"],
    ["nginx's $request_id (32 hex digits)", "6c9b2f0e4d1a8b3c7e5f9a0d2c4b6e8f"],
    ["dots, dashes, underscores", "lb-01.req_42"],
    ["one character", "a"],
    ["64 characters", "x".repeat(64)],
  ])("keeps an incoming id that is a sane token: %s", (_label, id) => {
    expect(isSaneRequestId(id)).toBe(true);
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    ["none", null],
    ["empty", ""],
    ["65 characters", "x".repeat(65)],
    ["a space", "abc def"],
    ["a forged log field", 'abc","level":"fatal'],
    ["a line break", "abc\nERROR forged line"],
    ["a header list", "abc, def"],
    ["non-ASCII", "mã-yêu-cầu"],
    ["a path", "../../etc/passwd"],
  ])("replaces an incoming id that is not a sane token by a new UUID: %s", (_label, id) => {
    const assigned = requestIdFrom(id);
    expect(assigned).toMatch(UUID);
    expect(assigned).not.toBe(id);
  });

  it("gives each request a new id of its own", () => {
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

/** A logger whose lines are kept for the test, parsed. */
function capture(level = "info") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("JSON log", () => {
  it("writes one JSON object per line with time, level, msg and the request id", () => {
    const { log, records } = capture();
    log.child({ requestId: "abc-123" }).info({ method: "GET", path: "/tin-tuc" }, "request");
    const [record] = records();
    expect(record).toMatchObject({ level: "info", msg: "request", requestId: "abc-123", method: "GET", path: "/tin-tuc" });
    expect(new Date(record.time as string).toISOString()).toBe(record.time);
  });

  it("takes its level from LOG_LEVEL, info when unset or unknown", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("DEBUG")).toBe("debug");
    expect(logLevel(" warn ")).toBe("warn");
    expect(logLevel("verbose")).toBe("info");
    const { log, records } = capture(logLevel("warn"));
    log.info("dropped");
    log.warn("kept");
    expect(records().map((r) => r.msg)).toEqual(["kept"]);
  });

  const SECRETS = ["Dong-lua-chin-2026", "$2b$10$abcdefghijklmnopqrstuv", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.sessionpart", "csrf-7f3a9c", "mat-khau-csdl", "bearer-tok-123"];

  it("never writes a password, cookie or session token, in fields or in text", () => {
    const { log, lines } = capture("debug");
    log.info({ password: SECRETS[0], user: { email: "a@b.vn", passwordHash: SECRETS[1], mustChangePassword: true } }, "sign-in");
    log.info({ headers: { cookie: `__Secure-next-auth.session-token=${SECRETS[2]}`, "set-cookie": [`__Host-next-auth.csrf-token=${SECRETS[3]}`] } }, "headers");
    log.info({ form: { csrfToken: SECRETS[3], newPassword: SECRETS[0] } }, "form");
    log.warn(`figure cache: not listening (connect postgresql://ntm:${SECRETS[4]}@db.example.vn:5432/ntm failed)`);
    log.error({ err: new Error(`upstream said: Cookie: next-auth.session-token=${SECRETS[2]}; theme=dark`) }, "request failed");
    log.error({ err: new Error(`bad form email=a%40b.vn&password=${SECRETS[0]}&x=1`) }, "request failed");
    log.debug({ authorization: `Bearer ${SECRETS[5]}` }, `Authorization: Bearer ${SECRETS[5]}`);
    // how Prisma quotes a query's arguments when it refuses them
    log.error({ err: new Error(`Invalid \`prisma.user.update()\` invocation:\n{\n  data: {\n    passwordHash: "${SECRETS[1]}",\n    name: "Nguyễn Văn A"\n  }\n}`) }, "request failed");
    expect(lines).toHaveLength(8);
    const text = lines.join("\n");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    // what is not secret stays, and every line is still JSON
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ password: "[redacted]", user: { email: "a@b.vn", passwordHash: "[redacted]", mustChangePassword: true } });
    expect(records[3].msg).toBe("figure cache: not listening (connect postgresql://ntm:[redacted]@db.example.vn:5432/ntm failed)");
    expect((records[4].err as { message: string }).message).toBe("upstream said: Cookie: next-auth.session-token=[redacted]; theme=dark");
    expect((records[5].err as { message: string }).message).toBe("bad form email=a%40b.vn&password=[redacted]&x=1");
    expect((records[7].err as { message: string }).message).toContain('passwordHash: "[redacted]",\n    name: "Nguyễn Văn A"');
  });

  it("scrubs a serialized line without breaking its JSON, escaped quotes included", () => {
    const line = JSON.stringify({ msg: 'said "token=abc" then', nested: { deep: { sessionToken: 'x"y\\z' } }, requestId: "r1" });
    const scrubbed = scrubSecrets(line);
    expect(JSON.parse(scrubbed)).toEqual({ msg: 'said "token=[redacted]" then', nested: { deep: { sessionToken: "[redacted]" } }, requestId: "r1" });
  });
});
