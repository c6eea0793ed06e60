// The whole authorisation matrix of the two processes a commune goes through:
// - its annual criteria report: enter values, send it, and the level above confirms or returns it;
// - its recognition: ask to be recognised, the district verifies, the province's council appraises,
//   the province decides (or returns the dossier at the step it holds), the commune sends a returned
//   dossier again; and the revocation of a title.
// Every account × every place × every operation, on the days the level above changes: 30/6/2025 (the
// district still stood) and 1/7/2025 (it did not), and for the communes formed on 1/7/2025 a later day.
// Each case starts from its own report, dossier or title written directly in the database. An
// allowed case must change it and write one audit row; a refused case must throw the expected
// AppError and change nothing (report, dossiers, titles, audit log). Each case also checks that
// the commune's page offers the step exactly when the service accepts it.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZSaveCriterion, ZTransition } from "@/lib/assessments/schemas";
import { actionsFor, saveCriterion, transitionAssessment } from "@/lib/assessments/service";
import type { ReportAction, ReportStatus } from "@/lib/assessments/workflow";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { recognitionView } from "@/lib/recognition/queries";
import type { DossierAction, DossierStatus } from "@/lib/recognition/rules";
import { ZDossierStep, ZPropose, ZRevoke } from "@/lib/recognition/schemas";
import { proposeRecognition, revokeRecognition, stepDossier } from "@/lib/recognition/service";
import { appErrorOf, clearRecognition, communeByCode, dayOf, putAssessment, putDossier, putTitle, snapshotAssessment, viewerOf } from "./helpers";
import { reportFigure } from "../figures";

// Years without demo data in which each place stood: the communes before the reform report on the
// 2016–2020 set (19 criteria), those formed on 1/7/2025 on the 2026–2030 set (10 criteria).
const OLD_YEAR = 2017;
const NEW_YEAR = 2027;

// ───────────── when ─────────────

/** The last day the districts stood, the first day without them, and a day of the new communes' years. */
const DAYS = { before: "2025-06-30", after: "2025-07-01", later: "2028-03-15" } as const;
type Day = keyof typeof DAYS;
const DAY_LABEL: Record<Day, string> = { before: "on 30/6/2025", after: "on 1/7/2025", later: "on 15/3/2028" };

// ───────────── who ─────────────

const ACCOUNTS = {
  admin: "admin@ntm.demo",
  adminTinh: "admin.tinh@ntm.demo", // an administrator of Thái Nguyên only
  lanhdao: "lanhdao@ntm.demo",
  tinh: "tinh@ntm.demo",
  huyen: "huyen@ntm.demo",
  xa: "xa@ntm.demo",
  so: "so@ntm.demo",
  bientap: "bientap@ntm.demo",
  // Not a demo account: a second province officer of Thái Nguyên bound to the province as it
  // stands since 1/7/2025 (created by this file), with the old province in scope by succession.
  tinhMoi: "tinh-2025@ntm.test",
} as const;
type Account = keyof typeof ACCOUNTS | "anonymous";

/** The office each account works for: what it does in the procedure follows from it. */
type Office = "admin" | "province" | "district" | "commune";
const OFFICE: Record<Account, Office | null> = {
  admin: "admin",
  adminTinh: "admin",
  lanhdao: null, // leadership reads
  tinh: "province",
  huyen: "district",
  xa: "commune",
  so: null, // a department reads
  bientap: null, // an editor writes news
  tinhMoi: "province",
  anonymous: null,
};

// ───────────── where ─────────────

type Place = "tanThanh" | "banDat" | "otherDistrict" | "caoBang" | "newTanThanh" | "newCaoBang";
const PLACES: Record<Place, { label: string; hasDistrict: boolean; days: readonly Day[] }> = {
  tanThanh: { label: "Xã Tân Thành (Phú Bình, Thái Nguyên)", hasDistrict: true, days: ["before", "after"] },
  banDat: { label: "Xã Bàn Đạt (Phú Bình, Thái Nguyên)", hasDistrict: true, days: ["before", "after"] },
  otherDistrict: { label: "a commune of another district of Thái Nguyên", hasDistrict: true, days: ["before", "after"] },
  caoBang: { label: "a commune of Cao Bằng (before 1/7/2025)", hasDistrict: true, days: ["before", "after"] },
  newTanThanh: { label: "Xã Tân Thành of Thái Nguyên formed on 1/7/2025 (no district)", hasDistrict: false, days: ["later"] },
  newCaoBang: { label: "a commune of Cao Bằng formed on 1/7/2025 (no district)", hasDistrict: false, days: ["later"] },
};
const ALL_PLACES = Object.keys(PLACES) as Place[];
const THAI_NGUYEN: Place[] = ["tanThanh", "banDat", "otherDistrict", "newTanThanh"];

