// Report exports on the seeded database: each report is generated as the XLSX a coordination
// office sends upward, opened again with exceljs, and checked for its Vietnamese header row, the
// frozen header, numbers stored as numbers, and figures equal to an independent count straight
// from the tables (not from the summaries or queries the reports use). Then the refusals: units
// outside the viewer's scope, missing permissions and bad query strings, through the HTTP route too.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { generateReport, reportToXlsx, type Report } from "@/lib/reports/generate";
import { REPORTS } from "@/lib/reports/catalogue";
import { ASSESSMENT_YEARS } from "@/lib/assessments/years";
import { officialFigures } from "@/lib/figures/queries";
import { TITLE_LABELS } from "@/lib/recognition/rules";
import { unitsDateForYear } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import { appErrorOf, putAssessment, viewerOf } from "./helpers";

// The route reads the session through getViewer; here the session is whoever the test says.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth", () => ({ getViewer: async () => session.viewer }));
const { GET } = await import("@/app/api/bao-cao/[report]/route");

const YEAR = 2024; // every demo commune has an assessment; pre-reform units (districts)
const TODAY = new Date(Date.UTC(2026, 5, 30));

let tinh: Viewer; // PROVINCE_OFFICER, today's Tỉnh Thái Nguyên (old Thái Nguyên and Bắc Kạn in scope)
let huyen: Viewer; // DISTRICT_OFFICER, Huyện Phú Bình
let lanhdao: Viewer; // LEADER, national
let xa: Viewer; // COMMUNE_OFFICER
let so: Viewer; // DEPARTMENT_OFFICER (dashboard.view, no task.scorecard)
let tinhScope: number[];
let quangBinhId: number;

beforeAll(async () => {
  [tinh, huyen, lanhdao, xa, so] = await Promise.all(["tinh@ntm.demo", "huyen@ntm.demo", "lanhdao@ntm.demo", "xa@ntm.demo", "so@ntm.demo"].map(viewerOf));
  tinhScope = await unitWithPredecessors(tinh.unitId!);
  quangBinhId = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", fullName: "Tỉnh Quảng Bình" } })).id;
});

// ───────────── reading a generated workbook ─────────────

interface Sheet {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  header: string[];
  /** data rows, each cell by header label */
  rows: Record<string, ExcelJS.Cell>[];
  total: Record<string, ExcelJS.Cell> | null;
}

async function workbookOf(report: Report): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportToXlsx(report)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The sheet as a person sees it: frozen below the header row, "Tổng cộng" as a bold last row. */
function readSheet(ws: ExcelJS.Worksheet): Sheet {
  const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
  expect(view.state).toBe("frozen");
  const headerRow = view.ySplit!;
  expect(headerRow).toBeGreaterThanOrEqual(2);
  const width = ws.getRow(headerRow).cellCount;
  const header = Array.from({ length: width }, (_, i) => String(ws.getRow(headerRow).getCell(i + 1).value));
  const byLabel = (r: ExcelJS.Row) => Object.fromEntries(header.map((h, i) => [h, r.getCell(i + 1)]));
  const body: ExcelJS.Row[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) body.push(ws.getRow(n));
  const last = body.at(-1);
  const isTotal = last !== undefined && header.some((_, i) => String(last.getCell(i + 1).value ?? "").startsWith("Tổng cộng"));
  if (isTotal) expect(last.getCell(1).font?.bold || last.getCell(2).font?.bold).toBe(true);
  return { ws, headerRow, header, rows: (isTotal ? body.slice(0, -1) : body).map(byLabel), total: isTotal ? byLabel(last) : null };
}

const num = (c: ExcelJS.Cell | undefined) => {
  expect(c?.type).toBe(ExcelJS.ValueType.Number);
  return c!.value as number;
};
const str = (c: ExcelJS.Cell | undefined) => String(c?.value ?? "");

function expectNumeric(sheet: Sheet, labels: string[], format: string) {
  for (const row of [...sheet.rows, ...(sheet.total ? [sheet.total] : [])]) {
    for (const l of labels) {
      if (row[l].value === null) continue;
      expect(row[l].type, `${l}: ${String(row[l].value)}`).toBe(ExcelJS.ValueType.Number);
      expect(row[l].numFmt).toBe(format);
    }
  }
}

