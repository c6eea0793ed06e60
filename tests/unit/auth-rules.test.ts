// Pure rules of authentication: the password policy, the rate-limit arithmetic, the client
// address, session lifetime, demo mode, and who may grant which role and scope.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { canGrantRole, grantableRoles, grantProblem, ROLES } from "@/lib/users/grant-rules";
import {
  clientAddress,
  isDemoMode,
  minutesUntil,
  passwordChangeRequired,
  rateLimitMessage,
  safeReturnPath,
  sessionIsCurrent,
  SESSION_MAX_AGE_SECONDS,
  trustedProxyHops,
  unlockTime,
} from "@/lib/users/login-rules";
import { generateTemporaryPassword } from "@/lib/users/password";
import { emailNameParts, passwordPolicyIssues } from "@/lib/users/password-policy";
import { ZCreateUserForm } from "@/lib/users/schemas";

describe("password policy", () => {
  const cases: [string, string, string, string[]][] = [
    ["a long password of letters and digits is accepted", "Lua-chin-ruong-2026", "nguyen.van.an@ntm.gov.vn", []],
    ["Vietnamese letters count as letters", "Đồngruộng xanh 2026", "ai@ntm.vn", []],
    ["11 characters is one short", "Abcdefghi12", "ai@ntm.vn", ["Mật khẩu phải có ít nhất 12 ký tự."]],
    ["letters only is refused", "chichucaichucai", "ai@ntm.vn", ["Mật khẩu phải có cả chữ cái và chữ số."]],
    ["digits only is refused", "123456789012", "ai@ntm.vn", ["Mật khẩu phải có cả chữ cái và chữ số."]],
    ["the whole e-mail name is refused", "Tinhthainguyen2026", "tinhthainguyen@ntm.vn", ["Mật khẩu không được chứa tên trong địa chỉ email."]],
    ["a part of the e-mail name is refused, whatever its case", "NGUYEN-mat-khau-1", "nguyen.van.an@ntm.vn", ["Mật khẩu không được chứa tên trong địa chỉ email."]],
    ["the name with diacritics is the same name", "Nguyễnvăn-2026-x", "nguyen.van.an@ntm.vn", ["Mật khẩu không được chứa tên trong địa chỉ email."]],
    ["a short name part (\"an\") is not checked", "Ban-dan-ca-2026", "nguyen.van.an@ntm.vn", []],
    ["several rules broken give several messages", "admin", "admin@ntm.demo", [
      "Mật khẩu phải có ít nhất 12 ký tự.",
      "Mật khẩu phải có cả chữ cái và chữ số.",
      "Mật khẩu không được chứa tên trong địa chỉ email.",
    ]],
  ];
  it.each(cases)("%s", (_label, password, email, expected) => {
    expect(passwordPolicyIssues(password, email)).toEqual(expected);
  });

  it("splits the e-mail name into the parts a password must not contain", () => {
    expect(emailNameParts("Nguyen.Van.An+tinh@ntm.vn")).toEqual(["nguyen.van.an+tinh", "nguyen", "van", "tinh"]);
    expect(emailNameParts("xa@ntm.demo")).toEqual([]);
  });

  it("is applied by the account form, on the password field, with a mismatch on the confirmation", () => {
    const r = ZCreateUserForm.safeParse({ email: "canbo.moi@ntm.vn", name: "Cán bộ mới", role: "EDITOR", unitId: "", organisationId: "", password: "canbo-12345678", confirm: "khac" });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toEqual(["password: Mật khẩu không được chứa tên trong địa chỉ email.", "confirm: Mật khẩu nhập lại không khớp."]);
  });

  it("generates temporary passwords the policy accepts, each different, for any e-mail", () => {
    for (const email of ["admin@ntm.gov.vn", "abc.def.ghi.jkl@ntm.vn", "nguyen.van.an@ntm.vn"]) {
      const passwords = Array.from({ length: 200 }, () => generateTemporaryPassword(email));
      expect(passwords.flatMap((p) => passwordPolicyIssues(p, email))).toEqual([]);
      expect(new Set(passwords).size).toBe(passwords.length);
      expect(passwords.every((p) => /^[a-km-zA-HJ-NP-Z2-9]{20}$/.test(p))).toBe(true); // no 0/O, 1/l/I to misread
    }
  });
});

describe("rate-limit arithmetic", () => {
  const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 8, min));
  it("is not blocked below the limit", () => {
    expect(unlockTime([t(10), t(9), t(8), t(7)], 5)).toBeNull();
  });
  it("unblocks when the limit-th newest failure leaves the 15-minute window", () => {
    expect(unlockTime([t(10), t(9), t(8), t(7), t(6), t(1)], 5)).toEqual(t(21));
  });
  it("rounds the wait up to whole minutes, never 0", () => {
    expect(minutesUntil(t(21), new Date(t(10).getTime() + 30_000))).toBe(11);
    expect(minutesUntil(t(21), t(21))).toBe(1);
  });
  it("says so in Vietnamese", () => {
    expect(rateLimitMessage(12)).toBe("Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 12 phút.");
  });
});