/** The communes each account answers for (README, prisma/seed/users.ts). */
const SCOPE: Record<Account, readonly Place[]> = {
  admin: ALL_PLACES,
  adminTinh: THAI_NGUYEN,
  lanhdao: ALL_PLACES,
  tinh: THAI_NGUYEN, // today's province and, through succession, the old one
  huyen: ["tanThanh", "banDat"], // Huyện Phú Bình; no district after the reform
  xa: ["tanThanh"], // its own commune only — not Bàn Đạt of the same district
  so: [], // Sở KH&ĐT Quảng Bình
  bientap: THAI_NGUYEN,
  tinhMoi: THAI_NGUYEN,
  anonymous: [],
};

/** The district is the level above a commune that has one, on a day before 1/7/2025; the province otherwise. */
const districtReviews = (place: Place, day: Day) => PLACES[place].hasDistrict && DAYS[day] < "2025-07-01";
const yearOf = (place: Place) => (PLACES[place].hasDistrict ? OLD_YEAR : NEW_YEAR);

// ───────────── what ─────────────

type Op =
  | "save"
  | "submit"
  | "confirm"
  | "returnReport"
  | "propose"
  | "verify"
  | "returnSubmitted"
  | "appraise"
  | "returnVerified"
  | "returnAppraised"
  | "decide"
  | "resubmit"
  | "revoke";

/** Where a case starts: the report's status, then the dossier's status or a title in force. */
type Start = { report: ReportStatus; dossier?: DossierStatus; title?: true };

interface OpSpec {
  label: string;
  /** the state it acts on, with and without the district step (null: the step does not exist there) */
  from: (district: boolean) => Start | null;
  /** who does it, stated from the procedure (QĐ 18/2022/QĐ-TTg, the reporting rules) — not read from lib/authz */
  by: (district: boolean) => Office[];
}

const levelAbove = (district: boolean): Office => (district ? "district" : "province");

const OPS: Record<Op, OpSpec> = {
  // staff of the commune, the district and the province all enter values
  save: { label: "save a criterion of the draft report of", from: () => ({ report: "DRAFT" }), by: () => ["commune", "district", "province"] },
  // the commune sends its own report
  submit: { label: "send the draft report of", from: () => ({ report: "DRAFT" }), by: () => ["commune"] },
  // the level above on the day confirms it or returns it
  confirm: { label: "confirm the sent report of", from: () => ({ report: "SUBMITTED" }), by: (d) => [levelAbove(d)] },
  returnReport: { label: "return the sent report of", from: () => ({ report: "SUBMITTED" }), by: (d) => [levelAbove(d)] },
  // the commune asks to be recognised on its confirmed report meeting every criterion
  propose: { label: "ask to recognise", from: () => ({ report: "CONFIRMED" }), by: () => ["commune"] },
  // the district verifies (thẩm tra) while districts stand; asked after, the step is not there
  verify: { label: "verify the dossier of", from: () => ({ report: "CONFIRMED", dossier: "SUBMITTED" }), by: () => ["district"] },
  // whoever holds a sent dossier may return it: the district before 1/7/2025, the province after
  returnSubmitted: { label: "return the sent dossier of", from: () => ({ report: "CONFIRMED", dossier: "SUBMITTED" }), by: (d) => [levelAbove(d)] },
  // the province's council appraises: after the district's verification, or straight on without a district
  appraise: { label: "record the council's appraisal of", from: (d) => ({ report: "CONFIRMED", dossier: d ? "VERIFIED" : "SUBMITTED" }), by: () => ["province"] },
  returnVerified: { label: "return the verified dossier of", from: (d) => (d ? { report: "CONFIRMED", dossier: "VERIFIED" } : null), by: () => ["province"] },
  returnAppraised: { label: "return the appraised dossier of", from: () => ({ report: "CONFIRMED", dossier: "APPRAISED" }), by: () => ["province"] },
  // the chairman of the province signs; the office records the decision
  decide: { label: "record the recognition decision of", from: () => ({ report: "CONFIRMED", dossier: "APPRAISED" }), by: () => ["province"] },
  resubmit: { label: "send again the returned dossier of", from: () => ({ report: "CONFIRMED", dossier: "RETURNED" }), by: () => ["commune"] },
  revoke: { label: "revoke the title of", from: () => ({ report: "CONFIRMED", title: true }), by: () => ["province"] },
};
const ALL_OPS = Object.keys(OPS) as Op[];

type Outcome = "allowed" | ErrorCode;

function expectedOutcome(account: Account, place: Place, day: Day, op: Op): Outcome {
  if (account === "anonymous") return "UNAUTHENTICATED";
  const office = OFFICE[account];
  const district = districtReviews(place, day);
  if (office === null || (office !== "admin" && !OPS[op].by(district).includes(office))) return "FORBIDDEN";
  if (!SCOPE[account].includes(place)) return "FORBIDDEN";
  // no district that day: whoever may verify is told the dossier is not at that step
  if (op === "verify" && !district) return "CONFLICT";
  return "allowed";
}

