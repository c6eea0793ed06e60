// The per-address sign-in limit holds without a proxy in front: a client that writes its own
// X-Forwarded-For, a new address each try, is still counted by the address of its connection.
// The guesses come from 127.0.0.2 (a loopback address of its own), so the block they earn does
// not reach the other tests, which connect from 127.0.0.1.
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

const FROM = "127.0.0.2";

interface Answer {
  status: number;
  body: string;
  cookies: string[];
}

/** One HTTP request from FROM to the portal (which listens on every loopback address). */
function send(baseURL: string, method: string, path: string, headers: Record<string, string>, body = ""): Promise<Answer> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: url.port, path: url.pathname + url.search, method, localAddress: FROM, headers: { Host: url.host, ...headers, "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function signIn(baseURL: string, email: string, password: string, forgedFor: string): Promise<string> {
  const csrf = await send(baseURL, "GET", "/api/auth/csrf", { "X-Forwarded-For": forgedFor });
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const form = new URLSearchParams({ csrfToken: token, email, password, json: "true" }).toString();
  const res = await send(baseURL, "POST", "/api/auth/callback/credentials", { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookies.join("; "), "X-Forwarded-For": forgedFor }, form);
  return `${res.status} ${res.body}`;
}

test("a client forging X-Forwarded-For is still blocked after 20 failures from its address", async ({ baseURL }) => {
  for (let i = 0; i < 20; i++) {
    const answer = await signIn(baseURL!, `khong-co-${i}@ntm.demo`, "sai-mat-khau-9", `198.51.100.${i + 1}`);
    expect(answer).not.toContain("RATE_LIMITED");
  }
  // the right password of a real account, from a "new" forged address: refused all the same
  const blocked = await signIn(baseURL!, "xa@ntm.demo", DEMO_PASSWORD, "198.51.100.250");
  expect(blocked).toContain("RATE_LIMITED");
});
