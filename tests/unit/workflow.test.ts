import { describe, expect, it } from "vitest";
import { parseVietnameseNumber, ZTransition } from "@/lib/assessments/schemas";
import { parseIndicatorValue } from "@/lib/assessments/values";
import { allowedActions, isEditable, REPORT_TRANSITIONS, reportPermission, reviewLevel, type ReportAction, type ReportStatus } from "@/lib/assessments/workflow";
import { hasPermission } from "@/lib/authz";
import {
  appraisalDateProblem,
  councilApproves,
  decisionDateProblem,
  DOSSIER_NEXT,
  dossierActions,
  dossierHolder,
  dossierPermission,
  eligibilityProblem,
  holdsTitle,
  revocationDateProblem,
  type DossierStatus,
} from "@/lib/recognition/rules";
import { ZDossierStep, ZRevoke } from "@/lib/recognition/schemas";

const STATUSES: ReportStatus[] = ["DRAFT", "SUBMITTED", "CONFIRMED", "RETURNED"];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the annual report", () => {
  it.each([
    ["DRAFT", ["submit"]],
    ["RETURNED", ["submit"]],
    ["SUBMITTED", ["confirm", "return"]],
    ["CONFIRMED", []],
  ] as const)("from %s allows %j", (status, expected) => {
    expect(allowedActions(status)).toEqual(expected);
  });

  it("every action leads to a status of the report", () => {
    for (const s of STATUSES) for (const a of allowedActions(s)) expect(STATUSES).toContain(REPORT_TRANSITIONS[a].to);
  });

  it.each([
    ["DRAFT", true],
    ["RETURNED", true],
    ["SUBMITTED", false],
    ["CONFIRMED", false],
  ] as const)("a report in %s is editable: %s", (status, expected) => {
    expect(isEditable(status)).toBe(expected);
  });

  it.each([
    ["a commune with a district, before 1/7/2025", 7, "2025-06-30", "DISTRICT"],
    ["a commune with a district, from 1/7/2025 (no districts any more)", 7, "2025-07-01", "PROVINCE"],
    ["a commune without a district", null, "2024-03-01", "PROVINCE"],
  ] as const)("%s is confirmed by its %s", (_label, districtId, on, expected) => {
    expect(reviewLevel({ districtId }, d(on))).toBe(expected);
  });

  it.each([
    ["submit", 7, "2024-11-01", "assessment.submit"],
    ["confirm", 7, "2024-11-01", "assessment.confirm.district"],
    ["return", 7, "2024-11-01", "assessment.confirm.district"],
    ["confirm", 7, "2026-01-10", "assessment.confirm.province"],
    ["confirm", null, "2024-11-01", "assessment.confirm.province"],
  ] as const)("%s (district %s, on %s) needs %s", (action, districtId, on, permission) => {
    expect(reportPermission(action as ReportAction, { districtId }, d(on))).toBe(permission);
  });

  it("the commune sends; only the level above confirms (permission table)", () => {
    expect(hasPermission("COMMUNE_OFFICER", "assessment.submit")).toBe(true);
    expect(hasPermission("COMMUNE_OFFICER", "assessment.confirm.district")).toBe(false);
    expect(hasPermission("DISTRICT_OFFICER", "assessment.confirm.district")).toBe(true);
    expect(hasPermission("DISTRICT_OFFICER", "assessment.confirm.province")).toBe(false);
    expect(hasPermission("PROVINCE_OFFICER", "assessment.confirm.province")).toBe(true);
    expect(hasPermission("PROVINCE_OFFICER", "assessment.submit")).toBe(false);
  });
});