interface Case {
  account: Account;
  place: Place;
  day: Day;
  op: Op;
  start: Start;
  outcome: Outcome;
}
const CASES: Case[] = (Object.keys(SCOPE) as Account[]).flatMap((account) =>
  ALL_PLACES.flatMap((place) =>
    PLACES[place].days.flatMap((day, i) =>
      ALL_OPS.flatMap((op): Case[] => {
        if (op === "save" && i > 0) return []; // entering values does not depend on the day
        const start = OPS[op].from(districtReviews(place, day));
        return start ? [{ account, place, day, op, start, outcome: expectedOutcome(account, place, day, op) }] : [];
      }),
    ),
  ),
);

// ───────────── fixtures ─────────────

const viewers = {} as Record<Account, Viewer | null>;
const communes = {} as Record<Place, { id: number; provinceId: number | null; districtId: number | null; type: string }>;
/** criterion 1 of each year's set: yes/no indicators only */
const firstCriterion: Record<number, { id: number; indicators: number[] }> = {};

const noTitleNorDossier = { dossiers: { none: {} }, recognitions: { none: {} } };

beforeAll(async () => {
  const tanThanh = await communeByCode("05923", "2025-03-01");
  const province = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "19", validTo: null } });
  const stoodIn2017 = { validFrom: { lte: new Date("2017-12-31") }, validTo: new Date("2025-07-01") };
  const otherDistrict = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", provinceId: tanThanh.provinceId, districtId: { not: tanThanh.districtId }, ...stoodIn2017, ...noTitleNorDossier },
    orderBy: { code: "asc" },
  });
  const caoBang = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", province: { code: "04" }, ...stoodIn2017, ...noTitleNorDossier },
    orderBy: { code: "asc" },
  });
  const newCaoBang = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", province: { code: "04" }, validTo: null, ...noTitleNorDossier },
    orderBy: { code: "asc" },
  });
  const ids: Record<Place, number> = {
    tanThanh: tanThanh.id,
    banDat: (await communeByCode("05911", "2025-03-01")).id,
    otherDistrict: otherDistrict.id,
    caoBang: caoBang.id,
    newTanThanh: (await communeByCode("05923", "2025-07-01")).id,
    newCaoBang: newCaoBang.id,
  };
  for (const [place, id] of Object.entries(ids)) {
    const unit = await db.adminUnit.findUniqueOrThrow({ where: { id }, include: { _count: { select: { recognitions: true, dossiers: true } } } });
    // the cases write titles and dossiers of these communes: none of the demo data's may be lost
    expect(unit._count, place).toEqual({ recognitions: 0, dossiers: 0 });
    expect(unit.districtId !== null, place).toBe(PLACES[place as Place].hasDistrict);
    communes[place as Place] = { id: unit.id, provinceId: unit.provinceId, districtId: unit.districtId, type: unit.type };
  }
  expect(communes.newTanThanh.provinceId).toBe(province.id);

  await db.user.upsert({
    where: { email: ACCOUNTS.tinhMoi },
    create: {
      email: ACCOUNTS.tinhMoi,
      name: "Cán bộ VPĐP tỉnh Thái Nguyên (từ 1/7/2025)",
      passwordHash: await bcrypt.hash(`x-${Math.random()}`, 10),
      role: "PROVINCE_OFFICER",
      unitId: province.id,
    },
    update: { role: "PROVINCE_OFFICER", unitId: province.id, active: true },
  });
  for (const [key, email] of Object.entries(ACCOUNTS)) viewers[key as Account] = await viewerOf(email);
  viewers.anonymous = null;
  for (const [year, code] of [[OLD_YEAR, "XA_2016_2020"], [NEW_YEAR, "XA_2026_2030"]] as const) {
    const criterion = await db.criterion.findFirstOrThrow({
      where: { number: 1, set: { code } },
      include: { indicators: { orderBy: { sortOrder: "asc" } } },
    });
    expect(criterion.indicators.every((i) => i.kind === "BOOLEAN")).toBe(true);
    firstCriterion[year] = { id: criterion.id, indicators: criterion.indicators.map((i) => i.id) };
  }
});

afterAll(async () => {
  const ids = Object.values(communes).map((c) => c.id);
  await clearRecognition(ids);
  await db.assessment.deleteMany({ where: { year: { in: [OLD_YEAR, NEW_YEAR, 2018] }, unitId: { in: ids } } });
});