describe("client address", () => {
  it.each([
    ["no proxy: the connection's address, which Next sets when the client sent none", "127.0.0.1", 0, "127.0.0.1"],
    ["no proxy: a header the client wrote is all there is (README: run behind a proxy)", "6.6.6.6", 0, "6.6.6.6"],
    ["one proxy: the address it appended; the client's own entries left of it are ignored", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"],
    ["two proxies: the address the outer one appended", "6.6.6.6, 203.0.113.7, 10.0.0.3", 2, "203.0.113.7"],
    ["IPv4 through an IPv6 socket", "::ffff:192.0.2.1", 0, "192.0.2.1"],
    ["no header: unknown (no per-address limit)", undefined, 0, ""],
  ])("%s", (_label, header, hops, expected) => {
    expect(clientAddress(header as string | undefined, hops as number)).toBe(expected);
  });
  it("reads TRUSTED_PROXY_HOPS, 0 unless a number of proxies", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "-1" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "x" })).toBe(0);
  });
});

describe("session lifetime", () => {
  const now = 1_800_000_000;
  it("is current within the maximum age after sign-in", () => {
    expect(sessionIsCurrent(now - SESSION_MAX_AGE_SECONDS + 1, now)).toBe(true);
  });
  it("ends at the maximum age, however the token was refreshed", () => {
    expect(sessionIsCurrent(now - SESSION_MAX_AGE_SECONDS, now)).toBe(false);
  });
  it("refuses a token without a sign-in time (issued before this rule) or from the future", () => {
    expect(sessionIsCurrent(undefined, now)).toBe(false);
    expect(sessionIsCurrent(now + 3600, now)).toBe(false);
  });
});

describe("demo mode and forced password change", () => {
  it("is on unless DEMO_MODE says off", () => {
    expect(isDemoMode({})).toBe(true);
    expect(isDemoMode({ DEMO_MODE: "1" })).toBe(true);
    for (const off of ["0", "false", "OFF", "no"]) expect(isDemoMode({ DEMO_MODE: off })).toBe(false);
  });
  it.each([
    ["a demo account in demo mode keeps the published password", { mustChangePassword: true, isDemo: true }, true, false],
    ["a demo account outside demo mode must change it", { mustChangePassword: true, isDemo: true }, false, true],
    ["a demo account that changed it is free", { mustChangePassword: false, isDemo: true }, false, false],
    ["an account an admin created must change, in demo mode too", { mustChangePassword: true, isDemo: false }, true, true],
    ["an ordinary account is free", { mustChangePassword: false, isDemo: false }, false, false],
  ])("%s", (_label, user, demoMode, expected) => {
    expect(passwordChangeRequired(user, demoMode)).toBe(expected);
  });
});

