import { describe, expect, it } from "vitest";
import type { WorkflowStatus } from "@/lib/assessments/workflow";
import { hasPermission } from "@/lib/authz";
import {
  correctionBlockedReason,
  correctionNotice,
  decisionRefusal,
  diffValues,
  formatCorrectionValue,
  isoDateInVietnam,
  sameValue,
  staleChanges,
  type CorrectionChange,
  type IndicatorInfo,
  type StoredValue,
} from "@/lib/corrections/rules";
import { ZRejectCorrection, ZRequestCorrection } from "@/lib/corrections/schemas";
import type { Role } from "@/lib/generated/prisma/enums";

describe("correctionBlockedReason: only a confirmed report is corrected through a request", () => {
  const table: [WorkflowStatus, RegExp | null][] = [
    ["CONFIRMED", null],
    ["DRAFT", /sửa trực tiếp/],
    ["RETURNED", /sửa trực tiếp/],
    ["SUBMITTED", /trả lại báo cáo/],
  ];
  it.each(table)("%s → %s", (status, expected) => {
    const reason = correctionBlockedReason(status);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe("sameValue: values as the database keeps them (two decimals)", () => {
  it.each<[StoredValue, StoredValue, boolean]>([
    [85.5, 85.5, true],
    [85.5, 85.50000001, true],
    [85.5, 85.51, false],
    [0, null, false],
    [null, null, true],
    [true, true, true],
    [true, false, false],
    [false, null, false],
    [1, true, false],
  ])("%j and %j → %s", (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});

const IND: IndicatorInfo[] = [
  { id: 41, code: "4.1", name: "Hệ thống điện đạt chuẩn", criterionNumber: 4, kind: "BOOLEAN", unit: null },
  { id: 42, code: "4.2", name: "Tỷ lệ hộ sử dụng điện", criterionNumber: 4, kind: "PERCENT", unit: "%" },
  { id: 101, code: "10.1", name: "Thu nhập bình quân", criterionNumber: 10, kind: "NUMBER", unit: "triệu đồng/người/năm" },
];

describe("diffValues: the old → new difference of a request", () => {
  const stored = new Map<number, StoredValue>([
    [41, true],
    [42, 98.5],
  ]);

  it("lists each proposed value that differs, with the stored value as old, in the indicators' order", () => {
    const { changes, unchanged } = diffValues(IND, stored, new Map<number, StoredValue>([[101, 52], [41, false]]));
    expect(changes.map((c) => [c.code, c.before, c.after])).toEqual([
      ["4.1", true, false],
      ["10.1", null, 52], // nothing stored yet: old is empty
    ]);
    expect(unchanged).toEqual([]);
  });

  it("sets apart the values equal to the stored ones", () => {
    const { changes, unchanged } = diffValues(IND, stored, new Map<number, StoredValue>([[42, 98.5], [41, false]]));
    expect(changes.map((c) => c.indicatorId)).toEqual([41]);
    expect(unchanged).toEqual([42]);
  });

  it("ignores indicators not proposed", () => {
    expect(diffValues(IND, stored, new Map()).changes).toEqual([]);
  });
});

describe("staleChanges: a request is applied only over the values it was made from", () => {
  const change = (indicatorId: number, before: StoredValue, after: StoredValue): CorrectionChange => ({
    indicatorId, code: String(indicatorId), name: "", criterionNumber: 4, kind: "PERCENT", unit: null, before, after,
  });
  const changes = [change(41, true, false), change(42, 98.5, 100)];

  it("none when the database still holds every old value", () => {
    expect(staleChanges(changes, new Map<number, StoredValue>([[41, true], [42, 98.5]]))).toEqual([]);
  });
  it("the changed one when someone saved another value since", () => {
    expect(staleChanges(changes, new Map<number, StoredValue>([[41, true], [42, 97]])).map((c) => c.indicatorId)).toEqual([42]);
  });
  it("a value cleared since counts as changed", () => {
    expect(staleChanges(changes, new Map<number, StoredValue>([[42, 98.5]])).map((c) => c.indicatorId)).toEqual([41]);
  });
  it("a value someone already set to the new one still counts as changed (the old one is gone)", () => {
    expect(staleChanges(changes, new Map<number, StoredValue>([[41, false], [42, 98.5]])).map((c) => c.indicatorId)).toEqual([41]);
  });
});

describe("decisionRefusal: four eyes, pending only", () => {
  it.each<[string, number, { requestedById: number; status: string }, string | null]>([
    ["another person, pending", 2, { requestedById: 1, status: "PENDING" }, null],
    ["the requester", 1, { requestedById: 1, status: "PENDING" }, "FORBIDDEN"],
    ["the requester, even once decided", 1, { requestedById: 1, status: "APPROVED" }, "FORBIDDEN"],
    ["another person, already approved", 2, { requestedById: 1, status: "APPROVED" }, "CONFLICT"],
    ["another person, already rejected", 2, { requestedById: 1, status: "REJECTED" }, "CONFLICT"],
  ])("%s → %s", (_label, decider, request, expected) => {
    expect(decisionRefusal(decider, request)?.code ?? null).toBe(expected);
  });
});

describe("who holds the correction permissions", () => {
  const table: [Role, boolean, boolean][] = [
    // role, may request, may decide
    ["ADMIN", true, true],
    ["PROVINCE_OFFICER", true, true],
    ["DISTRICT_OFFICER", true, false],
    ["COMMUNE_OFFICER", true, false],
    ["LEADER", false, false],
    ["DEPARTMENT_OFFICER", false, false],
    ["EDITOR", false, false],
  ];
  it.each(table)("%s: request %s, decide %s", (role, request, decide) => {
    expect(hasPermission(role, "correction.request")).toBe(request);
    expect(hasPermission(role, "correction.decide")).toBe(decide);
  });
  it("an unknown role holds neither", () => {
    expect(hasPermission("GUEST", "correction.request")).toBe(false);
    expect(hasPermission("GUEST", "correction.decide")).toBe(false);
  });
});

describe("formatCorrectionValue", () => {
  it.each<[CorrectionChange["kind"], StoredValue, string | null, string]>([
    ["BOOLEAN", true, null, "Đạt"],
    ["BOOLEAN", false, null, "Không đạt"],
    ["PERCENT", 98.5, "%", "98,5%"],
    ["PERCENT", 97.25, "%", "97,25%"],
    ["PERCENT", 100, "%", "100%"],
    ["NUMBER", 45, "triệu đồng/người/năm", "45 triệu đồng/người/năm"],
    ["NUMBER", 1234.5, null, "1.234,5"],
    ["NUMBER", null, null, "(trống)"],
  ])("%s %j → %s", (kind, value, unit, expected) => {
    expect(formatCorrectionValue(kind, value, unit)).toBe(expected);
  });
});

describe("the public notice and the open data date", () => {
  it("says the year and the day in Vietnam, d/m/yyyy", () => {
    expect(correctionNotice(2024, new Date("2026-03-05T10:00:00Z"))).toBe("Số liệu năm 2024 đã điều chỉnh ngày 5/3/2026");
  });
  it("takes the day in Vietnam (UTC+7): 20:00 UTC is already the next day", () => {
    const at = new Date("2026-03-05T20:00:00Z");
    expect(correctionNotice(2024, at)).toBe("Số liệu năm 2024 đã điều chỉnh ngày 6/3/2026");
    expect(isoDateInVietnam(at)).toBe("2026-03-06");
  });
  it("no correction → null in the open data", () => {
    expect(isoDateInVietnam(null)).toBeNull();
  });
});

describe("request and rejection forms", () => {
  const ok = { assessmentId: "12", values: { "41": "false" }, reason: "Số liệu được xác định lại theo biên bản kiểm tra." };
  it("accept a request with a reason and at least one value", () => {
    expect(ZRequestCorrection.parse(ok)).toMatchObject({ assessmentId: 12, values: { "41": "false" } });
  });
  it.each([
    ["no reason", { reason: "" }, "reason"],
    ["a reason of blanks", { reason: "           " }, "reason"],
    ["no value", { values: {} }, "values"],
    ["an indicator id that is not a number", { values: { abc: "1" } }, "values"],
    ["an assessment id that is not a number", { assessmentId: "x" }, "assessmentId"],
  ])("refuse %s", (_label, patch, field) => {
    const r = ZRequestCorrection.safeParse({ ...ok, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => String(i.path[0]))).toContain(field);
  });
  it("a rejection needs its reason", () => {
    expect(ZRejectCorrection.safeParse({ requestId: "3", note: "" }).success).toBe(false);
    expect(ZRejectCorrection.safeParse({ requestId: "3", note: "   " }).success).toBe(false);
    expect(ZRejectCorrection.safeParse({ requestId: "3", note: "Thiếu căn cứ." }).success).toBe(true);
  });
});