/** Dates of a place's story on a day: the council met and the title was granted before it. */
function datesOf(place: Place, day: Day) {
  return PLACES[place].hasDistrict
    ? { verifiedOn: "2025-06-16", appraisedOn: "2025-06-23", titleOn: "2018-12-20" }
    : { verifiedOn: null, appraisedOn: "2028-03-02", titleOn: "2027-12-20" };
}

/**
 * The place's report of its year in the case's starting state, with criterion 1 saved (version 1):
 * an open report answers "no" to it; a confirmed one meets every criterion (it may be recognised).
 * Then the dossier or the title the case acts on. The commune holds nothing else.
 */
async function setUp(place: Place, day: Day, start: Start) {
  const unitId = communes[place].id;
  await clearRecognition([unitId]);
  const year = yearOf(place);
  const first = firstCriterion[year];
  const confirmed = start.report === "CONFIRMED";
  const values = Object.fromEntries(first.indicators.map((id) => [id, confirmed]));
  const report = await putAssessment({ unitId, year, status: start.report, results: confirmed ? "all-met" : ["NOT_MET"], values });
  expect(report.criteria[0].id).toBe(first.id);
  const dates = datesOf(place, day);
  const dossier = start.dossier
    ? await putDossier({
        unitId,
        reportId: report.id,
        status: start.dossier,
        submittedOn: dates.verifiedOn ? "2025-06-09" : "2028-02-20",
        verifiedOn: start.dossier === "VERIFIED" ? (dates.verifiedOn ?? undefined) : undefined,
        appraisedOn: start.dossier === "APPRAISED" ? dates.appraisedOn : undefined,
      })
    : null;
  const title = start.title ? await putTitle({ unitId, decisionDate: dates.titleOn }) : null;
  return { report, dossier, title, unitId, year, criterionId: first.id, indicators: first.indicators };
}
type Fixture = Awaited<ReturnType<typeof setUp>>;

const REPORT_ACTION: Partial<Record<Op, ReportAction>> = { submit: "submit", confirm: "confirm", returnReport: "return" };
const DOSSIER_ACTION: Partial<Record<Op, DossierAction>> = {
  verify: "verify",
  returnSubmitted: "return",
  appraise: "appraise",
  returnVerified: "return",
  returnAppraised: "return",
  decide: "decide",
  resubmit: "resubmit",
};

const RETURN_COMMENT = "Thiếu biên bản kiểm tra tiêu chí 1.";
const DOSSIER_RETURN_COMMENT = "Thiếu biên bản lấy ý kiến sự hài lòng của người dân.";

function run(viewer: Viewer | null, c: Case, fx: Fixture) {
  const today = dayOf(DAYS[c.day]);
  if (c.op === "save") {
    return saveCriterion(
      viewer,
      ZSaveCriterion.parse({
        communeId: fx.unitId,
        year: fx.year,
        criterionId: fx.criterionId,
        version: 1,
        values: Object.fromEntries(fx.indicators.map((id) => [String(id), "true"])),
        evidenceNote: "Biên bản kiểm tra ngày 12/10.",
      }),
    );
  }
  const reportAction = REPORT_ACTION[c.op];
  if (reportAction) {
    const input = ZTransition.parse({ action: reportAction, assessmentId: fx.report.id, version: fx.report.version, ...(reportAction === "return" ? { comment: RETURN_COMMENT } : {}) });
    return transitionAssessment(viewer, input, today);
  }
  if (c.op === "propose") return proposeRecognition(viewer, ZPropose.parse({ communeId: fx.unitId, year: fx.year }), today);
  if (c.op === "revoke") {
    return revokeRecognition(
      viewer,
      ZRevoke.parse({ recognitionId: fx.title!.id, version: fx.title!.version, revocationNumber: "99/QĐ-UBND", revocationDate: DAYS[c.day], reason: "Không còn đạt 9/19 tiêu chí.", confirmed: "on" }),
      today,
    );
  }
  const action = DOSSIER_ACTION[c.op]!;
  const details = {
    verify: { note: "Đã thẩm tra đủ hồ sơ." },
    appraise: { appraisedOn: DAYS[c.day], votesFor: "9", votesTotal: "15" },
    decide: { decisionNumber: "1234/QĐ-UBND", decisionDate: DAYS[c.day], signer: "Chủ tịch UBND tỉnh", confirmed: "on" },
    return: { comment: DOSSIER_RETURN_COMMENT },
    resubmit: {},
  }[action];
  return stepDossier(viewer, ZDossierStep.parse({ action, dossierId: fx.dossier!.id, version: fx.dossier!.version, ...details }), today);
}

