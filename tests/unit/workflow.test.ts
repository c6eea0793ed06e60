import { describe, expect, it } from "vitest";
import { parseVietnameseNumber, ZTransition } from "@/lib/assessments/schemas";
import { parseIndicatorValue } from "@/lib/assessments/values";
import {
  allowedActions,
  councilApproves,
  isEditable,
  reviewerLevel,
  TRANSITIONS,
  type WorkflowAction,
  type WorkflowStatus,
} from "@/lib/assessments/workflow";

const STATUSES: WorkflowStatus[] = ["DRAFT", "SUBMITTED", "VERIFIED", "APPRAISED", "RECOGNISED", "RETURNED", "REVOKED"];

describe("allowedActions", () => {
  // status → [with the district step (before 1/7/2025), without it (communes with no district)]
  const table: Record<WorkflowStatus, [WorkflowAction[], WorkflowAction[]]> = {
    DRAFT: [["submit"], ["submit"]],
    RETURNED: [["submit"], ["submit"]],
    SUBMITTED: [["verify", "return"], ["appraise", "return"]],
    VERIFIED: [["appraise", "return"], ["appraise", "return"]],
    APPRAISED: [["recognise", "return"], ["recognise", "return"]],
    RECOGNISED: [["revoke"], ["revoke"]],
    REVOKED: [[], []],
  };

  it.each(STATUSES.flatMap((s) => [[s, true, table[s][0]] as const, [s, false, table[s][1]] as const]))(
    "from %s (district step: %s) allows %j",
    (status, districtStep, expected) => {
      expect([...allowedActions(status, districtStep)].sort()).toEqual([...expected].sort());
    },
  );

  it("never offers verification to a commune without a district", () => {
    for (const s of STATUSES) expect(allowedActions(s, false)).not.toContain("verify");
  });

  it("lets a submitted dossier of a commune with a district reach appraisal only through verification", () => {
    expect(allowedActions("SUBMITTED", true)).not.toContain("appraise");
  });

  it("every action it offers leads to a status from which the procedure continues or ends as stated", () => {
    for (const s of STATUSES) {
      for (const districtStep of [true, false]) {
        for (const a of allowedActions(s, districtStep)) expect(STATUSES).toContain(TRANSITIONS[a].to);
      }
    }
  });
});

describe("isEditable", () => {
  it.each([
    ["DRAFT", true],
    ["RETURNED", true],
    ["SUBMITTED", false],
    ["VERIFIED", false],
    ["APPRAISED", false],
    ["RECOGNISED", false],
    ["REVOKED", false],
  ] as const)("a dossier in %s is editable: %s", (status, expected) => {
    expect(isEditable(status)).toBe(expected);
  });
});

describe("reviewerLevel", () => {
  it.each([
    ["SUBMITTED", true, "DISTRICT"],
    ["SUBMITTED", false, "PROVINCE"],
    ["VERIFIED", true, "PROVINCE"],
    ["VERIFIED", false, "PROVINCE"],
    ["APPRAISED", true, "PROVINCE"],
    ["APPRAISED", false, "PROVINCE"],
    ["DRAFT", true, null],
    ["DRAFT", false, null],
    ["RETURNED", true, null],
    ["RETURNED", false, null],
    ["RECOGNISED", true, null],
    ["RECOGNISED", false, null],
    ["REVOKED", true, null],
    ["REVOKED", false, null],
  ] as const)("a dossier in %s (district step: %s) is reviewed by %s", (status, districtStep, expected) => {
    expect(reviewerLevel(status, districtStep)).toBe(expected);
  });

  it("names a reviewer exactly for the statuses from which a return is possible", () => {
    for (const s of STATUSES) {
      for (const districtStep of [true, false]) {
        expect(reviewerLevel(s, districtStep) !== null).toBe(allowedActions(s, districtStep).includes("return"));
      }
    }
  });
});

describe("councilApproves", () => {
  it.each([
    [0, 1, false],
    [1, 1, true],
    [1, 2, false],
    [2, 2, true],
    [2, 3, true],
    [1, 3, false],
    [10, 20, false],
    [11, 20, true],
    [7, 15, false],
    [8, 15, true],
    [0, 0, false],
    [4, 3, false], // more votes than members
    [21, 20, false],
  ] as const)("%i of %i votes: approved %s", (votesFor, votesTotal, expected) => {
    expect(councilApproves(votesFor, votesTotal)).toBe(expected);
  });
});