// ───────────── independent counts ─────────────

async function setId(year: number) {
  return (await db.criteriaSet.findUniqueOrThrow({ where: { code: communeSetCodeForYear(year) } })).id;
}

describe("report catalogue", () => {
  it("lists the six reports with Vietnamese titles, the scorecard behind task.scorecard", () => {
    expect(REPORTS.map((r) => r.key)).toEqual(["xa-theo-nhom-tieu-chi", "xa-dat-chuan", "tieu-chi-chua-dat", "san-pham-ocop", "von-giai-ngan", "thuc-hien-nhiem-vu"]);
    expect(REPORTS.filter((r) => r.permission === "task.scorecard").map((r) => r.key)).toEqual(["thuc-hien-nhiem-vu"]);
  });
});

describe("(1) communes by band of criteria met", () => {
  it("a province before the reform: one row per district of that time, bands and total equal a count of the assessments", async () => {
    const report = await generateReport(tinh, "xa-theo-nhom-tieu-chi", { nam: String(YEAR) }, TODAY);
    const wb = await workbookOf(report);
    expect(wb.worksheets).toHaveLength(1);
    const sheet = readSheet(wb.worksheets[0]);
    expect(str(sheet.ws.getCell("A1"))).toBe(`Số xã theo nhóm số tiêu chí đạt năm ${YEAR}`);
    expect(str(sheet.ws.getCell("A2"))).toContain("Tỉnh Thái Nguyên · năm 2024 · ngày lập 30/6/2026");
    expect(sheet.header).toEqual(["STT", "Huyện", "Số xã được đánh giá", "19 tiêu chí", "15–18 tiêu chí", "10–14 tiêu chí", "5–9 tiêu chí", "Dưới 5 tiêu chí", "Bình quân tiêu chí/xã"]);
    expectNumeric(sheet, ["Số xã được đánh giá", "19 tiêu chí", "Dưới 5 tiêu chí"], "#,##0");
    expectNumeric(sheet, ["Bình quân tiêu chí/xã"], "0.00");

    const rows = await db.$queryRaw<{ name: string; assessed: number; b19: number; b15: number; b10: number; b5: number; b0: number; met: number; validTo: Date | null }[]>`
      SELECT d."fullName" AS name, d."validTo", count(*)::int AS assessed, sum(a."criteriaMet")::int AS met,
             count(*) FILTER (WHERE a."criteriaMet" = 19)::int AS b19,
             count(*) FILTER (WHERE a."criteriaMet" BETWEEN 15 AND 18)::int AS b15,
             count(*) FILTER (WHERE a."criteriaMet" BETWEEN 10 AND 14)::int AS b10,
             count(*) FILTER (WHERE a."criteriaMet" BETWEEN 5 AND 9)::int AS b5,
             count(*) FILTER (WHERE a."criteriaMet" < 5)::int AS b0
        FROM "Assessment" a JOIN "AdminUnit" c ON c.id = a."unitId" JOIN "AdminUnit" d ON d.id = c."districtId"
       WHERE a.year = ${YEAR} AND a."setId" = ${await setId(YEAR)} AND c.level = 'COMMUNE' AND c."provinceId" = ANY(${tinhScope})
       GROUP BY d.id`;
    expect(rows.length).toBeGreaterThan(3);
    expect(sheet.rows.map((r) => str(r["Huyện"])).sort()).toEqual(rows.map((r) => r.name).sort());
    // the units of that time: districts, which ended on 1/7/2025
    expect(rows.every((r) => r.validTo?.toISOString().startsWith("2025-07-01"))).toBe(true);
    for (const r of rows) {
      const line = sheet.rows.find((x) => str(x["Huyện"]) === r.name)!;
      expect([num(line["Số xã được đánh giá"]), num(line["19 tiêu chí"]), num(line["15–18 tiêu chí"]), num(line["10–14 tiêu chí"]), num(line["5–9 tiêu chí"]), num(line["Dưới 5 tiêu chí"])]).toEqual([r.assessed, r.b19, r.b15, r.b10, r.b5, r.b0]);
      expect(num(line["Bình quân tiêu chí/xã"])).toBeCloseTo(r.met / r.assessed, 2);
    }
    const sum = (k: "assessed" | "b19" | "b0") => rows.reduce((s, r) => s + r[k], 0);
    expect(str(sheet.total!["Huyện"])).toBe("Tổng cộng");
    expect(num(sheet.total!["Số xã được đánh giá"])).toBe(sum("assessed"));
    expect(num(sheet.total!["19 tiêu chí"])).toBe(sum("b19"));
    expect(num(sheet.total!["Dưới 5 tiêu chí"])).toBe(sum("b0"));
    expect(report.note).toContain("Tỉnh Bắc Kạn");
  });

  it("a district: one row per commune in its band, adding up to the district's assessments", async () => {
    const report = await generateReport(huyen, "xa-theo-nhom-tieu-chi", {}, TODAY);
    expect(report.year).toBe(2025);
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    expect(sheet.header.slice(0, 3)).toEqual(["STT", "Xã", "Số xã được đánh giá"]);
    const count = await db.assessment.count({ where: { year: 2025, setId: await setId(2025), unit: { level: "COMMUNE", districtId: huyen.unitId! } } });
    expect(sheet.rows).toHaveLength(count);
    expect(num(sheet.total!["Số xã được đánh giá"])).toBe(count);
    for (const r of sheet.rows) {
      const bands = ["19 tiêu chí", "15–18 tiêu chí", "10–14 tiêu chí", "5–9 tiêu chí", "Dưới 5 tiêu chí"].map((l) => num(r[l]));
      expect(bands.reduce((s, b) => s + b, 0)).toBe(1);
    }
  });
});

