// The guards of the POST route handlers (lib/http.ts): the same-origin check answers 403 for any
// Origin it cannot match (including the "null" of sandboxed frames and file: pages), and a body is
// read with a hard limit that holds when the request declares no length (chunked).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, errorResponse, readLimitedBody, readLimitedForm } from "@/lib/http";

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

/** A chunked body of `mb` 1 MB chunks, made as they are read; counts how many were pulled. */
function chunkedBody(mb: number) {
  const chunk = new Uint8Array(1024 * 1024).fill(65);
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled === mb) return controller.close();
      stats.pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, stats };
}

describe("readLimitedBody", () => {
  it("stops reading a chunked body at the limit and refuses it with 413", async () => {
    const { stream, stats } = chunkedBody(500);
    const err = await readLimitedBody(post({}, stream), 20 * 1024 * 1024, "Tệp quá lớn.").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_LARGE", message: "Tệp quá lớn." });
    expect(errorResponse(err).status).toBe(413);
    // 21 chunks read, and a few more at most queued by the stream: never the 500
    expect(stats.pulled).toBeLessThan(25);
  });

  it("refuses a declared length over the limit without reading anything", async () => {
    const { stream, stats } = chunkedBody(500);
    const err = await readLimitedBody(post({ "Content-Length": String(500 * 1024 * 1024) }, stream), 20 * 1024 * 1024, "Tệp quá lớn.").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_LARGE" });
    expect(stats.pulled).toBeLessThanOrEqual(1);
  });

  it("returns a body within the limit whole", async () => {
    const { stream } = chunkedBody(3);
    const body = await readLimitedBody(post({}, stream), 20 * 1024 * 1024, "Tệp quá lớn.");
    expect(body.length).toBe(3 * 1024 * 1024);
  });
});

describe("readLimitedForm", () => {
  it("parses a multipart form within the limit", async () => {
    const form = new FormData();
    form.set("mode", "dry-run");
    form.set("file", new File(["Mã xã;Năm\n05923;2025\n"], "so-lieu.csv", { type: "text/csv" }));
    const req = new Request("http://cong.ntm.vn/api/nhap-lieu", { method: "POST", body: form });
    const parsed = await readLimitedForm(req, 1024 * 1024, { tooLarge: "Tệp quá lớn.", unreadable: "Không đọc được." });
    expect(parsed.get("mode")).toBe("dry-run");
    expect(await (parsed.get("file") as File).text()).toBe("Mã xã;Năm\n05923;2025\n");
  });

  it("refuses a body that is not a form with a Vietnamese message", async () => {
    const req = post({ "Content-Type": "multipart/form-data; boundary=x" }, "không phải biểu mẫu");
    await expect(readLimitedForm(req, 1024 * 1024, { tooLarge: "Tệp quá lớn.", unreadable: "Không đọc được." })).rejects.toMatchObject({ code: "VALIDATION", message: "Không đọc được." });
  });
});
