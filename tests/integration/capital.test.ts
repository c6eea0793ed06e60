// Capital lines and disbursements on a real database: invalid input (negative money, more paid
// than allocated, dates in the wrong order) gets a clear Vietnamese error and changes nothing;
// payments of one line are serialised; the summaries add up, by source and by month, through
// succession; money is shown next to the criteria it funds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { capitalOverviewForViewer, capitalSummary, criterionSpendingForViewer, unitOptionsForViewer } from "@/lib/capital/queries";
import { addDisbursement, createLine, deleteDisbursement, updateLine } from "@/lib/capital/service";
import { db } from "@/lib/db";
import { isUnitInScope } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { todayInVietnam } from "@/lib/format";
import { appErrorOf, viewerOf } from "./helpers";
import { loadPlaces, snapshotProgramme, type Places } from "./programme-fixtures";

let tinh: Viewer;
let admin: Viewer;
let places: Places;

beforeAll(async () => {
  [tinh, admin, places] = await Promise.all([viewerOf("tinh@ntm.demo"), viewerOf("admin@ntm.demo"), loadPlaces()]);
});

afterAll(async () => {
  await db.capitalLine.deleteMany({ where: { isDemo: false } });
});

const line = (patch: Record<string, unknown> = {}) => createLine(tinh, { year: 2024, unitId: places.tanThanh, source: "NSDP", allocated: "1.000", disbursementDeadline: "2024-12-31", ...patch });