describe("(2) communes holding a recognition decision", () => {
  /** Titles in force on a day of xã of Thái Nguyên (then) standing on `unitsDay`: each commune's highest, with its latest confirmed report. */
  async function titlesInForce(year: number, asOf: Date, unitsDay: Date) {
    const titles = await db.recognition.findMany({
      where: {
        decisionDate: { lte: asOf },
        OR: [{ revocationDate: null }, { revocationDate: { gt: asOf } }],
        unit: { type: "XA", provinceId: { in: tinhScope }, validFrom: { lte: unitsDay }, AND: [{ OR: [{ validTo: null }, { validTo: { gt: unitsDay } }] }] },
      },
      select: { unitId: true, level: true, decisionNumber: true, decisionDate: true, signer: true, unit: { select: { fullName: true, district: { select: { fullName: true } } } } },
    });
    const rank = { NTM: 1, ADVANCED: 2, MODEL: 3 } as const;
    const best = new Map<number, (typeof titles)[number]>();
    for (const t of titles) if (!best.has(t.unitId) || rank[t.level] > rank[best.get(t.unitId)!.level]) best.set(t.unitId, t);
    const reports = await db.assessment.findMany({ where: { unitId: { in: [...best.keys()] }, status: "CONFIRMED", year: { lte: year } }, orderBy: { year: "desc" }, select: { unitId: true, year: true, criteriaMet: true, criteriaTotal: true } });
    const latest = new Map<number, (typeof reports)[number]>();
    for (const r of reports) if (!latest.has(r.unitId)) latest.set(r.unitId, r);
    return [...best.values()].map((t) => ({ ...t, report: latest.get(t.unitId) ?? null }));
  }

  it("lists each commune holding a title on 31/12 of the year: its highest title, decision number, date (a real date), signer and latest confirmed report", async () => {
    const report = await generateReport(tinh, "xa-dat-chuan", { nam: String(YEAR) }, TODAY);
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    expect(sheet.header).toEqual(["STT", "Xã", "Huyện", "Danh hiệu", "Số quyết định công nhận", "Ngày quyết định", "Người ký", "Tiêu chí đạt (báo cáo gần nhất)"]);
    const asOf = new Date(Date.UTC(YEAR, 11, 31));
    const recognised = await titlesInForce(YEAR, asOf, asOf);
    expect(recognised.length).toBeGreaterThan(10);
    expect(recognised.some((t) => t.level !== "NTM")).toBe(true); // nâng cao or kiểu mẫu shown as the title held
    expect(sheet.rows).toHaveLength(recognised.length);
    const key = (commune: string, district: string, decision: string) => `${commune}|${district}|${decision}`;
    expect(new Set(sheet.rows.map((r) => key(str(r["Xã"]), str(r["Huyện"]), str(r["Số quyết định công nhận"]))))).toEqual(
      new Set(recognised.map((t) => key(t.unit.fullName, t.unit.district!.fullName, t.decisionNumber))),
    );
    for (const r of sheet.rows) {
      const t = recognised.find((x) => x.unit.fullName === str(r["Xã"]) && x.unit.district!.fullName === str(r["Huyện"]))!;
      expect(str(r["Danh hiệu"])).toBe(TITLE_LABELS[t.level]);
      expect(r["Ngày quyết định"].type).toBe(ExcelJS.ValueType.Date);
      expect((r["Ngày quyết định"].value as Date).toISOString().slice(0, 10)).toBe(t.decisionDate.toISOString().slice(0, 10));
      expect(r["Ngày quyết định"].numFmt).toBe("d/m/yyyy");
      expect(str(r["Người ký"])).toBe(t.signer);
      expect(str(r["Tiêu chí đạt (báo cáo gần nhất)"])).toBe(t.report ? `${t.report.criteriaMet}/${t.report.criteriaTotal} (năm ${t.report.year})` : "Chưa có báo cáo");
    }
    expect(str(sheet.total!["Xã"])).toBe(`Tổng cộng: ${recognised.length} xã`);
    // a commune holding the title while its latest report falls short is listed all the same
    expect(recognised.some((t) => t.report && t.report.criteriaMet < t.report.criteriaTotal)).toBe(true);
  });

  it.each([YEAR, 2025])("the list of %i counts the communes the official figure counts (2025: the xã of 30/6/2025, titles in force on 31/12/2025)", async (year) => {
    const report = await generateReport(tinh, "xa-dat-chuan", { nam: String(year) }, TODAY);
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    const asOf = new Date(Date.UTC(year, 11, 31));
    const figures = await officialFigures({ provinceIds: tinhScope }, year, asOf);
    expect(figures.recognised).toBeGreaterThan(10);
    expect(sheet.rows).toHaveLength(figures.recognised);
    expect(sheet.rows).toHaveLength((await titlesInForce(year, asOf, unitsDateForYear(year))).length);
  });
});

