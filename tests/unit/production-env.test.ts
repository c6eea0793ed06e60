// The environment `npm run start:prod` refuses (lib/ops/production-env.ts): demo mode, no
// database of the operator's own, a weak or missing session key, no public address, a server
// open on every interface by accident.
import { describe, expect, it } from "vitest";
import {
  isAllInterfaces,
  productionHostname,
  productionPort,
  productionStartProblems,
} from "@/lib/ops/production-env";

/** A complete production environment; each case changes one thing. */
const GOOD = {
  DEMO_MODE: "0",
  DATABASE_URL: "postgresql://ntm:secret@db.example.vn:5432/ntm",
  NEXTAUTH_SECRET: "k".repeat(32),
  NEXTAUTH_URL: "https://nongthonmoi.example.gov.vn",
};

describe("productionStartProblems", () => {
  it("accepts a complete production environment", () => {
    expect(productionStartProblems(GOOD)).toEqual([]);
    expect(productionStartProblems({ ...GOOD, DEMO_MODE: "false", NEXTAUTH_URL: "http://10.0.0.5:3000", HOSTNAME: "10.0.0.5", PORT: "8080" })).toEqual([]);
    expect(productionStartProblems({ ...GOOD, DATABASE_URL: "postgres://ntm@localhost/ntm", HOSTNAME: "::1" })).toEqual([]);
  });

  const refused: [string, Record<string, string | undefined>, RegExp][] = [
    ["demo mode by default (DEMO_MODE unset)", { DEMO_MODE: undefined }, /chế độ demo.*DEMO_MODE=0/],
    ["demo mode switched on", { DEMO_MODE: "1" }, /chế độ demo.*DEMO_MODE=0/],
    ["no DATABASE_URL: the embedded PostgreSQL is not for production", { DATABASE_URL: undefined }, /^Thiếu DATABASE_URL/],
    ["a DATABASE_URL that is not PostgreSQL", { DATABASE_URL: "mysql://u@h/ntm" }, /DATABASE_URL không phải địa chỉ PostgreSQL/],
    ["no NEXTAUTH_SECRET", { NEXTAUTH_SECRET: undefined }, /^Thiếu NEXTAUTH_SECRET.*ít nhất 32 ký tự/],
    ["a blank NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "   " }, /^Thiếu NEXTAUTH_SECRET/],
    ["a NEXTAUTH_SECRET of 31 characters", { NEXTAUTH_SECRET: "k".repeat(31) }, /^NEXTAUTH_SECRET quá ngắn \(31 ký tự\)/],
    ["no NEXTAUTH_URL", { NEXTAUTH_URL: undefined }, /^Thiếu NEXTAUTH_URL/],
    ["a relative NEXTAUTH_URL", { NEXTAUTH_URL: "/cong" }, /NEXTAUTH_URL phải là địa chỉ tuyệt đối/],
    ["a NEXTAUTH_URL without scheme", { NEXTAUTH_URL: "nongthonmoi.example.gov.vn" }, /NEXTAUTH_URL phải là địa chỉ tuyệt đối/],
    ["a NEXTAUTH_URL of another scheme", { NEXTAUTH_URL: "ftp://nongthonmoi.example.gov.vn" }, /NEXTAUTH_URL phải là địa chỉ tuyệt đối/],
    ["HOSTNAME 0.0.0.0 without ALLOW_ALL_INTERFACES", { HOSTNAME: "0.0.0.0" }, /HOSTNAME=0\.0\.0\.0 mở cổng trên mọi giao diện.*ALLOW_ALL_INTERFACES=1/],
    ["HOSTNAME :: without ALLOW_ALL_INTERFACES", { HOSTNAME: "::" }, /HOSTNAME=:: mở cổng trên mọi giao diện/],
    ["HOSTNAME 0.0.0.0 with ALLOW_ALL_INTERFACES=0", { HOSTNAME: "0.0.0.0", ALLOW_ALL_INTERFACES: "0" }, /mở cổng trên mọi giao diện/],
    ["HOSTNAME a machine name (as Docker sets it)", { HOSTNAME: "3f2a9c1d7e4b" }, /HOSTNAME=3f2a9c1d7e4b không phải địa chỉ IP/],
    ["a PORT that is not a port", { PORT: "80a" }, /^PORT phải là số cổng/],
    ["PORT 0", { PORT: "0" }, /^PORT phải là số cổng/],
  ];
  it.each(refused)("refuses %s", (_label, change, message) => {
    const problems = productionStartProblems({ ...GOOD, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("lets the operator open every interface on purpose", () => {
    expect(productionStartProblems({ ...GOOD, HOSTNAME: "0.0.0.0", ALLOW_ALL_INTERFACES: "1" })).toEqual([]);
    expect(productionStartProblems({ ...GOOD, HOSTNAME: "::", ALLOW_ALL_INTERFACES: "true" })).toEqual([]);
  });

  it("lists every problem at once, so one restart is enough", () => {
    expect(productionStartProblems({})).toHaveLength(4); // demo mode, database, secret, address
    expect(productionStartProblems({ HOSTNAME: "0.0.0.0", PORT: "x" })).toHaveLength(6);
  });
});

describe("address and port", () => {
  it("listens on 127.0.0.1:3000 unless told otherwise", () => {
    expect(productionHostname({})).toBe("127.0.0.1");
    expect(productionHostname({ HOSTNAME: " " })).toBe("127.0.0.1");
    expect(productionPort({})).toBe(3000);
    expect(productionPort({ PORT: "8080" })).toBe(8080);
  });

  it.each([
    ["0.0.0.0", true],
    ["::", true],
    ["0:0:0:0:0:0:0:0", true],
    ["::0", true],
    ["127.0.0.1", false],
    ["::1", false],
    ["10.0.0.5", false],
    ["localhost", false],
  ])("%s is every interface: %s", (hostname, expected) => {
    expect(isAllInterfaces(hostname)).toBe(expected);
  });
});