/** Whether the commune's page offers the case's step to the viewer (the buttons the viewer sees). */
async function offered(viewer: Viewer, c: Case, fx: Fixture): Promise<boolean | null> {
  const today = dayOf(DAYS[c.day]);
  const reportAction = REPORT_ACTION[c.op];
  if (reportAction) return actionsFor(viewer, { status: c.start.report, unit: communes[c.place] }, today).includes(reportAction);
  if (c.op === "save") return null; // the entry form: lib/assessments/queries (canEdit), exercised by the e2e journeys
  const view = await recognitionView(viewer, communes[c.place], fx.year, today);
  if (c.op === "propose") return view.propose !== null && view.propose.problem === null;
  if (c.op === "revoke") return view.canRevoke;
  return view.openActions.includes(DOSSIER_ACTION[c.op]!);
}

const auditOf = (entityType: string, id: number, action: string) => db.auditLog.count({ where: { entityType, entityId: String(id), action } });

const WHO: Record<Account, string> = {
  admin: "the administrator",
  adminTinh: "the administrator of Thái Nguyên",
  lanhdao: "the leader",
  tinh: "the province officer of Thái Nguyên",
  huyen: "the district officer of Phú Bình",
  xa: "the commune officer of Tân Thành",
  so: "the department officer of Quảng Bình",
  bientap: "the editor",
  tinhMoi: "a second province officer of Thái Nguyên (bound to the province since 1/7/2025)",
  anonymous: "a signed-out visitor",
};
const caseName = (c: Case) =>
  `${WHO[c.account]} ${c.outcome === "allowed" ? "can" : "cannot"} ${OPS[c.op].label} ${PLACES[c.place].label}` +
  (c.op === "save" ? "" : ` ${DAY_LABEL[c.day]}`) +
  (c.outcome === "allowed" ? "" : ` (${c.outcome})`);

// ───────────── the matrix ─────────────

describe("authorisation matrix of annual reports, recognition and revocation", () => {
  for (const c of CASES) {
    it(caseName(c), async () => {
      const fx = await setUp(c.place, c.day, c.start);
      const viewer = viewers[c.account];
      if (viewer) {
        const shown = await offered(viewer, c, fx);
        if (shown !== null) expect(shown, "offered on the commune's page").toBe(c.outcome === "allowed");
      }
      const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
      const auditCount = await db.auditLog.count();

      if (c.outcome !== "allowed") {
        await appErrorOf(run(viewer, c, fx), c.outcome);
        expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
        return;
      }

      await run(viewer, c, fx);
      const day = dayOf(DAYS[c.day]);
      expect(await db.auditLog.count()).toBe(auditCount + 1);
      const report = await db.assessment.findUniqueOrThrow({ where: { id: fx.report.id }, include: { criterionResults: true, indicatorValues: true } });
      if (c.op === "save") {
        const result = report.criterionResults.find((r) => r.criterionId === fx.criterionId);
        expect(result).toMatchObject({ version: 2, status: "MET", updatedById: viewer!.id, evidenceNote: "Biên bản kiểm tra ngày 12/10." });
        expect(report.indicatorValues.filter((v) => fx.indicators.includes(v.indicatorId)).map((v) => v.boolValue)).toEqual(fx.indicators.map(() => true));
        expect(report.status).toBe("DRAFT");
        expect(await auditOf("Assessment", fx.report.id, "criterion.save")).toBe(1);
        return;
      }
      const reportAction = REPORT_ACTION[c.op];
      if (reportAction) {
        const to = { submit: "SUBMITTED", confirm: "CONFIRMED", return: "RETURNED" }[reportAction];
        expect(report).toMatchObject({ status: to, version: fx.report.version + 1, updatedById: viewer!.id });
        if (reportAction === "submit") expect(report).toMatchObject({ submittedAt: day, returnComment: null });
        if (reportAction === "confirm") expect(report).toMatchObject({ confirmedAt: day, confirmedById: viewer!.id });
        if (reportAction === "return") expect(report).toMatchObject({ returnComment: RETURN_COMMENT, confirmedAt: null });
        expect(await auditOf("Assessment", fx.report.id, `report.${reportAction}`)).toBe(1);
        return;
      }
      // the report a recognition rests on is never changed by it
      expect({ status: report.status, version: report.version }).toEqual({ status: "CONFIRMED", version: fx.report.version });
      if (c.op === "revoke") {
        const title = await db.recognition.findUniqueOrThrow({ where: { id: fx.title!.id } });
        expect(title).toMatchObject({ revocationNumber: "99/QĐ-UBND", revocationDate: day, revocationReason: "Không còn đạt 9/19 tiêu chí.", revokedById: viewer!.id, version: fx.title!.version + 1 });
        expect(await auditOf("Recognition", fx.title!.id, "recognition.revoke")).toBe(1);
        return;
      }
      if (c.op === "propose") {
        const dossier = await db.recognitionDossier.findFirstOrThrow({ where: { unitId: fx.unitId } });
        expect(dossier).toMatchObject({ status: "SUBMITTED", reportId: fx.report.id, level: "NTM", submittedAt: day, submittedById: viewer!.id, version: 1 });
        expect(await auditOf("RecognitionDossier", dossier.id, "recognition.propose")).toBe(1);
        return;
      }
      const action = DOSSIER_ACTION[c.op]!;
      const dossier = await db.recognitionDossier.findUniqueOrThrow({ where: { id: fx.dossier!.id }, include: { recognition: true } });
      const to = { verify: "VERIFIED", appraise: "APPRAISED", decide: "DECIDED", return: "RETURNED", resubmit: "SUBMITTED" }[action];
      expect(dossier).toMatchObject({ status: to, version: fx.dossier!.version + 1 });
      if (action === "verify") expect(dossier).toMatchObject({ verifiedAt: day, verifiedById: viewer!.id, verifyNote: "Đã thẩm tra đủ hồ sơ." });
      if (action === "appraise") expect(dossier).toMatchObject({ appraisedOn: day, appraisedById: viewer!.id, councilVotesFor: 9, councilVotesTotal: 15 });
      if (action === "return") expect(dossier.returnComment).toBe(DOSSIER_RETURN_COMMENT);
      if (action === "resubmit") expect(dossier).toMatchObject({ submittedAt: day, submittedById: viewer!.id, returnComment: null });
      if (action === "decide") {
        expect(dossier.recognition).toMatchObject({ unitId: fx.unitId, level: "NTM", setId: fx.report.setId, decisionNumber: "1234/QĐ-UBND", decisionDate: day, signer: "Chủ tịch UBND tỉnh", source: "PROCEDURE", revocationDate: null, createdById: viewer!.id });
      } else {
        expect(dossier.recognition).toBeNull();
      }
      expect(await auditOf("RecognitionDossier", fx.dossier!.id, `recognition.${action}`)).toBe(1);
    });
  }

  afterAll(() => {
    const count = (o: Outcome | "all") => CASES.filter((c) => o === "all" || c.outcome === o).length;
    reportFigure(
      `authorisation matrix, annual reports and recognition (service level, days 30/6/2025, 1/7/2025, 15/3/2028): ${count("all")} cases (${count("allowed")} allowed, ` +
        `${count("FORBIDDEN")} FORBIDDEN, ${count("UNAUTHENTICATED")} UNAUTHENTICATED, ${count("CONFLICT")} CONFLICT), each checked against the steps the commune's page offers`,
    );
  });
});