describe("(3) communes not meeting each criterion", () => {
  it("nation: one row per province of that year × 19 criteria, each the assessed communes without the criterion met", async () => {
    const report = await generateReport(lanhdao, "tieu-chi-chua-dat", { nam: String(YEAR) }, TODAY);
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    const set = await setId(YEAR);
    const criteria = await db.criterion.findMany({ where: { setId: set }, orderBy: { number: "asc" } });
    expect(criteria).toHaveLength(19);
    expect(sheet.header).toEqual(["STT", "Tỉnh, thành phố", "Số xã được đánh giá", ...criteria.map((c) => `${c.number}. ${c.name}`)]);
    expectNumeric(sheet, criteria.map((c) => `${c.number}. ${c.name}`), "#,##0");
    const assessed = await db.$queryRaw<{ name: string; n: number }[]>`
      SELECT p."fullName" AS name, count(*)::int AS n FROM "Assessment" a
        JOIN "AdminUnit" c ON c.id = a."unitId" JOIN "AdminUnit" p ON p.id = c."provinceId"
       WHERE a.year = ${YEAR} AND a."setId" = ${set} AND c.level = 'COMMUNE' GROUP BY p.id`;
    const met = await db.$queryRaw<{ name: string; number: number; n: number }[]>`
      SELECT p."fullName" AS name, k.number, count(*)::int AS n FROM "Assessment" a
        JOIN "AdminUnit" c ON c.id = a."unitId" JOIN "AdminUnit" p ON p.id = c."provinceId"
        JOIN "CriterionResult" r ON r."assessmentId" = a.id AND r.status = 'MET' JOIN "Criterion" k ON k.id = r."criterionId"
       WHERE a.year = ${YEAR} AND a."setId" = ${set} AND c.level = 'COMMUNE' GROUP BY p.id, k.number`;
    expect(sheet.rows.map((r) => str(r["Tỉnh, thành phố"])).sort()).toEqual(assessed.map((a) => a.name).sort());
    let someUnmet = 0;
    for (const a of assessed) {
      const row = sheet.rows.find((r) => str(r["Tỉnh, thành phố"]) === a.name)!;
      expect(num(row["Số xã được đánh giá"])).toBe(a.n);
      for (const c of criteria) {
        const expected = a.n - (met.find((m) => m.name === a.name && m.number === c.number)?.n ?? 0);
        expect(num(row[`${c.number}. ${c.name}`]), `${a.name}, tiêu chí ${c.number}`).toBe(expected);
        someUnmet += expected;
      }
    }
    expect(someUnmet).toBeGreaterThan(0);
    for (const c of criteria) {
      const label = `${c.number}. ${c.name}`;
      expect(num(sheet.total![label])).toBe(sheet.rows.reduce((s, r) => s + num(r[label]), 0));
    }
  });
});