describe("granting roles and scopes", () => {
  const viewer = (role: Viewer["role"], unit: { id: number; level: Viewer["unitLevel"] } | null, scope: number[] = unit ? [unit.id] : []): Viewer => ({
    id: 1, name: "x", email: "x@ntm.vn", role, organisationId: null, unitId: unit?.id ?? null, unitLevel: unit?.level ?? null, unitName: null, scopeUnitIds: scope,
  });
  const PROVINCE = { id: 100, level: "PROVINCE" as const, provinceId: null, districtId: null };
  const OTHER_PROVINCE = { id: 200, level: "PROVINCE" as const, provinceId: null, districtId: null };
  const DISTRICT = { id: 110, level: "DISTRICT" as const, provinceId: 100, districtId: null };
  const COMMUNE = { id: 111, level: "COMMUNE" as const, provinceId: 100, districtId: 110 };
  const FOREIGN_COMMUNE = { id: 211, level: "COMMUNE" as const, provinceId: 200, districtId: 210 };
  const nationalAdmin = viewer("ADMIN", null);
  const provinceAdmin = viewer("ADMIN", { id: 100, level: "PROVINCE" });

  it("a role may be given only by a holder of every one of its permissions", () => {
    expect(ROLES.every((r) => canGrantRole("ADMIN", r))).toBe(true);
    expect(canGrantRole("PROVINCE_OFFICER", "COMMUNE_OFFICER")).toBe(false); // assessment.submit
    expect(canGrantRole("EDITOR", "PROVINCE_OFFICER")).toBe(false);
    expect(canGrantRole("LEADER", "ADMIN")).toBe(false);
    expect(canGrantRole("EDITOR", "EDITOR")).toBe(true);
  });

  it("only holders of users.manage grant anything", () => {
    expect(grantableRoles(viewer("PROVINCE_OFFICER", { id: 100, level: "PROVINCE" }))).toEqual([]);
    expect(grantProblem(viewer("PROVINCE_OFFICER", { id: 100, level: "PROVINCE" }), { role: "COMMUNE_OFFICER", unit: COMMUNE })).toBe("Bạn không có quyền quản lý tài khoản.");
  });

  it.each([
    ["a national admin gives a national leader", nationalAdmin, { role: "LEADER" as const, unit: null }, null],
    ["a national admin gives a commune officer anywhere", nationalAdmin, { role: "COMMUNE_OFFICER" as const, unit: FOREIGN_COMMUNE }, null],
    ["a province admin gives a commune officer of its province", provinceAdmin, { role: "COMMUNE_OFFICER" as const, unit: COMMUNE }, null],
    ["a province admin gives a district officer of its province", provinceAdmin, { role: "DISTRICT_OFFICER" as const, unit: DISTRICT }, null],
    ["a province admin gives another admin of its own province", provinceAdmin, { role: "ADMIN" as const, unit: PROVINCE }, null],
    ["a province admin cannot give a national scope", provinceAdmin, { role: "LEADER" as const, unit: null }, "Phạm vi này vượt quá phạm vi quản lý của bạn."],
    ["a province admin cannot give a national admin", provinceAdmin, { role: "ADMIN" as const, unit: null }, "Phạm vi này vượt quá phạm vi quản lý của bạn."],
    ["a province admin cannot give another province", provinceAdmin, { role: "PROVINCE_OFFICER" as const, unit: OTHER_PROVINCE }, "Phạm vi này vượt quá phạm vi quản lý của bạn."],
    ["a province admin cannot give a commune of another province", provinceAdmin, { role: "COMMUNE_OFFICER" as const, unit: FOREIGN_COMMUNE }, "Phạm vi này vượt quá phạm vi quản lý của bạn."],
    ["a commune officer needs a commune", nationalAdmin, { role: "COMMUNE_OFFICER" as const, unit: PROVINCE }, 'Vai trò "Cán bộ xã" cần phạm vi một xã.'],
    ["a province officer cannot be national", nationalAdmin, { role: "PROVINCE_OFFICER" as const, unit: null }, 'Vai trò "Cán bộ VPĐP NTM tỉnh" cần phạm vi một tỉnh.'],
    ["an organisation of another province is refused", provinceAdmin, { role: "COMMUNE_OFFICER" as const, unit: COMMUNE, organisationUnit: FOREIGN_COMMUNE }, "Cơ quan này nằm ngoài phạm vi quản lý của bạn."],
    ["a central organisation is refused to a province admin", provinceAdmin, { role: "EDITOR" as const, unit: PROVINCE, organisationUnit: null }, "Cơ quan này nằm ngoài phạm vi quản lý của bạn."],
  ])("%s", (_label, who, target, expected) => {
    expect(grantProblem(who, target)).toBe(expected);
  });

  it("an unknown role is refused (fail closed)", () => {
    expect(canGrantRole("ADMIN", "SUPERUSER" as never)).toBe(false);
    expect(grantProblem(nationalAdmin, { role: "SUPERUSER" as never, unit: null })).not.toBeNull();
  });
});

describe("the page to return to after signing in", () => {
  // what a browser would do with each value: every one of these leaves the site (or runs script)
  const offSite = [
    "//evil.example/x",
    "/\\evil.example/x",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "///evil.example",
    "/.//evil.example",
    "/x/..//evil.example",
    "https://evil.example/",
    "http://ntm@evil.example/",
    "//ntm@evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /quan-ly",
    "%2F%2Fevil.example",
    "",
  ];
  it.each(offSite)("%j goes to the staff home instead", (raw) => {
    expect(safeReturnPath(raw)).toBe("/quan-ly");
  });

  it("a missing value goes to the staff home", () => {
    expect(safeReturnPath(null)).toBe("/quan-ly");
    expect(safeReturnPath(undefined)).toBe("/quan-ly");
  });

  it.each([
    ["/quan-ly/xa?nam=2025", "/quan-ly/xa?nam=2025"],
    ["/quan-ly/tin-bai/12#sua", "/quan-ly/tin-bai/12#sua"],
    ["/doi-mat-khau", "/doi-mat-khau"],
    // escaped characters stay escaped: the browser does not read %5C in a path as a slash
    ["/%5Cevil.example/x", "/%5Cevil.example/x"],
    ["/@evil.example", "/@evil.example"],
    ["/tin-tuc/../quan-ly", "/quan-ly"],
  ])("a path of the site, %j, is kept as %j", (raw, path) => {
    expect(safeReturnPath(raw)).toBe(path);
  });
});
