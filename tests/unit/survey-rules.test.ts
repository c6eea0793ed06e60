import { describe, expect, it } from "vitest";
import { deviceHash, isDeviceToken, newDeviceToken } from "@/lib/surveys/device";
import { isSatisfied, satisfiedPercent, WindowLimiter, type Answer } from "@/lib/surveys/rules";
import { ZAnswers } from "@/lib/surveys/schemas";

const all = (a: Answer) => ({ infrastructure: a, livelihood: a, environment: a, security: a, participation: a, overall: a });

describe("satisfaction", () => {
  it.each([
    ["VERY_SATISFIED", true],
    ["SATISFIED", true],
    ["NOT_SATISFIED", false],
    ["NO_OPINION", false],
  ] as const)("an overall answer %s counts as satisfied: %s", (overall, satisfied) => {
    expect(isSatisfied({ ...all("NOT_SATISFIED"), overall })).toBe(satisfied);
  });

  it("is a share of every response, one decimal; undefined without responses", () => {
    expect(satisfiedPercent(3, 2)).toBe(66.7);
    expect(satisfiedPercent(10, 10)).toBe(100);
    expect(satisfiedPercent(0, 0)).toBeNull();
  });

  it("needs every question answered from the scale", () => {
    expect(ZAnswers.safeParse(all("SATISFIED")).success).toBe(true);
    const r = ZAnswers.safeParse({ ...all("SATISFIED"), overall: undefined, security: "VERY_GOOD" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(["overall", "security"]);
    expect(r.error!.issues[0].message).toMatch(/chọn một mức độ/);
  });
});

describe("device token and hash", () => {
  it("is a random 256-bit token; the stored hash depends on the survey and reveals neither", () => {
    const token = newDeviceToken();
    expect(isDeviceToken(token)).toBe(true);
    expect(newDeviceToken()).not.toBe(token);
    expect(deviceHash(1, token)).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceHash(1, token)).toBe(deviceHash(1, token));
    expect(deviceHash(2, token)).not.toBe(deviceHash(1, token));
    expect(deviceHash(1, token)).not.toContain(token);
  });

  it("refuses anything that is not a token", () => {
    for (const v of [undefined, "", "abc", "x".repeat(44), `${"a".repeat(42)}=`]) expect(isDeviceToken(v)).toBe(false);
  });
});

describe("rate limit per client and window", () => {
  it("allows the limit, refuses the next, and starts again in the next window", () => {
    let now = 0;
    const limiter = new WindowLimiter(3, 1000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([true, true, true, false]);
    expect(limiter.take("b")).toBe(true); // another client is not affected
    now = 999;
    expect(limiter.take("a")).toBe(false);
    now = 1000;
    expect(limiter.take("a")).toBe(true);
  });
});