describe("(4) OCOP products in force", () => {
  it("lists the products whose latest decided evaluation on 31/12 is 3★+ and unexpired, and counts them by stars on a second sheet", async () => {
    const report = await generateReport(tinh, "san-pham-ocop", { nam: String(YEAR) }, TODAY);
    const wb = await workbookOf(report);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["san-pham-ocop", "ocop"]);
    const list = readSheet(wb.worksheets[0]);
    expect(list.header).toEqual(["STT", "Tên sản phẩm", "Nhóm sản phẩm", "Chủ thể", "Xã", "Huyện, tỉnh", "Hạng sao", "Điểm", "Hội đồng đánh giá", "Số quyết định", "Ngày quyết định", "Hết hiệu lực từ ngày"]);
    expectNumeric(list, ["Hạng sao"], "#,##0");
    expectNumeric(list, ["Điểm"], "0.00");

    const asOf = new Date(Date.UTC(YEAR, 11, 31));
    const products = await db.ocopProduct.findMany({ where: { commune: { provinceId: { in: tinhScope } } }, include: { evaluations: true } });
    const inForce = products.flatMap((p) => {
      const decided = p.evaluations
        .filter((e) => e.decisionNo && e.decisionDate && e.decisionDate <= asOf)
        .sort((a, b) => b.year - a.year || b.decisionDate!.getTime() - a.decisionDate!.getTime() || b.id - a.id)[0];
      return decided && decided.stars >= 3 && decided.expiresAt && decided.expiresAt > asOf ? [{ name: p.name, stars: decided.stars, decisionNo: decided.decisionNo! }] : [];
    });
    expect(inForce.length).toBeGreaterThan(3);
    expect(list.rows.map((r) => `${str(r["Tên sản phẩm"])}|${num(r["Hạng sao"])}|${str(r["Số quyết định"])}`).sort()).toEqual(inForce.map((p) => `${p.name}|${p.stars}|${p.decisionNo}`).sort());
    expect(str(list.total!["Tên sản phẩm"])).toBe(`Tổng cộng: ${inForce.length} sản phẩm`);

    const stars = readSheet(wb.worksheets[1]);
    expect(stars.header).toEqual(["Hạng", "Số sản phẩm"]);
    for (const s of [3, 4, 5]) {
      expect(num(stars.rows.find((r) => str(r["Hạng"]) === `${s} sao`)!["Số sản phẩm"])).toBe(inForce.filter((p) => p.stars === s).length);
    }
    expect(num(stars.total!["Số sản phẩm"])).toBe(inForce.length);
  });
});

