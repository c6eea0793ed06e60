import { describe, expect, it } from "vitest";
import { parseViewKey, RateLimiter, RecentKeys, weekStart } from "@/lib/visits/rules";
import { nextVietnamMidnight, secondsUntil, CACHE_CEILING_SECONDS } from "@/lib/cache/cached-read";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("visitor statistics rules", () => {
  it.each([
    ["2026-11-23", "2026-11-23"], // Monday
    ["2026-11-25", "2026-11-23"], // Wednesday
    ["2026-11-29", "2026-11-23"], // Sunday belongs to the week that began on Monday
    ["2026-11-30", "2026-11-30"],
  ])("the week of %s starts on %s", (d, monday) => {
    expect(weekStart(day(d)).toISOString().slice(0, 10)).toBe(monday);
  });

  it("a key seen again within the window is not new; after it, it is", () => {
    const keys = new RecentKeys(1000);
    expect(keys.touch("a", 0)).toBe(true);
    expect(keys.touch("a", 500)).toBe(false);
    expect(keys.touch("a", 1600)).toBe(true);
  });

  it("counts the keys seen within the window only", () => {
    const keys = new RecentKeys(1000);
    keys.touch("a", 0);
    keys.touch("b", 800);
    expect(keys.count(900)).toBe(2);
    expect(keys.count(1500)).toBe(1);
    expect(keys.count(5000)).toBe(0);
  });

  it("never holds more keys than its bound", () => {
    const keys = new RecentKeys(60_000, 100);
    for (let i = 0; i < 1000; i++) keys.touch(`k${i}`, i);
    expect(keys.count(1000)).toBe(100);
    expect(keys.has("k999", 1000)).toBe(true);
    expect(keys.has("k0", 1000)).toBe(false);
  });

  it("rate-limits per key and window", () => {
    const limiter = new RateLimiter(3, 1000);
    expect([1, 2, 3, 4].map(() => limiter.allow("x", 10))).toEqual([true, true, true, false]);
    expect(limiter.allow("y", 10)).toBe(true);
    expect(limiter.allow("x", 1010)).toBe(true);
  });

  it.each([
    ["article:nong-thon-moi", { type: "article", slug: "nong-thon-moi" }],
    ["notice:58-tb-ubnd", { type: "notice", slug: "58-tb-ubnd" }],
    ["document:quyet-dinh-318-qd-ttg", { type: "document", slug: "quyet-dinh-318-qd-ttg" }],
    ["user:1", null],
    ["article:../etc", null],
    ["article:", null],
    [42, null],
  ])("view key %j", (raw, expected) => {
    expect(parseViewKey(raw)).toEqual(expected);
  });
});

describe("cache lifetimes", () => {
  it("the next midnight in Vietnam is 17:00 UTC", () => {
    expect(nextVietnamMidnight(new Date("2026-11-22T03:10:00Z")).toISOString()).toBe("2026-11-22T17:00:00.000Z");
    expect(nextVietnamMidnight(new Date("2026-11-22T17:00:00Z")).toISOString()).toBe("2026-11-23T17:00:00.000Z");
    expect(nextVietnamMidnight(new Date("2026-11-22T16:59:59Z")).toISOString()).toBe("2026-11-22T17:00:00.000Z");
  });

  it("an entry lives until the next scheduled time, at least 1 s and at most the ceiling", () => {
    const now = new Date("2026-11-22T00:00:00Z");
    expect(secondsUntil(new Date("2026-11-22T00:10:00Z"), now)).toBe(600);
    expect(secondsUntil(new Date("2026-11-22T00:00:00.200Z"), now)).toBe(1);
    expect(secondsUntil(new Date("2026-11-21T00:00:00Z"), now)).toBe(1);
    expect(secondsUntil(null, now)).toBe(CACHE_CEILING_SECONDS);
    expect(secondsUntil(new Date("2027-01-01T00:00:00Z"), now)).toBe(CACHE_CEILING_SECONDS);
  });
});
