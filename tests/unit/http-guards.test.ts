// The guards of the POST route handlers (lib/http.ts): the same-origin check answers 403 for any
// Origin it cannot match (including the "null" of sandboxed frames and file: pages).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, errorResponse } from "@/lib/http";

const post = (headers: Record<string, string>, body?: BodyInit | ReadableStream<Uint8Array>) =>
  new Request("http://cong.ntm.vn/api/nhap-lieu", { method: "POST", headers, body, duplex: "half" } as RequestInit);

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return null;
}

describe("assertSameOrigin", () => {
  it.each([
    ["null", "null"],
    ["not a URL", "%%%"],
    ["another site", "https://evil.example"],
    ["the same host on another port", "http://cong.ntm.vn:8080"],
  ])("refuses an Origin that is %s with 403 and its Vietnamese message", async (_label, origin) => {
    const err = errorOf(() => assertSameOrigin(post({ Origin: origin, Host: "cong.ntm.vn" })));
    expect(err).toBeInstanceOf(AppError);
    const res = errorResponse(err);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "Yêu cầu không đến từ trang của cổng thông tin.", code: "FORBIDDEN" });
  });

  it("refuses a request without Origin, and admits the site's own pages", () => {
    expect(errorOf(() => assertSameOrigin(post({ Host: "cong.ntm.vn" })))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(() => assertSameOrigin(post({ Origin: "http://cong.ntm.vn", Host: "cong.ntm.vn" })))).toBeNull();
  });
});