describe("the recognition dossier", () => {
  const ALL: DossierStatus[] = ["SUBMITTED", "VERIFIED", "APPRAISED", "DECIDED", "RETURNED"];
  const table: Record<DossierStatus, [string[], string[]]> = {
    SUBMITTED: [["verify", "return"], ["appraise", "return"]],
    VERIFIED: [["appraise", "return"], ["appraise", "return"]],
    APPRAISED: [["decide", "return"], ["decide", "return"]],
    DECIDED: [[], []],
    RETURNED: [["resubmit"], ["resubmit"]],
  };
  it.each(ALL.flatMap((s) => [[s, true, table[s][0]] as const, [s, false, table[s][1]] as const]))("from %s (district step: %s) allows %j", (status, districtStep, expected) => {
    expect(dossierActions(status, districtStep)).toEqual(expected);
  });

  it("without a district step verification is never offered, with it appraisal waits for it", () => {
    for (const s of ALL) expect(dossierActions(s, false)).not.toContain("verify");
    expect(dossierActions("SUBMITTED", true)).not.toContain("appraise");
  });

  it("a return comes from the office holding the dossier", () => {
    expect(dossierHolder("SUBMITTED", true)).toBe("DISTRICT");
    expect(dossierHolder("SUBMITTED", false)).toBe("PROVINCE");
    expect(dossierHolder("APPRAISED", true)).toBe("PROVINCE");
    expect(dossierPermission("return", "SUBMITTED", true)).toBe("recognition.verify");
    expect(dossierPermission("return", "VERIFIED", true)).toBe("recognition.appraise");
    expect(DOSSIER_NEXT.decide).toBe("DECIDED");
  });

  it.each([
    ["no report", null, /chưa có báo cáo/],
    ["a report not yet confirmed", { year: 2024, status: "SUBMITTED", criteriaMet: 19, criteriaTotal: 19, reachedStandard: true }, /chưa được cấp trên xác nhận/],
    ["a confirmed report at 11/19", { year: 2024, status: "CONFIRMED", criteriaMet: 11, criteriaTotal: 19, reachedStandard: false }, /mới đạt 11\/19 tiêu chí/],
    ["a confirmed report at 18/19", { year: 2024, status: "CONFIRMED", criteriaMet: 18, criteriaTotal: 19, reachedStandard: false }, /cần đạt 19\/19/],
    ["a confirmed report at 9/10", { year: 2026, status: "CONFIRMED", criteriaMet: 9, criteriaTotal: 10, reachedStandard: false }, /cần đạt 10\/10/],
  ] as const)("is refused on %s, said in Vietnamese", (_label, report, message) => {
    expect(eligibilityProblem(report, 2024)).toMatch(message);
  });

  it("is open to a confirmed report meeting every criterion", () => {
    expect(eligibilityProblem({ year: 2024, status: "CONFIRMED", criteriaMet: 19, criteriaTotal: 19, reachedStandard: true }, 2024)).toBeNull();
  });

  it.each([
    ["signed today, after the council", "2026-12-02", "2026-11-20", "2026-12-02", null],
    ["signed the day of the council", "2026-11-20", "2026-11-20", "2026-12-02", null],
    ["dated in the future (1/1/2030)", "2030-01-01", "2026-11-20", "2026-12-02", /sau ngày hôm nay/],
    ["dated tomorrow", "2026-12-03", null, "2026-12-02", /sau ngày hôm nay/],
    ["dated before the council", "2026-11-19", "2026-11-20", "2026-12-02", /trước ngày hội đồng/],
  ] as const)("a decision %s: %s", (_label, decided, appraised, today, problem) => {
    const r = decisionDateProblem(d(decided), appraised ? d(appraised) : null, d(today));
    if (problem) expect(r).toMatch(problem);
    else expect(r).toBeNull();
  });

  it("a council meeting cannot be in the future; a revocation neither, nor before its decision", () => {
    expect(appraisalDateProblem(d("2026-12-03"), d("2026-12-02"))).toMatch(/sau ngày hôm nay/);
    expect(appraisalDateProblem(d("2026-12-02"), d("2026-12-02"))).toBeNull();
    expect(revocationDateProblem(d("2027-01-01"), d("2020-12-20"), d("2026-12-02"))).toMatch(/sau ngày hôm nay/);
    expect(revocationDateProblem(d("2020-12-19"), d("2020-12-20"), d("2026-12-02"))).toMatch(/trước ngày quyết định/);
    expect(revocationDateProblem(d("2024-05-01"), d("2020-12-20"), d("2026-12-02"))).toBeNull();
  });

  it("a title is held from its decision day until the day of its revocation", () => {
    const title = { decisionDate: d("2023-12-15"), revocationDate: d("2025-03-10") };
    expect(holdsTitle(title, d("2023-12-14"))).toBe(false);
    expect(holdsTitle(title, d("2023-12-15"))).toBe(true);
    expect(holdsTitle(title, d("2024-12-31"))).toBe(true);
    expect(holdsTitle(title, d("2025-03-09"))).toBe(true);
    expect(holdsTitle(title, d("2025-03-10"))).toBe(false);
    expect(holdsTitle({ decisionDate: d("2014-12-01"), revocationDate: null }, d("2030-01-01"))).toBe(true);
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

describe("form schemas", () => {
  it("refuses a report's return without a reason, in Vietnamese", () => {
    const r = ZTransition.safeParse({ action: "return", assessmentId: 1, version: 1, comment: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/lý do/);
  });

  it("refuses a negative vote count and a council of no members", () => {
    const neg = ZDossierStep.safeParse({ action: "appraise", dossierId: 1, version: 1, appraisedOn: "2026-11-20", votesFor: -1, votesTotal: 15 });
    expect(neg.success).toBe(false);
    expect(neg.error?.issues[0].message).toMatch(/âm/);
    expect(ZDossierStep.safeParse({ action: "appraise", dossierId: 1, version: 1, appraisedOn: "2026-11-20", votesFor: 0, votesTotal: 0 }).success).toBe(false);
  });

  it("refuses an impossible decision date, and a decision without its confirmation", () => {
    const base = { action: "decide", dossierId: 1, version: 1, decisionNumber: "12/QĐ-UBND", signer: "Nguyễn Văn A", confirmed: "on" };
    expect(ZDossierStep.safeParse({ ...base, decisionDate: "2030-02-30" }).success).toBe(false);
    const unconfirmed = ZDossierStep.safeParse({ ...base, decisionDate: "2026-11-30", confirmed: undefined });
    expect(unconfirmed.success).toBe(false);
    expect(unconfirmed.error?.issues[0].message).toMatch(/xác nhận/);
    expect(ZDossierStep.safeParse({ ...base, decisionDate: "2026-11-30" }).success).toBe(true);
  });

  it("a revocation needs a reason, a number and a date", () => {
    expect(ZRevoke.safeParse({ recognitionId: 1, version: 1, revocationNumber: "9/QĐ-UBND", revocationDate: "2026-11-30", reason: "", confirmed: "on" }).success).toBe(false);
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
