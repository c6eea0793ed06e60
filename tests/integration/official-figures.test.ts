// The figures of the Thái Nguyên seed article, rebuilt from the offices' own spreadsheets through
// the import — "103 xã đã được công nhận đạt chuẩn NTM, đạt tỷ lệ 72%; 11 xã đạt 15–18 tiêu chí,
// 29 xã đạt 10–14, không còn xã dưới 10 tiêu chí", as at 30/6/2020 — on a province built for the
// test whose 2016–2020 programme list holds 143 xã. Recognitions date from 2014 to 2020, some
// under the 2010–2015 criteria (QĐ 491/2009). The command line is run exactly as README writes it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_IMPORT } from "@/lib/authz";
import { db } from "@/lib/db";
import { importAssessments } from "@/lib/imports/service";
import { parse } from "csv-parse/sync";
import { communesToCsv, openCommunes, ZCommunesQuery } from "@/lib/stats/communes";
import { openStatistics, statsToCsv } from "@/lib/stats/open-data";
import { openApiDocument } from "@/lib/stats/openapi";
import { reportFigure } from "../figures";
import { TEST_PROVINCE_CODE } from "./helpers";

const PROVINCE = TEST_PROVINCE_CODE;
const N = 143;
const dir = mkdtempSync(join(tmpdir(), "ntm-history-"));
let provinceId = 0;
const communes: { id: number; code: string; name: string }[] = [];
const pad = (n: number) => String(n).padStart(3, "0");
const csv = (rows: unknown[][]) => stringify(rows);

beforeAll(async () => {
  const province = await db.adminUnit.create({
    data: { level: "PROVINCE", type: "TINH", code: PROVINCE, name: "Thử nghiệm", fullName: "Tỉnh Thử nghiệm", slug: "thu_nghiem", validFrom: new Date("2010-01-01T00:00:00Z"), region: "TDMNPB" },
  });
  provinceId = province.id;
  const district = await db.adminUnit.create({
    data: { level: "DISTRICT", type: "HUYEN", code: "998", name: "Thử nghiệm", fullName: "Huyện Thử nghiệm", slug: "thu_nghiem", validFrom: new Date("2010-01-01T00:00:00Z"), parentId: province.id, provinceId: province.id, region: "TDMNPB" },
  });
  for (let i = 1; i <= N; i++) {
    const c = await db.adminUnit.create({
      data: {
        level: "COMMUNE", type: "XA", code: `98${pad(i)}`, name: `Thử ${i}`, fullName: `Xã Thử ${i}`, slug: `thu_${i}`,
        validFrom: new Date("2010-01-01T00:00:00Z"), parentId: district.id, provinceId: province.id, districtId: district.id, region: "TDMNPB",
      },
    });
    communes.push({ id: c.id, code: c.code, name: c.name });
  }
});

afterAll(async () => {
  // units cannot be deleted once audit rows name them: they are given an empty validity instead
  await db.$executeRaw`UPDATE "AdminUnit" SET "validTo" = "validFrom" WHERE id = ANY(${[provinceId, ...communes.map((c) => c.id)]}::int[]) OR ("provinceId" = ${provinceId} AND level = 'DISTRICT')`;
  rmSync(dir, { recursive: true, force: true });
});

/** The offices' files: the programme list, 103 decisions (2014–2020), the 2020 reports confirmed in June. */
function files() {
  const list = [["Mã xã", "Tên xã", "Giai đoạn", "Căn cứ"], ...communes.map((c) => [c.code, c.name, "2016-2020", "Quyết định số 1234/QĐ-UBND ngày 12/5/2016 của UBND tỉnh Thử nghiệm"])];
  const titles = [
    ["Mã xã", "Tên xã", "Danh hiệu", "Bộ tiêu chí", "Số quyết định", "Ngày quyết định", "Người ký"],
    ...communes.slice(0, 103).map((c, i) => {
      const year = 2014 + (i % 7); // 2014 … 2020
      const set = year <= 2015 ? "491/2009" : "1980/2016";
      const date = year === 2020 ? `15/0${1 + (i % 5)}/2020` : `${10 + (i % 18)}/12/${year}`;
      return [c.code, c.name, "NTM", set, `${100 + i}/QĐ-UBND`, date, "Chủ tịch UBND tỉnh"];
    }),
  ];
  const met = (k: number) => Array.from({ length: 19 }, (_, j) => (j < k ? "Đạt" : "Chưa đạt"));
  const level = (i: number) => (i < 103 ? 19 : i < 114 ? 15 + (i % 4) : 10 + (i % 5)); // 103 · 11 at 15–18 · 29 at 10–14
  const reports = [
    ["Mã xã", "Tên xã", "Năm", "Ngày xác nhận", ...Array.from({ length: 19 }, (_, j) => `TC ${j + 1}`)],
    ...communes.map((c, i) => [c.code, c.name, 2020, "15/06/2020", ...met(level(i))]),
  ];
  const paths = { list: join(dir, "danh-sach.csv"), titles: join(dir, "quyet-dinh.csv"), reports: join(dir, "bao-cao-2020.csv") };
  writeFileSync(paths.list, csv(list));
  writeFileSync(paths.titles, csv(titles));
  writeFileSync(paths.reports, csv(reports));
  return paths;
}