describe("invalid capital input is refused with a Vietnamese message and changes nothing", () => {
  it.each([
    ["negative allocated money", { allocated: "-500" }, "allocated", /không được âm/],
    ["allocated money that is not a number", { allocated: "một tỷ" }, "allocated", /phải là một số/],
    ["negative planned money", { planned: "-1" }, "planned", /không được âm/],
    ["a deadline before the year of the plan", { disbursementDeadline: "2023-12-31" }, "disbursementDeadline", /trước ngày 1\/1\/2024/],
    ["a unit that is not one of the year's (a post-reform commune for 2024)", { unitId: -1 }, "unitId", /.+/],
    ["a criterion of another criteria set", { criterionId: "__other__" }, "criterionId", /không thuộc bộ tiêu chí/],
    ["an unknown source", { source: "VIEN_TRO" }, "source", /Chọn nguồn vốn/],
  ])("a new line with %s", async (_label, patch, field, message) => {
    const resolved = { ...patch } as Record<string, unknown>;
    if (resolved.unitId === -1) resolved.unitId = places.newTanThanh;
    if (resolved.criterionId === "__other__") resolved.criterionId = (await db.criterion.findFirstOrThrow({ where: { set: { code: "XA_2026_2030" } } })).id;
    const before = await snapshotProgramme();
    const err = await appErrorOf(line(resolved), "VALIDATION");
    expect(err.fieldErrors?.[field]?.[0]).toMatch(message);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("a payment that takes the line above its allocation is refused; up to the allocation exactly is accepted", async () => {
    const { id } = await line();
    await addDisbursement(tinh, { lineId: id, date: "2024-03-10", amount: "600" });
    const before = await snapshotProgramme();
    const err = await appErrorOf(addDisbursement(tinh, { lineId: id, date: "2024-05-10", amount: "400,01" }), "VALIDATION");
    expect(err.message).toMatch(/vượt vốn được giao/);
    expect(err.fieldErrors?.amount?.[0]).toMatch(/tối đa 400 triệu đồng/);
    expect(await snapshotProgramme()).toEqual(before);
    expect(await addDisbursement(tinh, { lineId: id, date: "2024-05-10", amount: "400" })).toMatchObject({ disbursed: 1000 });
  });

  it.each([
    ["dated before the year of the plan", "2023-12-31", /trước năm kế hoạch/],
    ["dated after the line's deadline", "2025-01-02", /sau hạn giải ngân/],
    ["with an impossible date", "2024-02-30", /không hợp lệ/],
  ])("a payment %s is refused", async (_label, date, message) => {
    const { id } = await line({ disbursementDeadline: "2025-01-01" });
    const before = await snapshotProgramme();
    const err = await appErrorOf(addDisbursement(tinh, { lineId: id, date, amount: "10" }), "VALIDATION");
    expect(err.fieldErrors?.date?.[0]).toMatch(message);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("a payment dated in the future is refused", async () => {
    const year = todayInVietnam().getUTCFullYear();
    const { id } = await createLine(tinh, { year: Math.max(year, 2026), unitId: places.newTanThanh, source: "NSDP", allocated: "100", disbursementDeadline: `${Math.max(year, 2026) + 1}-12-31` });
    const tomorrow = new Date(todayInVietnam().getTime() + 86_400_000).toISOString().slice(0, 10);
    const before = await snapshotProgramme();
    const err = await appErrorOf(addDisbursement(tinh, { lineId: id, date: tomorrow, amount: "10" }), "VALIDATION");
    expect(err.fieldErrors?.date?.[0]).toMatch(/tương lai/);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it.each([
    ["negative", "-5", /không được âm/],
    ["zero", "0", /lớn hơn 0/],
    ["with three decimals", "1,005", /2 chữ số thập phân/],
  ])("a payment amount that is %s is refused", async (_label, amount, message) => {
    const { id } = await line();
    const before = await snapshotProgramme();
    const err = await appErrorOf(addDisbursement(tinh, { lineId: id, date: "2024-04-01", amount }), "VALIDATION");
    expect(err.fieldErrors?.amount?.[0]).toMatch(message);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("the allocation cannot drop below what is already paid, nor the deadline before the last payment", async () => {
    const { id } = await line();
    await addDisbursement(tinh, { lineId: id, date: "2024-08-20", amount: "700" });
    const before = await snapshotProgramme();
    const low = await appErrorOf(updateLine(tinh, { lineId: id, version: 1, allocated: "699" }), "VALIDATION");
    expect(low.fieldErrors?.allocated?.[0]).toMatch(/không thể thấp hơn số đã giải ngân/);
    const early = await appErrorOf(updateLine(tinh, { lineId: id, version: 1, allocated: "1000", disbursementDeadline: "2024-08-19" }), "VALIDATION");
    expect(early.fieldErrors?.disbursementDeadline?.[0]).toMatch(/20\/8\/2024/);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("an edit of a line changed since the form was loaded is refused with CONFLICT", async () => {
    const { id } = await line();
    await updateLine(tinh, { lineId: id, version: 1, allocated: "1.500" });
    const before = await snapshotProgramme();
    await appErrorOf(updateLine(admin, { lineId: id, version: 1, allocated: "900" }), "CONFLICT");
    expect(await snapshotProgramme()).toEqual(before);
  });
});

describe("payments of one line happen one at a time", () => {
  it("of two payments started at once that together exceed the allocation, exactly one is recorded", async () => {
    const { id } = await line();
    const results = await Promise.allSettled([
      addDisbursement(tinh, { lineId: id, date: "2024-06-01", amount: "600" }),
      addDisbursement(admin, { lineId: id, date: "2024-06-02", amount: "600" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect((rejected.reason as AppError).code).toBe("VALIDATION");
    expect(await db.capitalDisbursement.count({ where: { lineId: id } })).toBe(1);
  });

  it("a payment removed by mistake no longer counts", async () => {
    const { id } = await line();
    const { id: paymentId } = await addDisbursement(tinh, { lineId: id, date: "2024-06-01", amount: "1000" });
    await deleteDisbursement(tinh, { disbursementId: paymentId });
    expect(await addDisbursement(tinh, { lineId: id, date: "2024-06-01", amount: "1000" })).toMatchObject({ disbursed: 1000 });
  });
});

describe("capital summaries", () => {
  /** A province with no demo capital: Hà Nội (its only successor is today's Hà Nội). */
  let oldHaNoi: number;
  let newHaNoi: number;
  let commune: number;
  beforeAll(async () => {
    oldHaNoi = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: { not: null } } })).id;
    newHaNoi = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: null } })).id;
    commune = (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", provinceId: oldHaNoi, validTo: { not: null } }, orderBy: { code: "asc" } })).id;
    const mk = (unitId: number, source: string, allocated: number, payments: [string, number][]) =>
      db.capitalLine.create({
        data: { year: 2023, unitId, source: source as "NSDP", allocated, planned: allocated, disbursementDeadline: new Date("2024-01-31T00:00:00Z"), disbursements: { create: payments.map(([date, amount]) => ({ date: new Date(`${date}T00:00:00Z`), amount })) } },
      });
    await mk(oldHaNoi, "NSTW_DTPT", 1000, [["2023-03-15", 200], ["2023-09-30", 300]]);
    await mk(commune, "NSTW_DTPT", 500, [["2023-09-01", 100], ["2024-01-20", 50]]);
    await mk(commune, "DAN_GOP", 0, []); // a source with nothing allocated
  });

  it("adds up by source and by month; a source without allocation has no rate; today's province includes the old one", async () => {
    const s = await capitalSummary({ year: 2023, provinceId: newHaNoi });
    expect([s.allocated, s.disbursed, s.rate, s.disbursedAfterYearEnd]).toEqual([1500, 650, 43.33, 50]);
    expect(s.bySource.map((x) => x.source)).toEqual(["NSTW_DTPT", "NSTW_SN", "NSDP", "LONG_GHEP", "TIN_DUNG", "DOANH_NGHIEP", "DAN_GOP"]);
    expect(s.bySource[0]).toMatchObject({ allocated: 1500, disbursed: 650, rate: 43.33 });
    expect(s.bySource.find((x) => x.source === "DAN_GOP")).toMatchObject({ allocated: 0, disbursed: 0, rate: null });
    expect(s.byMonth.map((m) => m.cumulativeDisbursed)).toEqual([0, 0, 200, 200, 200, 200, 200, 200, 600, 600, 600, 600]);
    expect(s.byMonth[11]).toMatchObject({ allocated: 1500, rate: 40 });
    expect(await capitalSummary({ year: 2023, provinceId: oldHaNoi })).toEqual(s);
    // another year, or another province, has none of it
    expect((await capitalSummary({ year: 2022, provinceId: newHaNoi })).allocated).toBe(0);
    expect((await capitalSummary({ year: 2022, provinceId: newHaNoi })).rate).toBeNull();
  });

  it("a province officer's overview covers its province only; lines past their deadline with money left are overdue", async () => {
    const own = await capitalOverviewForViewer(tinh, { year: 2023 });
    expect(own.lines.every((l) => l.unit.fullName !== "Thành phố Hà Nội")).toBe(true);
    const all = await capitalOverviewForViewer(admin, { year: 2023, provinceId: newHaNoi });
    expect(all.summary.allocated).toBe(1500);
    expect(all.lines.map((l) => l.risk).sort()).toEqual(["NO_ALLOCATION", "OVERDUE", "OVERDUE"]);
  });

  it("shows money next to the communes that newly met the criterion it funds", async () => {
    const criterion = await db.criterion.findFirstOrThrow({ where: { number: 2, set: { code: "XA_2021_2025" } } });
    const { id } = await createLine(admin, { year: 2024, unitId: commune, source: "NSTW_DTPT", allocated: "800", criterionId: criterion.id, project: "Bê tông hóa đường trục xã" });
    await addDisbursement(admin, { lineId: id, date: "2024-10-01", amount: "450" });
    const rows = await criterionSpendingForViewer(admin, { year: 2024, provinceId: newHaNoi });
    expect(rows).toHaveLength(19);
    expect(rows.find((r) => r.criterionId === criterion.id)).toMatchObject({ number: 2, allocated: 800, disbursed: 450 });
    expect(rows.every((r) => typeof r.communesNewlyMet === "number")).toBe(true);
    // the first year of a criteria set has no "last year" to compare with (QĐ 318 judges the reports from 2022)
    expect((await criterionSpendingForViewer(admin, { year: 2022, provinceId: newHaNoi })).every((r) => r.communesNewlyMet === null)).toBe(true);
  });

  it("offers a province officer only the year's units of its own province", async () => {
    for (const year of [2024, 2026]) {
      const options = await unitOptionsForViewer(tinh, { year });
      expect(options.length).toBeGreaterThan(50);
      const units = await db.adminUnit.findMany({ where: { id: { in: options.map((o) => o.id) } } });
      expect(units.every((u) => isUnitInScope(tinh, u))).toBe(true);
      expect(units.every((u) => (year <= 2025 ? u.validTo !== null : u.validTo === null))).toBe(true);
    }
  });
});