// ───────────── the rules around the matrix ─────────────

describe("annual report rules", () => {
  const save = (viewer: Viewer | null, fx: Fixture) => run(viewer, { account: "xa", place: "tanThanh", day: "before", op: "save", start: { report: "DRAFT" }, outcome: "allowed" }, fx);

  it("a save on a sent report is refused with LOCKED and changes nothing", async () => {
    const fx = await setUp("tanThanh", "before", { report: "SUBMITTED" });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(save(viewers.xa, fx), "LOCKED");
    expect(err.message).toMatch(/khóa/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it.each([
    ["a confirmed report", {}],
    ["a confirmed report with a recognition dossier under way", { dossier: "APPRAISED" as const }],
    ["a confirmed report of a commune holding the title", { title: true as const }],
  ])("%s is locked for every editor, even the administrator (corrections go through a request)", async (_label, extra) => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", ...extra });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    for (const account of ["admin", "tinh", "huyen", "xa"] as const) {
      const err = await appErrorOf(save(viewers[account], fx), "LOCKED");
      expect(err.message).toMatch(/đã được xác nhận/);
    }
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a returned report is editable again and can be sent again, which clears the return comment", async () => {
    const fx = await setUp("tanThanh", "before", { report: "RETURNED" });
    await db.assessment.update({ where: { id: fx.report.id }, data: { version: 4, returnComment: RETURN_COMMENT } });
    const saved = await save(viewers.xa, fx);
    expect(saved).toMatchObject({ status: "MET", version: 2 });
    const submitted = await transitionAssessment(viewers.xa, ZTransition.parse({ action: "submit", assessmentId: fx.report.id, version: 4 }), dayOf("2025-06-30"));
    expect(submitted).toMatchObject({ status: "SUBMITTED", version: 5 });
    const after = await db.assessment.findUniqueOrThrow({ where: { id: fx.report.id } });
    expect(after.returnComment).toBeNull();
    expect(after.submittedAt).toEqual(dayOf("2025-06-30"));
  });

  it("a report cannot skip a step: confirming a draft, or sending a confirmed report again, is refused with CONFLICT", async () => {
    for (const [status, action, who] of [["DRAFT", "confirm", "huyen"], ["CONFIRMED", "submit", "xa"], ["CONFIRMED", "return", "huyen"], ["RETURNED", "confirm", "huyen"]] as const) {
      const fx = await setUp("tanThanh", "before", { report: status });
      const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
      const input = ZTransition.parse({ action, assessmentId: fx.report.id, version: 1, ...(action === "return" ? { comment: RETURN_COMMENT } : {}) });
      const err = await appErrorOf(transitionAssessment(viewers[who], input, dayOf(DAYS.before)), "CONFLICT");
      expect(err.message, `${action} from ${status}`).toMatch(/trạng thái hiện tại/);
      expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
    }
  });

  it("the level above is decided by the day of the act, for a report of any year: the district on 30/6/2025, the province from 1/7/2025", async () => {
    const unit = communes.tanThanh;
    expect(actionsFor(viewers.huyen!, { status: "SUBMITTED", unit }, dayOf("2025-06-30")).sort()).toEqual(["confirm", "return"]);
    expect(actionsFor(viewers.tinh!, { status: "SUBMITTED", unit }, dayOf("2025-06-30"))).toEqual([]);
    expect(actionsFor(viewers.huyen!, { status: "SUBMITTED", unit }, dayOf("2025-07-01"))).toEqual([]);
    expect(actionsFor(viewers.tinh!, { status: "SUBMITTED", unit }, dayOf("2025-07-01")).sort()).toEqual(["confirm", "return"]);
    // a report of 2017 sent and confirmed on 1/7/2025: by the province
    const fx = await setUp("tanThanh", "after", { report: "SUBMITTED" });
    await appErrorOf(transitionAssessment(viewers.huyen, ZTransition.parse({ action: "confirm", assessmentId: fx.report.id, version: 1 }), dayOf("2025-07-01")), "FORBIDDEN");
    expect(await transitionAssessment(viewers.tinh, ZTransition.parse({ action: "confirm", assessmentId: fx.report.id, version: 1 }), dayOf("2025-07-01"))).toMatchObject({ status: "CONFIRMED" });
  });

  it("a transition with a stale version is refused with CONFLICT and changes nothing", async () => {
    const fx = await setUp("tanThanh", "before", { report: "DRAFT" });
    await db.assessment.update({ where: { id: fx.report.id }, data: { version: 3 } });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(transitionAssessment(viewers.xa, ZTransition.parse({ action: "submit", assessmentId: fx.report.id, version: 2 }), dayOf(DAYS.before)), "CONFLICT");
    expect(err.message).toMatch(/tải lại/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a save with a stale criterion version is refused with CONFLICT and changes nothing", async () => {
    const fx = await setUp("tanThanh", "before", { report: "DRAFT" });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const input = ZSaveCriterion.parse({ communeId: fx.unitId, year: fx.year, criterionId: fx.criterionId, version: 0, values: {} });
    await appErrorOf(saveCriterion(viewers.xa, input), "CONFLICT");
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });
});

describe("recognition rules", () => {
  const step = (viewer: Viewer | null, fx: Fixture, raw: Record<string, unknown>, day: string) =>
    stepDossier(viewer, ZDossierStep.parse({ dossierId: fx.dossier!.id, version: fx.dossier!.version, ...raw }), dayOf(day));

  it.each([
    ["a council that did not approve (7 of 15)", 7, 15, /chưa thông qua/],
    ["a tie (10 of 20)", 10, 20, /chưa thông qua/],
    ["more votes than members (16 of 15)", 16, 15, /lớn hơn/],
  ])("an appraisal with %s is refused and changes nothing", async (_label, votesFor, votesTotal, message) => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "VERIFIED" });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(step(viewers.tinh, fx, { action: "appraise", appraisedOn: "2025-06-27", votesFor, votesTotal }, DAYS.before), "VALIDATION");
    expect(err.message).toMatch(message);
    expect(err.fieldErrors?.votesFor).toBeDefined();
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("an appraisal by a bare majority (8 of 15) is accepted", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "VERIFIED" });
    expect(await step(viewers.tinh, fx, { action: "appraise", appraisedOn: "2025-06-27", votesFor: 8, votesTotal: 15 }, DAYS.before)).toMatchObject({ status: "APPRAISED" });
  });

  it("a council meeting dated after the day is refused next to its date", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "VERIFIED" });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(step(viewers.tinh, fx, { action: "appraise", appraisedOn: "2025-07-02", votesFor: 15, votesTotal: 15 }, DAYS.before), "VALIDATION");
    expect(err.fieldErrors?.appraisedOn?.[0]).toMatch(/không được sau ngày hôm nay/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a decision on a report corrected to 18/19 after it was appraised is refused (each step checks the report again) and changes nothing", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "APPRAISED" });
    // an approved correction left the report at 18 of 19 criteria, one of them "cơ bản đạt"
    const last = fx.report.criteria[18];
    await db.criterionResult.updateMany({ where: { assessmentId: fx.report.id, criterionId: last.id }, data: { status: "BASIC" } });
    await db.assessment.update({ where: { id: fx.report.id }, data: { criteriaMet: 18, reachedStandard: false, metMask: (1 << 18) - 1 } });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(step(viewers.tinh, fx, { action: "decide", decisionNumber: "55/QĐ-UBND", decisionDate: "2025-06-30", signer: "Chủ tịch UBND tỉnh", confirmed: "on" }, DAYS.before), "VALIDATION");
    expect(err.message).toMatch(/18\/19/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
    // it can still be returned to the commune
    expect(await step(viewers.tinh, fx, { action: "return", comment: "Báo cáo đã điều chỉnh còn 18/19 tiêu chí." }, DAYS.before)).toMatchObject({ status: "RETURNED" });
  });

  it("a step with a stale dossier version is refused with CONFLICT and changes nothing", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "SUBMITTED" });
    await db.recognitionDossier.update({ where: { id: fx.dossier!.id }, data: { version: 3 } });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(step(viewers.huyen, { ...fx, dossier: { ...fx.dossier!, version: 2 } }, { action: "verify" }, DAYS.before), "CONFLICT");
    expect(err.message).toMatch(/tải lại/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a dossier cannot skip a step: before 1/7/2025 the province cannot appraise what the district has not verified, nor decide before the council", async () => {
    const submitted = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "SUBMITTED" });
    let before = await snapshotAssessment({ unitId: submitted.unitId, year: submitted.year });
    await appErrorOf(step(viewers.tinh, submitted, { action: "appraise", appraisedOn: "2025-06-27", votesFor: 15, votesTotal: 15 }, DAYS.before), "CONFLICT");
    expect(await snapshotAssessment({ unitId: submitted.unitId, year: submitted.year })).toEqual(before);
    const verified = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "VERIFIED" });
    before = await snapshotAssessment({ unitId: verified.unitId, year: verified.year });
    await appErrorOf(step(viewers.tinh, verified, { action: "decide", decisionNumber: "56/QĐ-UBND", decisionDate: "2025-06-30", signer: "Chủ tịch UBND tỉnh", confirmed: "on" }, DAYS.before), "CONFLICT");
    // the district cannot verify twice, nor the commune send again a dossier under way
    await appErrorOf(step(viewers.huyen, verified, { action: "verify" }, DAYS.before), "CONFLICT");
    await appErrorOf(step(viewers.xa, verified, { action: "resubmit" }, DAYS.before), "CONFLICT");
    expect(await snapshotAssessment({ unitId: verified.unitId, year: verified.year })).toEqual(before);
  });

  it("a decided dossier takes no step any more, not even a return", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", dossier: "APPRAISED" });
    await step(viewers.tinh, fx, { action: "decide", decisionNumber: "57/QĐ-UBND", decisionDate: "2025-06-30", signer: "Chủ tịch UBND tỉnh", confirmed: "on" }, DAYS.before);
    const decided = { ...fx, dossier: { ...fx.dossier!, version: fx.dossier!.version + 1 } };
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    await appErrorOf(step(viewers.tinh, decided, { action: "return", comment: "Trả lại sau khi đã có quyết định." }, DAYS.before), "CONFLICT");
    await appErrorOf(step(viewers.admin, decided, { action: "decide", decisionNumber: "58/QĐ-UBND", decisionDate: "2025-06-30", signer: "Chủ tịch UBND tỉnh", confirmed: "on" }, DAYS.before), "CONFLICT");
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a revoked title cannot be revoked again", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED" });
    const title = await putTitle({ unitId: fx.unitId, decisionDate: "2018-12-20", revocationDate: "2024-03-01" });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(
      revokeRecognition(viewers.tinh, ZRevoke.parse({ recognitionId: title.id, version: title.version, revocationNumber: "98/QĐ-UBND", revocationDate: "2025-06-30", reason: "Không còn đạt tiêu chí.", confirmed: "on" }), dayOf(DAYS.before)),
      "CONFLICT",
    );
    expect(err.message).toMatch(/đã bị thu hồi/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a revocation dated before the decision or after the day is refused next to its date", async () => {
    const fx = await setUp("tanThanh", "before", { report: "CONFIRMED", title: true });
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    for (const [date, message] of [["2018-12-19", /trước ngày quyết định công nhận/], ["2025-07-01", /không được sau ngày hôm nay/]] as const) {
      const err = await appErrorOf(
        revokeRecognition(viewers.tinh, ZRevoke.parse({ recognitionId: fx.title!.id, version: fx.title!.version, revocationNumber: "97/QĐ-UBND", revocationDate: date, reason: "Không còn đạt tiêu chí.", confirmed: "on" }), dayOf(DAYS.before)),
        "VALIDATION",
      );
      expect(err.fieldErrors?.revocationDate?.[0]).toMatch(message);
    }
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });
});
