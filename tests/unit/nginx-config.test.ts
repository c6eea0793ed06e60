// The shipped nginx site (deploy/nginx/ntm.conf) read as text: its body limits are the portal's
// own, and every location forwards the headers the portal relies on. nginx itself runs the file in
// tests/integration/nginx-config.test.ts.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_REQUEST_MAX_BYTES } from "@/lib/imports/sheet";
import { ACTION_BODY_MAX_BYTES } from "@/lib/security/action-body-limit";

const conf = readFileSync(resolve("deploy/nginx/ntm.conf"), "utf8")
  .split("\n")
  .map((line) => line.replace(/#.*$/, ""))
  .join("\n");

/** nginx's size syntax: bytes, or k / m / g. */
function bytes(size: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(size);
  if (!m) throw new Error(`not an nginx size: ${size}`);
  return Number(m[1]) * 1024 ** " kmg".indexOf((m[2] || " ").toLowerCase());
}

function bodyLimits(text: string): number[] {
  return [...text.matchAll(/client_max_body_size\s+(\S+);/g)].map((m) => bytes(m[1]));
}

/** A location's block (no braces nest inside the locations of this file). */
function location(match: string): string {
  const m = new RegExp(`location ${match.replace(/[/.*+?^${}()|[\]\\]/g, "\\$&")} \\{([^{}]*)\\}`).exec(conf);
  if (!m) throw new Error(`no location ${match} in deploy/nginx/ntm.conf`);
  return m[1];
}

describe("deploy/nginx/ntm.conf", () => {
  it("cuts a server-action body where the portal refuses it (ACTION_BODY_MAX_BYTES)", () => {
    const outsideImport = conf.replace(location("= /api/nhap-lieu"), "");
    expect(bodyLimits(outsideImport)).toEqual([ACTION_BODY_MAX_BYTES]);
  });

  it("cuts an import upload where the import route refuses it (IMPORT_REQUEST_MAX_BYTES)", () => {
    expect(bodyLimits(location("= /api/nhap-lieu"))).toEqual([IMPORT_REQUEST_MAX_BYTES]);
  });

  it("streams the import both ways", () => {
    const block = location("= /api/nhap-lieu");
    expect(block).toMatch(/proxy_request_buffering off;/);
    expect(block).toMatch(/proxy_buffering off;/);
    expect(block).toMatch(/proxy_read_timeout 300s;/);
  });

  it("forwards the client's address as TRUSTED_PROXY_HOPS=1 reads it, and the scheme, host and a request id", () => {
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(conf).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(conf).toMatch(/proxy_set_header Host \$host;/);
    expect(conf).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
  });

  it("sets proxy headers once, for the server: a location that set any would drop the others", () => {
    for (const m of conf.matchAll(/location [^{]+\{([^{}]*)\}/g)) expect(m[1]).not.toMatch(/proxy_set_header/);
  });
});