describe("(5) capital allocated and disbursed", () => {
  it("by source, allocated and disbursed in million VND and the rate in percent, as summed from the lines and payments", async () => {
    const report = await generateReport(tinh, "von-giai-ngan", { nam: String(YEAR) }, TODAY);
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    expect(sheet.header).toEqual(["Nguồn vốn", "Được giao", "Đã giải ngân", "Tỷ lệ giải ngân (%)"]);
    expectNumeric(sheet, ["Được giao", "Đã giải ngân"], "#,##0");
    expectNumeric(sheet, ["Tỷ lệ giải ngân (%)"], "0.0");
    const sums = await db.$queryRaw<{ source: string; allocated: number; disbursed: number }[]>`
      SELECT l.source::text AS source, sum(l.allocated)::float8 AS allocated,
             coalesce(sum((SELECT sum(d.amount) FROM "CapitalDisbursement" d WHERE d."lineId" = l.id)), 0)::float8 AS disbursed
        FROM "CapitalLine" l JOIN "AdminUnit" u ON u.id = l."unitId"
       WHERE l.year = ${YEAR} AND (u.id = ANY(${tinhScope}) OR u."provinceId" = ANY(${tinhScope}))
       GROUP BY l.source`;
    const allocated = sums.reduce((s, x) => s + x.allocated, 0);
    const disbursed = sums.reduce((s, x) => s + x.disbursed, 0);
    expect(allocated).toBeGreaterThan(0);
    expect(sheet.rows).toHaveLength(7);
    expect(num(sheet.total!["Được giao"])).toBeCloseTo(allocated, 2);
    expect(num(sheet.total!["Đã giải ngân"])).toBeCloseTo(disbursed, 2);
    expect(num(sheet.total!["Tỷ lệ giải ngân (%)"])).toBeCloseTo((disbursed * 100) / allocated, 2);
    expect(sheet.rows.reduce((s, r) => s + num(r["Được giao"]), 0)).toBeCloseTo(allocated, 2);
    const biggest = sums.sort((a, b) => b.allocated - a.allocated)[0];
    const labels: Record<string, string> = { NSTW_DTPT: "NSTW – đầu tư phát triển", NSTW_SN: "NSTW – sự nghiệp", NSDP: "Ngân sách địa phương", LONG_GHEP: "Vốn lồng ghép", TIN_DUNG: "Vốn tín dụng", DOANH_NGHIEP: "Vốn doanh nghiệp", DAN_GOP: "Người dân đóng góp" };
    const row = sheet.rows.find((r) => str(r["Nguồn vốn"]) === labels[biggest.source])!;
    expect(num(row["Được giao"])).toBeCloseTo(biggest.allocated, 2);
    expect(num(row["Đã giải ngân"])).toBeCloseTo(biggest.disbursed, 2);
  });
});

