// Bad input to the assessment service — what a form or a hand-made request can send — is refused
// with a clear Vietnamese message and changes nothing; good input is stored as typed and scored
// against the commune's own thresholds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZSaveCriterion } from "@/lib/assessments/schemas";
import { attachEvidence, saveCriterion } from "@/lib/assessments/service";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { pdfOfSize } from "../upload-fixtures";
import { appErrorOf, communeByCode, putAssessment, snapshotAssessment, viewerOf } from "./helpers";

const YEAR = 2017; // criteria set 2016–2020 (19 criteria, thresholds by region); no demo data

let xa: Viewer;
let admin: Viewer;
let tanThanh: { id: number; region: string | null };
let banDat: number;
/** criterion 3 (Thủy lợi) of the 2016–2020 set: 3.1 a percentage (≥ 80%, ≥ 70% in TDMNPB), 3.2 yes/no */
const c3 = { id: 0, percent: 0, yesNo: 0 };
/** criterion 1 (Quy hoạch): two yes/no indicators */
const c1 = { id: 0, indicators: [] as number[] };
/** an indicator of criterion 2 */
let otherIndicator = 0;
let startedAt: Date;

beforeAll(async () => {
  startedAt = new Date();
  [xa, admin] = await Promise.all([viewerOf("xa@ntm.demo"), viewerOf("admin@ntm.demo")]);
  tanThanh = await communeByCode("05923", "2025-03-01");
  expect(tanThanh.region).toBe("TDMNPB");
  banDat = (await communeByCode("05911", "2025-03-01")).id;
  const criteria = await db.criterion.findMany({
    where: { set: { code: "XA_2016_2020" }, number: { in: [1, 2, 3] } },
    include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } },
    orderBy: { number: "asc" },
  });
  const [one, two, three] = criteria;
  expect(three.indicators.map((i) => i.kind)).toEqual(["PERCENT", "BOOLEAN"]);
  const thresholds = three.indicators[0].thresholds.map((t) => [t.region, Number(t.value)]);
  expect(thresholds).toEqual(expect.arrayContaining([[null, 80], ["TDMNPB", 70]]));
  Object.assign(c3, { id: three.id, percent: three.indicators[0].id, yesNo: three.indicators[1].id });
  expect(one.indicators.every((i) => i.kind === "BOOLEAN")).toBe(true);
  Object.assign(c1, { id: one.id, indicators: one.indicators.map((i) => i.id) });
  otherIndicator = two.indicators[0].id;
});

afterAll(async () => {
  await db.assessment.deleteMany({ where: { year: { in: [YEAR, 2016] }, unitId: { in: [tanThanh.id, banDat] } } });
  await db.storedFile.deleteMany({ where: { uploadedById: xa.id, createdAt: { gte: startedAt }, evidence: { none: {} } } });
});

const save = (viewer: Viewer | null, raw: Record<string, unknown>) =>
  saveCriterion(viewer, ZSaveCriterion.parse({ communeId: tanThanh.id, year: YEAR, criterionId: c3.id, version: 1, ...raw }));

/** The stored files and their content, counted: what a refused upload must leave as it was. */
const storedFiles = async () => ({ files: await db.storedFile.count(), chunks: await db.storedFileChunk.count() });

/** Tân Thành's dossier for the year, DRAFT, with criterion 3 saved once through the service (85,5% and "Đạt"). */
async function openDossier() {
  const fx = await putAssessment({ unitId: tanThanh.id, year: YEAR, status: "DRAFT" });
  await save(xa, { version: 0, values: { [c3.percent]: "85,5", [c3.yesNo]: "true" }, evidenceNote: "Báo cáo thủy lợi 2017." });
  return fx;
}

describe("a dossier only for a year the commune stood", () => {
  // Tân Thành of 1/3/2025 stood until the reform of 1/7/2025 (and stands for the years before it)
  it.each([2010, 2015, 2026, 2030])("%i is refused with a Vietnamese message and nothing is written", async (year) => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year });
    const input = { communeId: tanThanh.id, year, criterionId: c3.id, version: 0, values: { [c3.percent]: "90", [c3.yesNo]: "true" } };
    const parsed = ZSaveCriterion.safeParse(input);
    if (parsed.success) {
      const err = await appErrorOf(saveCriterion(admin, parsed.data), "VALIDATION");
      expect(err.message).toMatch(/không có trong danh mục đơn vị hành chính năm/);
    } else {
      expect(parsed.error.issues[0].message).toMatch(/Năm đánh giá từ 2016 đến 2030/);
    }
    expect(await snapshotAssessment({ unitId: tanThanh.id, year })).toEqual(before);
    expect(await db.assessment.count({ where: { unitId: tanThanh.id, year } })).toBe(0);
  });
});