describe("ZTransition", () => {
  it("refuses a return without a reason, in Vietnamese", () => {
    const r = ZTransition.safeParse({ action: "return", assessmentId: 1, version: 1, comment: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/lý do/);
  });

  it("refuses a negative vote count", () => {
    const r = ZTransition.safeParse({ action: "appraise", assessmentId: 1, version: 1, votesFor: -1, votesTotal: 15 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/âm/);
  });

  it("refuses a council of no members", () => {
    const r = ZTransition.safeParse({ action: "appraise", assessmentId: 1, version: 1, votesFor: 0, votesTotal: 0 });
    expect(r.success).toBe(false);
  });

  it("refuses an impossible decision date", () => {
    const r = ZTransition.safeParse({ action: "recognise", assessmentId: 1, version: 1, decisionNumber: "12/QĐ-UBND", decisionDate: "2030-02-30", decisionSigner: "Nguyễn Văn A" });
    expect(r.success).toBe(false);
  });
});

describe("parseVietnameseNumber", () => {
  it.each([
    ["85,5", 85.5],
    ["85.5", 85.5],
    ["1.234", 1234],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["100", 100],
    ["0", 0],
    ["-5", -5],
    ["85,5%", 85.5],
    [" 85,5 ", 85.5],
    ["1 234,5", 1234.5],
    ["0,5", 0.5],
  ] as const)("reads %j as %d", (raw, expected) => {
    expect(parseVietnameseNumber(raw)).toBe(expected);
  });

  it.each([["12abc"], [""], ["   "], ["1,2,3"], ["abc"], ["1.23.4"], ["-"], ["."], [","], ["1e3"], ["12,5,0"], ["Infinity"]])(
    "refuses %j (NaN)",
    (raw) => {
      expect(parseVietnameseNumber(raw)).toBeNaN();
    },
  );

  // A number written with thousands dots keeps its grouping when negative: "-1.234" is −1 234 as
  // "1.234" is 1 234. The dotted-thousands check does not allow for the minus sign, so "-1.234"
  // is read as −1,234 (a decimal) instead.
  it("reads a negative number with a thousands dot the same way as the positive one (-1.234 → -1234)", () => {
    expect(parseVietnameseNumber("-1.234")).toBe(-parseVietnameseNumber("1.234"));
  });

  // No thousands grouping starts with "0.": "0.500" can only be a decimal (0,5). It matches the
  // "d.ddd" pattern and is read as 500 — a thousand times the value typed.
  it("reads 0.500 as a decimal (0.5), never as five hundred", () => {
    expect(parseVietnameseNumber("0.500")).toBe(0.5);
  });
});

describe("parseIndicatorValue", () => {
  const percent = { id: 1, code: "2.1", kind: "PERCENT", comparison: "GTE" } as const;
  const number = { id: 2, code: "3.1", kind: "NUMBER", comparison: "GTE" } as const;
  const yesNo = { id: 3, code: "1.1", kind: "BOOLEAN", comparison: "EQ" } as const;

  it.each([
    ["a percentage with a decimal comma", percent, "85,5", 85.5],
    ["a percentage with a decimal point", percent, "85.5", 85.5],
    ["exactly 100%", percent, "100", 100],
    ["100,00%", percent, "100,00", 100],
    ["0%", percent, "0", 0],
    ["a number with thousands dots", number, "1.234,5", 1234.5],
    ["the largest number accepted", number, "1.000.000.000", 1e9],
    ["a value rounded to two decimals", number, "12,345", 12.35],
    ["yes", yesNo, "true", true],
    ["no", yesNo, "false", false],
  ] as const)("accepts %s", (_label, ind, raw, expected) => {
    expect(parseIndicatorValue(ind, raw)).toEqual({ value: expected });
  });

  it.each([
    ["nothing typed", percent, null],
    ["an empty field", number, ""],
    ["blanks", percent, "   "],
    ["no answer to a yes/no question", yesNo, null],
  ] as const)("stores no value for %s", (_label, ind, raw) => {
    expect(parseIndicatorValue(ind, raw)).toEqual({ value: null });
  });

  it.each([
    ["text in a number field", number, "tám mươi", /số/],
    ["text with digits in a number field", number, "12abc", /số/],
    ["text in a percentage field", percent, "cao", /số/],
    ["several commas", percent, "1,2,3", /số/],
    ["a negative percentage", percent, "-5", /âm/],
    ["a negative number", number, "-0,5", /âm/],
    ["100.01%", percent, "100,01", /100%/],
    ["100.01% written with a point", percent, "100.01", /100%/],
    ["200%", percent, "200", /100%/],
    ["a huge number", number, "1.000.000.001", /quá lớn/],
    ["an absurdly huge number", number, "99999999999999999999", /quá lớn/],
    ["a yes/no answer given as a word", yesNo, "Đạt", /Đạt hoặc Không đạt/],
    ["a yes/no answer given as a number", yesNo, "1", /Đạt hoặc Không đạt/],
    ["a yes/no answer in capitals", yesNo, "TRUE", /Đạt hoặc Không đạt/],
  ] as const)("refuses %s with a Vietnamese message", (_label, ind, raw, message) => {
    const r = parseIndicatorValue(ind, raw);
    expect(r.value).toBeNull();
    expect(r.error).toMatch(message);
  });
});