describe("(6) notice task scorecard", () => {
  const classes = Prisma.sql`
    count(*)::int AS total,
    count(*) FILTER (WHERE t.status = 'DONE' AND coalesce(t."completedAt", ${TODAY}::date) <= t.deadline)::int AS "onTime",
    count(*) FILTER (WHERE t.status = 'DONE' AND coalesce(t."completedAt", ${TODAY}::date) > t.deadline)::int AS late,
    count(*) FILTER (WHERE t.status <> 'DONE' AND t.deadline < ${TODAY}::date)::int AS overdue,
    count(*) FILTER (WHERE t.status <> 'DONE' AND t.deadline >= ${TODAY}::date)::int AS "inProgress"`;

  it("per organisation, tasks with a deadline in the year: on time, late, overdue, in progress, as counted from the tasks", async () => {
    const report = await generateReport(lanhdao, "thuc-hien-nhiem-vu", { nam: "2023" }, TODAY);
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    expect(sheet.header).toEqual(["STT", "Đơn vị chủ trì", "Địa bàn", "Tổng số nhiệm vụ", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Quá hạn (chưa hoàn thành)", "Đang thực hiện trong hạn", "Tỷ lệ hoàn thành đúng hạn (%)"]);
    expectNumeric(sheet, ["Tổng số nhiệm vụ", "Hoàn thành đúng hạn", "Quá hạn (chưa hoàn thành)"], "#,##0");
    expectNumeric(sheet, ["Tỷ lệ hoàn thành đúng hạn (%)"], "0.0");
    const expected = await db.$queryRaw<{ org: string; unit: string | null; total: number; onTime: number; late: number; overdue: number; inProgress: number }[]>`
      SELECT o.name AS org, u."fullName" AS unit, ${classes}
        FROM "NoticeTask" t JOIN "Organisation" o ON o.id = t."assigneeOrgId" LEFT JOIN "AdminUnit" u ON u.id = o."unitId"
       WHERE t.deadline BETWEEN '2023-01-01' AND '2023-12-31' GROUP BY o.id, u.id`;
    expect(expected.length).toBeGreaterThan(1);
    expect(sheet.rows).toHaveLength(expected.length);
    for (const e of expected) {
      const row = sheet.rows.find((r) => str(r["Đơn vị chủ trì"]) === e.org && str(r["Địa bàn"]) === (e.unit ?? ""))!;
      expect([row["Tổng số nhiệm vụ"], row["Hoàn thành đúng hạn"], row["Hoàn thành quá hạn"], row["Quá hạn (chưa hoàn thành)"], row["Đang thực hiện trong hạn"]].map(num)).toEqual([e.total, e.onTime, e.late, e.overdue, e.inProgress]);
    }
    expect(num(sheet.total!["Tổng số nhiệm vụ"])).toBe(expected.reduce((s, e) => s + e.total, 0));
  });

  it("without a year covers every task; a province officer sees only the organisations of its province", async () => {
    const report = await generateReport(tinh, "thuc-hien-nhiem-vu", {}, TODAY);
    expect(report.year).toBeNull();
    const sheet = readSheet((await workbookOf(report)).worksheets[0]);
    const [expected] = await db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "NoticeTask" t JOIN "Organisation" o ON o.id = t."assigneeOrgId" JOIN "AdminUnit" u ON u.id = o."unitId"
       WHERE u.id = ANY(${tinhScope}) OR u."provinceId" = ANY(${tinhScope})`;
    expect(expected.total).toBeGreaterThan(0);
    expect(num(sheet.total!["Tổng số nhiệm vụ"])).toBe(expected.total);
    expect(sheet.rows.every((r) => str(r["Địa bàn"]) !== "Tỉnh Quảng Bình")).toBe(true);
  });
});

describe("units of the report's year", () => {
  it("after the reform: today's provinces one level down from the nation, communes directly under a province", async () => {
    const nation = await generateReport(lanhdao, "xa-theo-nhom-tieu-chi", { nam: "2026" }, TODAY);
    const names = nation.tables[0].rows.map((r) => String(r.name));
    expect(names.length).toBeGreaterThan(0);
    const today = await db.adminUnit.findMany({ where: { level: "PROVINCE", fullName: { in: names }, validTo: null } });
    expect(new Set(today.map((p) => p.fullName))).toEqual(new Set(names));
    const province = await generateReport(tinh, "tieu-chi-chua-dat", { nam: "2026" }, TODAY);
    expect(province.tables[0].columns[1].label).toBe("Xã");
    expect(province.tables[0].columns).toHaveLength(3 + 10); // the 2026–2030 set has 10 criteria
  });

  it("leaves out a unit whose assessments of the year were all deleted (its summary row stays, at zero)", async () => {
    const hanoi = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", province: { fullName: "Thành phố Hà Nội" }, validTo: new Date("2025-07-01T00:00:00Z") } });
    const fixture = await putAssessment({ unitId: hanoi.id, year: YEAR, status: "DRAFT", results: "all-met" });
    await db.assessment.delete({ where: { id: fixture.id } });
    for (const key of ["xa-theo-nhom-tieu-chi", "tieu-chi-chua-dat"]) {
      const report = await generateReport(lanhdao, key, { nam: String(YEAR) }, TODAY);
      expect(report.tables[0].rows.map((r) => r.name)).not.toContain("Thành phố Hà Nội");
    }
  });

  it("a viewer's own unit that ended on 1/7/2025 says so rather than showing silent zeros", async () => {
    const report = await generateReport(so, "xa-theo-nhom-tieu-chi", { nam: "2026" }, TODAY);
    expect(report.note).toBe("Tỉnh Quảng Bình không còn từ 1/7/2025 nên không có số liệu năm 2026.");
    expect(report.tables[0].rows).toHaveLength(0);
  });
});

describe("authorisation and scope", () => {
  it("refuses a unit outside the viewer's scope with a Vietnamese 403 message", async () => {
    const err = await appErrorOf(generateReport(tinh, "xa-theo-nhom-tieu-chi", { nam: "2024", tinh: String(quangBinhId) }), "FORBIDDEN");
    expect(err.message).toBe("Tỉnh Quảng Bình nằm ngoài phạm vi quản lý của bạn (Tỉnh Thái Nguyên).");
    // a district officer: not the neighbouring district, nor its own province
    const ownProvince = (await db.adminUnit.findUniqueOrThrow({ where: { id: huyen.unitId! } })).provinceId!;
    const neighbour = await db.adminUnit.findFirstOrThrow({ where: { level: "DISTRICT", provinceId: ownProvince, id: { not: huyen.unitId! } } });
    await appErrorOf(generateReport(huyen, "xa-dat-chuan", { huyen: String(neighbour.id) }), "FORBIDDEN");
    await appErrorOf(generateReport(huyen, "san-pham-ocop", { tinh: String(ownProvince) }), "FORBIDDEN");
  });

  it("a national viewer may open any province; a province officer its own old districts", async () => {
    const qb = await generateReport(lanhdao, "von-giai-ngan", { nam: "2024", tinh: String(quangBinhId) });
    expect(qb.unit.name).toBe("Tỉnh Quảng Bình");
    const ownDistrict = await generateReport(tinh, "tieu-chi-chua-dat", { nam: "2024", huyen: String(huyen.unitId) });
    expect(ownDistrict.unit.level).toBe("DISTRICT");
  });

  it("needs dashboard.view, and task.scorecard for the scorecard; no session is refused", async () => {
    await appErrorOf(generateReport(xa, "xa-theo-nhom-tieu-chi", {}), "FORBIDDEN");
    await appErrorOf(generateReport(so, "thuc-hien-nhiem-vu", {}), "FORBIDDEN");
    await appErrorOf(generateReport(huyen, "thuc-hien-nhiem-vu", {}), "FORBIDDEN");
    await appErrorOf(generateReport(null, "xa-dat-chuan", {}), "UNAUTHENTICATED");
    expect((await generateReport(so, "xa-dat-chuan", { nam: "2024" })).unit.name).toBe("Tỉnh Quảng Bình");
  });

  it.each([
    [{ nam: "hai-nghin" }, "Tham số nam phải là một năm"],
    // from the first year of the 2016–2020 criteria to the year under way
    [{ nam: "1999" }, `Chỉ có số liệu các năm 2016–${ASSESSMENT_YEARS.at(-1)}.`],
    [{ tinh: "abc" }, "Tham số tinh phải là mã số của đơn vị"],
    [{ tinh: ["19", "20"] }, "Tham số tinh chỉ được ghi một lần."],
    [{ tinh: "999999" }, "Không có tỉnh, thành phố mã số 999999."],
  ])("refuses a bad query %j with a Vietnamese message", async (query, message) => {
    const err = await appErrorOf(generateReport(lanhdao, "xa-theo-nhom-tieu-chi", query), "VALIDATION");
    expect(err.message).toContain(message);
  });

  it("refuses a district after the reform, and a district id given as a province", async () => {
    const e1 = await appErrorOf(generateReport(lanhdao, "xa-theo-nhom-tieu-chi", { nam: "2026", huyen: String(huyen.unitId) }), "VALIDATION");
    expect(e1.message).toContain("Từ 1/7/2025 không còn cấp huyện");
    await appErrorOf(generateReport(lanhdao, "xa-theo-nhom-tieu-chi", { tinh: String(huyen.unitId) }), "VALIDATION");
  });
});

describe("GET /api/bao-cao/[report]", () => {
  const call = (path: string) => GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ report: path.split("?")[0].split("/").at(-1)! }) });

  it("sends the workbook as an attachment with an ASCII file name and its UTF-8 form", async () => {
    session.viewer = tinh;
    const res = await call("/api/bao-cao/xa-theo-nhom-tieu-chi?nam=2024");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toContain('attachment; filename="So xa theo nhom tieu chi - Tinh Thai Nguyen - 2024.xlsx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("Số xã theo nhóm tiêu chí - Tỉnh Thái Nguyên - 2024.xlsx")}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(readSheet(wb.worksheets[0]).header[1]).toBe("Huyện");
  });

  it("answers 403 out of scope, 400 for a bad query, 404 for an unknown report, 401 without a session — never 500", async () => {
    session.viewer = tinh;
    const forbidden = await call(`/api/bao-cao/xa-dat-chuan?tinh=${quangBinhId}`);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error).toContain("nằm ngoài phạm vi quản lý của bạn");
    const bad = await call("/api/bao-cao/xa-dat-chuan?nam=2019-2020");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("Tham số nam");
    const twice = await call("/api/bao-cao/xa-dat-chuan?nam=2024&nam=2023");
    expect(twice.status).toBe(400);
    expect((await call("/api/bao-cao/khong-co")).status).toBe(404);
    session.viewer = huyen;
    expect((await call("/api/bao-cao/thuc-hien-nhiem-vu")).status).toBe(403);
    session.viewer = null;
    expect((await call("/api/bao-cao/xa-dat-chuan")).status).toBe(401);
  });
});