describe("bad indicator values are refused with a Vietnamese message and change nothing", () => {
  beforeEach(openDossier);

  const cases: [string, () => Record<string, string | null>, () => string, RegExp][] = [
    ["text in a number field", () => ({ [c3.percent]: "tám mươi lăm", [c3.yesNo]: "true" }), () => `values.${c3.percent}`, /số/],
    ["a number with letters", () => ({ [c3.percent]: "85,5abc", [c3.yesNo]: "true" }), () => `values.${c3.percent}`, /số/],
    ["a negative percentage", () => ({ [c3.percent]: "-5", [c3.yesNo]: "true" }), () => `values.${c3.percent}`, /âm/],
    ["a percentage over 100", () => ({ [c3.percent]: "100,5", [c3.yesNo]: "true" }), () => `values.${c3.percent}`, /100%/],
    ["a yes/no answer that is neither", () => ({ [c3.percent]: "90", [c3.yesNo]: "có" }), () => `values.${c3.yesNo}`, /Đạt hoặc Không đạt/],
    ["an indicator id of another criterion", () => ({ [c3.percent]: "90", [c3.yesNo]: "true", [otherIndicator]: "50" }), () => `values.${otherIndicator}`, /không thuộc tiêu chí/],
    ["an indicator id that does not exist", () => ({ [c3.percent]: "90", [c3.yesNo]: "true", "999999": "1" }), () => "values.999999", /không thuộc tiêu chí/],
  ];

  it.each(cases)("%s", async (_label, values, field, message) => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    const err = await appErrorOf(save(xa, { values: values() }), "VALIDATION");
    expect(err.message).toMatch(/chưa hợp lệ/);
    expect(err.fieldErrors?.[field()]?.[0]).toMatch(message);
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
  });

  it("reports every wrong field at once", async () => {
    const err = await appErrorOf(save(xa, { values: { [c3.percent]: "-1", [c3.yesNo]: "x" } }), "VALIDATION");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual([`values.${c3.percent}`, `values.${c3.yesNo}`].sort());
  });

  it.each([
    ["no reason", ""],
    ["a reason of blanks only", "   "],
  ])("a manual status with %s is refused", async (_label, reason) => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    const err = await appErrorOf(save(xa, { values: { [c3.percent]: "60", [c3.yesNo]: "true" }, overrideStatus: "MET", overrideReason: reason }), "VALIDATION");
    expect(err.fieldErrors?.overrideReason?.[0]).toMatch(/lý do/);
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
  });

  it("a criterion id of another criteria set (another phase) is refused", async () => {
    const later = await db.criterion.findFirstOrThrow({ where: { number: 3, set: { code: "XA_2021_2025" } } });
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    const err = await appErrorOf(save(xa, { criterionId: later.id, version: 0, values: {} }), "NOT_FOUND");
    expect(err.message).toMatch(/không thuộc bộ tiêu chí/);
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
  });

  it("a commune officer cannot save for another commune by changing the commune id", async () => {
    const before = [await snapshotAssessment({ unitId: tanThanh.id, year: YEAR }), await snapshotAssessment({ unitId: banDat, year: YEAR })];
    const err = await appErrorOf(save(xa, { communeId: banDat, version: 0, values: { [c3.percent]: "90", [c3.yesNo]: "true" } }), "FORBIDDEN");
    expect(err.message).toMatch(/phạm vi/);
    expect([await snapshotAssessment({ unitId: tanThanh.id, year: YEAR }), await snapshotAssessment({ unitId: banDat, year: YEAR })]).toEqual(before);
    expect(await db.assessment.count({ where: { unitId: banDat, year: YEAR } })).toBe(0);
  });

  it("a unit id that is not a commune is refused", async () => {
    const district = await db.adminUnit.findFirstOrThrow({ where: { level: "DISTRICT", code: "173" } });
    const err = await appErrorOf(save(admin, { communeId: district.id, version: 0, values: {} }), "NOT_FOUND");
    expect(err.message).toMatch(/xã/);
  });

  it("a refused first save does not create an empty dossier", async () => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: 2016 });
    await appErrorOf(save(xa, { year: 2016, criterionId: c3.id, version: 0, values: { [c3.percent]: "abc" } }), "VALIDATION");
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: 2016 })).toEqual(before);
  });

  it.each([
    ["a commune id that is not a number", { communeId: "xa-tan-thanh" }],
    ["a year outside the programme", { year: 2040 }],
    ["a negative version", { version: -1 }],
    ["a value of more than 40 characters", { values: { "1": "9".repeat(41) } }],
    ["an indicator key that is not an id", { values: { "1 OR 1=1": "5" } }],
  ])("the form schema refuses %s", (_label, patch) => {
    const r = ZSaveCriterion.safeParse({ communeId: tanThanh.id, year: YEAR, criterionId: c3.id, version: 1, values: {}, ...patch });
    expect(r.success).toBe(false);
  });
});

