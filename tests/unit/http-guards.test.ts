// The guards of the POST route handlers (lib/http.ts): the same-origin check answers 403 for any
// Origin it cannot match (including the "null" of sandboxed frames and file: pages), and a body is
// read with a hard limit that holds when the request declares no length (chunked).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, errorResponse, readLimitedForm } from "@/lib/http";

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

/** A chunked multipart body: one file part of `mb` 1 MB chunks, made as they are read; counts the chunks pulled. */
function chunkedForm(mb: number) {
  const boundary = "----ntm";
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\ndry-run\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Số liệu.csv"\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(1024 * 1024).fill(65);
  const stats = { pulled: 0 };
  let state: "head" | "body" | "tail" | "done" = "head";
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state === "head") {
        controller.enqueue(head);
        state = mb > 0 ? "body" : "tail";
      } else if (state === "body") {
        stats.pulled++;
        controller.enqueue(chunk);
        if (stats.pulled === mb) state = "tail";
      } else if (state === "tail") {
        controller.enqueue(tail);
        state = "done";
      } else {
        controller.close();
      }
    },
  });
  return { stream, stats, contentType: `multipart/form-data; boundary=${boundary}` };
}

const MESSAGES = { tooLarge: "Tệp quá lớn.", unreadable: "Không đọc được." };

describe("readLimitedForm", () => {
  it("stops reading a chunked body at the limit and refuses it with 413", async () => {
    const { stream, stats, contentType } = chunkedForm(500);
    const err = await readLimitedForm(post({ "Content-Type": contentType }, stream), 20 * 1024 * 1024, MESSAGES).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_LARGE", message: "Tệp quá lớn." });
    expect(errorResponse(err).status).toBe(413);
    // 20 chunks read, and a few more at most queued by the stream: never the 500
    expect(stats.pulled).toBeLessThan(25);
  });

  it("refuses a declared length over the limit without reading anything", async () => {
    const { stream, stats, contentType } = chunkedForm(500);
    const err = await readLimitedForm(post({ "Content-Type": contentType, "Content-Length": String(500 * 1024 * 1024) }, stream), 20 * 1024 * 1024, MESSAGES).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_LARGE" });
    expect(stats.pulled).toBe(0);
  });

  it("parses a chunked form within the limit: fields, and the file with its Vietnamese name", async () => {
    const { stream, contentType } = chunkedForm(3);
    const form = await readLimitedForm(post({ "Content-Type": contentType }, stream), 20 * 1024 * 1024, MESSAGES);
    expect(form.fields).toEqual({ mode: "dry-run" });
    expect(form.files.file.name).toBe("Số liệu.csv");
    expect(form.files.file.bytes.length).toBe(3 * 1024 * 1024);
  });

  it("parses what a browser sends", async () => {
    const sent = new FormData();
    sent.set("mode", "apply");
    sent.set("fingerprint", "0123456789abcdef0123456789abcdef");
    sent.set("file", new File(["Mã xã;Năm\n05923;2025\n"], "so-lieu.csv", { type: "text/csv" }));
    const form = await readLimitedForm(new Request("http://cong.ntm.vn/api/nhap-lieu", { method: "POST", body: sent }), 1024 * 1024, MESSAGES);
    expect(form.fields).toEqual({ mode: "apply", fingerprint: "0123456789abcdef0123456789abcdef" });
    expect(new TextDecoder().decode(form.files.file.bytes)).toBe("Mã xã;Năm\n05923;2025\n");
  });

  it.each([
    ["not multipart", "application/json", "{}"],
    ["multipart without a boundary", "multipart/form-data", "--x\r\n"],
    ["a multipart body cut short", "multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="mode"\r\n\r\ndry'],
    ["not a form at all", "multipart/form-data; boundary=x", "không phải biểu mẫu"],
  ])("refuses a body that is %s with a Vietnamese message", async (_label, contentType, body) => {
    await expect(readLimitedForm(post({ "Content-Type": contentType }, body), 1024 * 1024, MESSAGES)).rejects.toMatchObject({ code: "VALIDATION", message: "Không đọc được." });
  });

  it("refuses a form with more parts than any form of the portal", async () => {
    const sent = new FormData();
    for (let i = 0; i < 40; i++) sent.append(`f${i}`, "x");
    await expect(readLimitedForm(new Request("http://x/", { method: "POST", body: sent }), 1024 * 1024, MESSAGES)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
