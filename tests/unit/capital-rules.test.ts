import { describe, expect, it } from "vitest";
import { ZAddDisbursement, ZCreateLine } from "@/lib/capital/schemas";
import {
  deadlineError,
  disbursementDateError,
  disbursementRate,
  effectiveDeadline,
  lineRisk,
  monthSeries,
  overAllocationError,
} from "@/lib/capital/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("disbursement rate", () => {
  it.each([
    [1000, 500, 50],
    [1000, 1000, 100],
    [3, 1, 33.33],
    [1000, 0, 0],
  ])("%s allocated, %s disbursed → %s%", (allocated, disbursed, rate) => {
    expect(disbursementRate(allocated, disbursed)).toBe(rate);
  });

  it("is undefined (null, shown as “–”) with nothing allocated — never a division by zero", () => {
    expect(disbursementRate(0, 0)).toBeNull();
    expect(disbursementRate(0, 250)).toBeNull();
    expect(disbursementRate(-5, 1)).toBeNull();
  });
});

describe("disbursed above allocated is refused", () => {
  it("accepts a payment up to the allocation exactly", () => {
    expect(overAllocationError(1000, 600, 400)).toBeNull();
    expect(overAllocationError(1000.5, 1000, 0.5)).toBeNull();
  });

  it("refuses a payment that takes the total above the allocation, saying how much is left", () => {
    const message = overAllocationError(1000, 600, 400.01);
    expect(message).toMatch(/vượt vốn được giao/);
    expect(message).toMatch(/tối đa 400 triệu đồng/);
  });
});

describe("dates in order", () => {
  it("a deadline cannot fall before its year", () => {
    expect(deadlineError(2023, d("2023-12-31"))).toBeNull();
    expect(deadlineError(2023, d("2024-01-31"))).toBeNull();
    expect(deadlineError(2023, d("2022-12-31"))).toMatch(/trước ngày 1\/1\/2023/);
  });

  it("without a deadline, money of a year may be paid until 31/1 of the next", () => {
    expect(effectiveDeadline(2023, null)).toEqual(d("2024-01-31"));
  });

  const today = d("2024-06-01");
  it.each([
    ["2023-01-01", null],
    ["2023-12-31", null],
    ["2022-12-31", /trước năm kế hoạch/],
    ["2024-01-01", /sau hạn giải ngân/],
  ])("a payment dated %s on a line of 2023 due 31/12/2023 → %s", (date, expected) => {
    const error = disbursementDateError(2023, d("2023-12-31"), d(date), today);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toMatch(expected);
  });

  it("a payment cannot be dated in the future", () => {
    expect(disbursementDateError(2024, d("2024-12-31"), d("2024-06-02"), today)).toMatch(/tương lai/);
  });
});

describe("lines at risk", () => {
  const line = { year: 2023, allocated: 1000, disbursed: 500, deadline: d("2023-12-31") };
  it.each([
    [{ ...line, allocated: 0, disbursed: 0 }, "2023-06-01", "NO_ALLOCATION"],
    [{ ...line, disbursed: 1000 }, "2024-06-01", "DONE"],
    [line, "2024-01-01", "OVERDUE"],
    [line, "2023-11-01", "AT_RISK"], // 60 days left, 50% paid
    [line, "2023-10-01", "ON_TRACK"], // 91 days left
    [{ ...line, disbursed: 850 }, "2023-12-30", "ON_TRACK"], // 85% paid
  ] as const)("%o on %s is %s", (l, today, risk) => {
    expect(lineRisk(l, d(today))).toBe(risk);
  });
});

describe("allocated vs disbursed over the months", () => {
  it("has the twelve months, cumulative, with payments after the year apart", () => {
    const { months, afterYearEnd } = monthSeries(2023, 1000, [
      { date: d("2023-03-28"), amount: 100 },
      { date: d("2023-03-30"), amount: 50 },
      { date: d("2023-09-01"), amount: 300 },
      { date: d("2024-01-15"), amount: 40 },
    ]);
    expect(months).toHaveLength(12);
    expect(months.map((m) => m.cumulativeDisbursed)).toEqual([0, 0, 150, 150, 150, 150, 150, 150, 450, 450, 450, 450]);
    expect(months[2]).toEqual({ month: 3, allocated: 1000, disbursed: 150, cumulativeDisbursed: 150, rate: 15 });
    expect(afterYearEnd).toBe(40);
  });

  it("gives no rate in any month when nothing was allocated", () => {
    expect(monthSeries(2023, 0, []).months.every((m) => m.rate === null)).toBe(true);
  });
});

describe("money in forms", () => {
  it("reads “1.234,5” as 1234.5 million", () => {
    expect(ZAddDisbursement.parse({ lineId: 1, date: "2023-05-01", amount: "1.234,5" }).amount).toBe(1234.5);
  });

  it.each([
    [{ allocated: "-5" }, /không được âm/],
    [{ allocated: "abc" }, /phải là một số/],
    [{ allocated: "" }, /Nhập vốn được giao/],
  ])("refuses %o with a Vietnamese message", (patch, message) => {
    const r = ZCreateLine.safeParse({ year: 2023, unitId: 1, source: "NSDP", ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(message);
  });

  it("refuses a payment of 0", () => {
    const r = ZAddDisbursement.safeParse({ lineId: 1, date: "2023-05-01", amount: "0" });
    expect(r.error!.issues[0].message).toMatch(/lớn hơn 0/);
  });
});