describe("evidence files", () => {
  const pdf = (size: number) => pdfOfSize(size);
  const attach = (viewer: Viewer | null, name: string, bytes: Uint8Array, size = bytes.length) =>
    attachEvidence(viewer, { communeId: tanThanh.id, year: YEAR, criterionId: c3.id, file: { name, size, bytes } });

  let filesBefore: { files: number; chunks: number };
  beforeEach(async () => {
    await openDossier();
    filesBefore = await storedFiles();
  });

  it.each([
    ["a 50 MB PDF", "bao-cao.pdf", () => pdf(50 * 1024 * 1024), /10 MB/],
    ["a Linux executable renamed .pdf", "bao-cao.pdf", () => Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array<number>(56).fill(0)]), /Định dạng/],
    ["a Windows executable renamed .pdf", "bao-cao.pdf", () => Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...Array<number>(56).fill(0)]), /Định dạng/],
    ["an HTML page renamed .pdf", "bao-cao.pdf", () => new TextEncoder().encode("<html><script>alert(1)</script></html>"), /Định dạng/],
    ["an empty file", "bao-cao.pdf", () => new Uint8Array(0), /rỗng/],
  ])("%s is refused, leaving no row and no file", async (_label, name, bytes, message) => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    const err = await appErrorOf(attach(xa, name, bytes()), "VALIDATION");
    expect(err.message).toMatch(message);
    expect(err.fieldErrors?.file?.[0]).toMatch(message);
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  // The service is given the bytes and, separately, a size: it checks the size it is told and
  // records it in StoredFile.size. Today's action passes File.size, but the service is the boundary
  // and should measure what it stores (bytes.length).
  it("a 50 MB file is refused even when its declared size is small", async () => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    await appErrorOf(attach(xa, "bao-cao.pdf", pdf(50 * 1024 * 1024), 1024), "VALIDATION");
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
  });

  it("evidence for another commune is refused", async () => {
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    await appErrorOf(attachEvidence(xa, { communeId: banDat, year: YEAR, criterionId: c3.id, file: { name: "a.pdf", size: 1024, bytes: pdf(1024) } }), "FORBIDDEN");
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("evidence for a criterion not saved yet is refused", async () => {
    const err = await appErrorOf(attachEvidence(xa, { communeId: tanThanh.id, year: YEAR, criterionId: c1.id, file: { name: "a.pdf", size: 1024, bytes: pdf(1024) } }), "VALIDATION");
    expect(err.message).toMatch(/lưu tiêu chí/);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("evidence on a submitted dossier is refused with LOCKED, and neither the file nor its content is stored", async () => {
    await db.assessment.updateMany({ where: { unitId: tanThanh.id, year: YEAR }, data: { status: "SUBMITTED" } });
    const before = await snapshotAssessment({ unitId: tanThanh.id, year: YEAR });
    await appErrorOf(attach(xa, "bao-cao.pdf", pdf(2048)), "LOCKED");
    expect(await snapshotAssessment({ unitId: tanThanh.id, year: YEAR })).toEqual(before);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("a small PDF is stored, linked to the criterion and audited", async () => {
    const audit = await db.auditLog.count({ where: { action: "criterion.evidence" } });
    const r = await attach(xa, "Biên bản nghiệm thu.pdf", pdf(4096));
    expect(r.fileName).toBe("Biên bản nghiệm thu.pdf");
    const stored = await db.storedFile.findUniqueOrThrow({ where: { id: r.fileId }, include: { evidence: { include: { criterionResult: true } } } });
    expect(stored).toMatchObject({ mimeType: "application/pdf", size: 4096 });
    expect(stored.evidence.map((e) => e.criterionResult.criterionId)).toEqual([c3.id]);
    expect(await storedFiles()).toEqual({ files: filesBefore.files + 1, chunks: filesBefore.chunks + 1 });
    expect(Buffer.from((await db.storedFileChunk.findUniqueOrThrow({ where: { fileId_seq: { fileId: r.fileId, seq: 0 } } })).bytes).equals(Buffer.from(pdf(4096)))).toBe(true);
    expect(await db.auditLog.count({ where: { action: "criterion.evidence" } })).toBe(audit + 1);
  });
});

describe("good values are stored as typed and scored against the commune's threshold", () => {
  beforeEach(async () => {
    await putAssessment({ unitId: tanThanh.id, year: YEAR, status: "DRAFT" });
  });

  const stored = async (indicatorId: number) => {
    const v = await db.indicatorValue.findFirstOrThrow({ where: { indicatorId, assessment: { unitId: tanThanh.id, year: YEAR } } });
    return { value: v.numberValue === null ? v.boolValue : Number(v.numberValue), met: v.met };
  };

  it('"85,5" is stored as 85.5 and the criterion is met', async () => {
    const r = await save(xa, { version: 0, values: { [c3.percent]: "85,5", [c3.yesNo]: "true" } });
    expect(r).toMatchObject({ status: "MET", computedStatus: "MET", version: 1 });
    expect(await stored(c3.percent)).toEqual({ value: 85.5, met: true });
    expect(await stored(c3.yesNo)).toEqual({ value: true, met: true });
  });

  it("75,5% meets the 70% target of the commune's region although the general target is 80%", async () => {
    const r = await save(xa, { version: 0, values: { [c3.percent]: "75,5", [c3.yesNo]: "true" } });
    expect(r.status).toBe("MET");
    expect(await stored(c3.percent)).toEqual({ value: 75.5, met: true });
  });

  it("75,5% does not meet the general 80% target in a commune of a region without its own target", async () => {
    const quangBinh = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", province: { code: "44" }, region: "BTB", validTo: new Date("2025-07-01") }, orderBy: { code: "asc" } });
    await putAssessment({ unitId: quangBinh.id, year: YEAR, status: "DRAFT" });
    try {
      const r = await save(admin, { communeId: quangBinh.id, version: 0, values: { [c3.percent]: "75,5", [c3.yesNo]: "true" } });
      expect(r.status).toBe("BASIC"); // 4.5 points short of 80: within 10%
      const v = await db.indicatorValue.findFirstOrThrow({ where: { indicatorId: c3.percent, assessment: { unitId: quangBinh.id, year: YEAR } } });
      expect(v.met).toBe(false);
    } finally {
      await db.assessment.deleteMany({ where: { unitId: quangBinh.id, year: YEAR } });
    }
  });

  it.each([
    ["65% against 70% (7% short)", "65", "BASIC"],
    ["63% against 70% (exactly 10% short)", "63", "BASIC"],
    ["62,9% against 70% (more than 10% short)", "62,9", "NOT_MET"],
    ["70% (the target itself)", "70", "MET"],
  ])("%s gives %s", async (_label, value, status) => {
    const r = await save(xa, { version: 0, values: { [c3.percent]: value, [c3.yesNo]: "true" } });
    expect(r.status).toBe(status);
  });

  it("a value within 10% does not make the criterion basic when a yes/no indicator is not met", async () => {
    const r = await save(xa, { version: 0, values: { [c3.percent]: "65", [c3.yesNo]: "false" } });
    expect(r.status).toBe("NOT_MET");
  });

  it("a manual status with a reason is stored next to the computed one", async () => {
    const r = await save(xa, { version: 0, values: { [c3.percent]: "60", [c3.yesNo]: "true" }, overrideStatus: "MET", overrideReason: "Đã hoàn thành kênh N2 sau ngày chốt số liệu." });
    expect(r).toMatchObject({ status: "MET", computedStatus: "NOT_MET", criteriaMet: 1 });
    const result = await db.criterionResult.findFirstOrThrow({ where: { criterionId: c3.id, assessment: { unitId: tanThanh.id, year: YEAR } } });
    expect(result).toMatchObject({ overrideStatus: "MET", overrideReason: "Đã hoàn thành kênh N2 sau ngày chốt số liệu." });
  });

  it("each save updates the commune's x/19", async () => {
    const assessmentRow = () => db.assessment.findFirstOrThrow({ where: { unitId: tanThanh.id, year: YEAR } });
    const first = await save(xa, { version: 0, values: { [c3.percent]: "85,5", [c3.yesNo]: "true" } });
    expect(first).toMatchObject({ criteriaMet: 1, criteriaTotal: 19 });
    expect(await assessmentRow()).toMatchObject({ criteriaMet: 1, criteriaTotal: 19, reachedStandard: false });

    const second = await save(xa, { criterionId: c1.id, version: 0, values: Object.fromEntries(c1.indicators.map((id) => [id, "true"])) });
    expect(second).toMatchObject({ criteriaMet: 2, criteriaTotal: 19 });
    expect(await assessmentRow()).toMatchObject({ criteriaMet: 2 });

    const third = await save(xa, { version: 1, values: { [c3.percent]: "65", [c3.yesNo]: "true" } }); // now only basic
    expect(third).toMatchObject({ status: "BASIC", version: 2, criteriaMet: 1 });
    expect(await assessmentRow()).toMatchObject({ criteriaMet: 1, criteriaTotal: 19, reachedStandard: false });
  });

  it("clearing a value stores no value and leaves the criterion not met", async () => {
    await save(xa, { version: 0, values: { [c3.percent]: "85,5", [c3.yesNo]: "true" } });
    const r = await save(xa, { version: 1, values: { [c3.percent]: "", [c3.yesNo]: "true" } });
    expect(r).toMatchObject({ status: "NOT_MET", criteriaMet: 0 });
    expect(await stored(c3.percent)).toEqual({ value: null, met: null });
  });
});