/** `npm run import:assessments -- <file> [--dry-run]`, as README writes it (no --as: a system import). */
const npmImport = (...args: string[]) =>
  spawnSync("npm", ["run", "--silent", "import:assessments", "--", ...args], { env: { ...process.env }, encoding: "utf8", timeout: 120_000 });

describe("official figures rebuilt from the offices' spreadsheets", () => {
  let paths: ReturnType<typeof files>;
  beforeAll(() => {
    paths = files();
  });

  it("the command line checks a file of decisions without --as, and writes nothing", async () => {
    const run = npmImport(paths.titles, "--dry-run");
    expect(run.stderr + run.stdout).not.toMatch(/Cách dùng/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(await db.recognition.count({ where: { unitId: { in: communes.map((c) => c.id) } } })).toBe(0);
  }, 120_000); // the command line starts a process of its own

  it("the command line writes the decisions, audited as a system import", async () => {
    const run = npmImport(paths.titles);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const titles = await db.recognition.findMany({ where: { unitId: { in: communes.map((c) => c.id) } }, include: { set: true } });
    expect(titles).toHaveLength(103);
    expect(titles.filter((t) => t.set.code === "XA_2010_2015").length).toBeGreaterThan(0);
    const audit = await db.auditLog.findMany({ where: { action: "recognition.import", unitId: { in: communes.map((c) => c.id) } } });
    expect(audit).toHaveLength(103);
    expect(audit.every((a) => a.userId === null && (a.after as { by?: string }).by === "system-import")).toBe(true);
    // a second run changes nothing
    const again = npmImport(paths.titles);
    expect(again.status).toBe(0);
    expect(await db.recognition.count({ where: { unitId: { in: communes.map((c) => c.id) } } })).toBe(103);
  }, 180_000); // two runs of the command line

  it("the programme list and the confirmed 2020 reports go in through the same import", async () => {
    for (const [path, name] of [[paths.list, "danh-sach.csv"], [paths.reports, "bao-cao-2020.csv"]] as const) {
      const bytes = new Uint8Array(readFileSync(path));
      const dry = await importAssessments(SYSTEM_IMPORT, { name, bytes }, { dryRun: true });
      expect(dry.problems).toEqual([]);
      const applied = await importAssessments(SYSTEM_IMPORT, { name, bytes }, { dryRun: false });
      expect(applied.problems).toEqual([]);
      expect(applied.applied).toBe(true);
    }
    expect(await db.programmeListEntry.count({ where: { list: { provinceId } } })).toBe(N);
    expect(await db.assessment.count({ where: { unitId: { in: communes.map((c) => c.id) }, year: 2020, status: "CONFIRMED" } })).toBe(N);
  });

  it("says exactly what the seed article says, as at 30/6/2020, with the list it divides by", async () => {
    const s = await openStatistics({ tinh: PROVINCE, nam: 2020, "den-ngay": new Date("2020-06-30T00:00:00Z") });
    expect(s.recognised.text).toBe("103 xã đạt chuẩn NTM, đạt tỷ lệ 72%");
    expect(s.recognised).toMatchObject({ communes: 103, denominator: 143, percent: 72 });
    expect(s.recognised.denominatorSource).toContain("Quyết định số 1234/QĐ-UBND");
    expect(s.reports.bands).toEqual({ "19": 103, "15-18": 11, "10-14": 29, "5-9": 0, "<5": 0 });
    expect(s.notMaintained).toBe(0);
    reportFigure(`official figures: the seed article's province rebuilt through the import — ${s.recognised.text} (${s.recognised.communes}/${s.recognised.denominator}) as at ${s.asOf}`);
  });

  it("as at an earlier day, only the decisions signed by then count", async () => {
    const s = await openStatistics({ tinh: PROVINCE, nam: 2019, "den-ngay": new Date("2019-12-31T00:00:00Z") });
    const expected = communes.slice(0, 103).filter((_, i) => 2014 + (i % 7) <= 2019).length;
    expect(s.recognised.communes).toBe(expected);
  });

  it("lists every commune with its title and decision (/api/v1/xa), in JSON and in CSV for Excel set to Vietnamese", async () => {
    const data = await openCommunes(ZCommunesQuery.parse({ tinh: PROVINCE, nam: "2020", "den-ngay": "2020-06-30" }));
    expect(data.communes).toHaveLength(N);
    expect(data.communes.filter((c) => c.title === "NTM")).toHaveLength(103);
    const first = data.communes.find((c) => c.code === "98001")!;
    expect(first.decision).toMatchObject({ number: "100/QĐ-UBND", date: "2014-12-10", criteriaSet: expect.stringContaining("491") });
    expect(first.report).toMatchObject({ year: 2020, criteriaMet: 19, criteriaTotal: 19, confirmedAt: "2020-06-15" });
    const rows = parse(communesToCsv(data, ";").replace(/^\uFEFF/, ""), { delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(N);
    expect(rows[0]).toMatchObject({ ma_xa: "98001", danh_hieu: "Đạt chuẩn NTM", so_quyet_dinh: "100/QĐ-UBND", den_ngay: "2020-06-30" });
    expect(rows[0].giay_phep).toContain("CC BY 4.0");
    // the decimal mark of the semicolon variant is a comma, as Excel set to Vietnamese reads it
    const stats = await openStatistics({ tinh: PROVINCE, nam: 2020, "den-ngay": new Date("2020-06-30T00:00:00Z") });
    const line = parse(statsToCsv(stats, ";").replace(/^\uFEFF/, ""), { delimiter: ";", columns: true })[0] as Record<string, string>;
    expect(line.so_xa_dat_chuan_co_quyet_dinh).toBe("103");
    expect(line.binh_quan_tieu_chi).toMatch(/^\d+,\d+$/);
  });

  it("the query refuses a missing unit and a malformed day, in Vietnamese", () => {
    expect(ZCommunesQuery.safeParse({}).error?.issues[0].message).toMatch(/tinh hoặc huyen/);
    expect(ZCommunesQuery.safeParse({ tinh: "19", "den-ngay": "30/6/2020" }).error?.issues[0].message).toMatch(/yyyy-mm-dd/);
  });

  it("the OpenAPI document is generated from the same schemas the routes validate with", () => {
    const doc = openApiDocument("https://ntm.example") as { paths: Record<string, { get: { parameters: { name: string }[] } }>; info: { license: { name: string } } };
    expect(Object.keys(doc.paths)).toEqual(["/api/v1/thong-ke", "/api/v1/xa"]);
    expect(doc.paths["/api/v1/xa"].get.parameters.map((p) => p.name)).toEqual(Object.keys(ZCommunesQuery.shape));
    expect(doc.paths["/api/v1/thong-ke"].get.parameters.map((p) => p.name)).toContain("den-ngay");
    expect(doc.info.license.name).toBe("CC BY 4.0");
  });

  it("never compares two criteria sets: 2026 against 2025 draws no difference, and the trend keeps one series per set", async () => {
    const { headlineTable, trendTable } = await import("@/lib/dashboard/tables");
    const { NATION } = await import("@/lib/dashboard/scope");
    const request = { unit: NATION, year: 2026, asOf: new Date("2026-11-30T00:00:00Z"), byTodaysProvinces: false, publicOnly: true, basePath: "/so-lieu" };
    const h = await headlineTable(request);
    expect(h.comparable).toBe(false);
    for (const row of h.table.rows) {
      expect(row.before).toBeNull();
      expect(row.change).toBeNull();
    }
    expect(h.table.subtitle).toMatch(/hai bộ tiêu chí khác nhau/);
    const same = await headlineTable({ ...request, year: 2024, asOf: new Date("2024-12-31T00:00:00Z") });
    expect(same.comparable).toBe(true);
    const trend = await trendTable(request, 2019, 2026);
    expect(trend.rows.map((r) => r.set)).toEqual(["1980/QĐ-TTg", "1980/QĐ-TTg", "1980/QĐ-TTg", "318/QĐ-TTg", "318/QĐ-TTg", "318/QĐ-TTg", "318/QĐ-TTg", "51/2025/QĐ-TTg"]);
    // a year without confirmed reports is a gap, never a zero
    const later = await trendTable(request, 2027, 2027).catch(() => null);
    if (later) expect(later.rows[0].confirmed).toBeNull();
  });
});
