// The whole authorisation matrix of assessment writes: every account × every operation × communes
// inside and outside its scope, with and without the district step. Each case starts from its own
// dossier written directly in the database; an allowed case must change the dossier and write one
// audit row, a refused case must throw the expected AppError and change nothing.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZSaveCriterion, ZTransition, type TTransition } from "@/lib/assessments/schemas";
import { actionsFor, saveCriterion, transitionAssessment } from "@/lib/assessments/service";
import { TRANSITIONS, type WorkflowAction, type WorkflowStatus } from "@/lib/assessments/workflow";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { appErrorOf, communeByCode, putAssessment, snapshotAssessment, viewerOf } from "./helpers";
import { reportFigure } from "../figures";

// years without demo data in which each place stood: before the reform the 2016–2020 set (19
// criteria), after it the 2026–2030 set (10 criteria)
const OLD_YEAR = 2017;
const NEW_YEAR = 2030;

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
  // Not a demo account: a province officer of Thái Nguyên bound to the province as it stands since
  // 1/7/2025 (created by this file). It shows the province's path for communes without a district.
  tinhMoi: "tinh-2025@ntm.test",
} as const;
type Account = keyof typeof ACCOUNTS | "anonymous";

// ───────────── where ─────────────

type Place = "tanThanh" | "banDat" | "otherDistrict" | "caoBang" | "newTanThanh" | "newCaoBang";
const PLACES: Record<Place, { label: string; districtStep: boolean }> = {
  tanThanh: { label: "Xã Tân Thành (Phú Bình, Thái Nguyên)", districtStep: true },
  banDat: { label: "Xã Bàn Đạt (Phú Bình, Thái Nguyên)", districtStep: true },
  otherDistrict: { label: "a commune of another district of Thái Nguyên", districtStep: true },
  caoBang: { label: "a commune of Cao Bằng (before 1/7/2025)", districtStep: true },
  newTanThanh: { label: "Xã Tân Thành of Thái Nguyên after 1/7/2025 (no district)", districtStep: false },
  newCaoBang: { label: "a commune of Cao Bằng after 1/7/2025 (no district)", districtStep: false },
};
const ALL_PLACES = Object.keys(PLACES) as Place[];
const THAI_NGUYEN: Place[] = ["tanThanh", "banDat", "otherDistrict", "newTanThanh"];

/** The communes each account answers for (README, prisma/seed/users.ts). */
const SCOPE: Record<Account, readonly Place[]> = {
  admin: ALL_PLACES,
  adminTinh: THAI_NGUYEN,
  lanhdao: ALL_PLACES,
  tinh: THAI_NGUYEN, // its province, before and after the reform
  huyen: ["tanThanh", "banDat"], // Huyện Phú Bình; no district after the reform
  xa: ["tanThanh"], // its own commune only — not Bàn Đạt of the same district
  so: [], // Sở KH&ĐT Quảng Bình
  bientap: THAI_NGUYEN,
  tinhMoi: THAI_NGUYEN, // the new province and, through succession, the old one
  anonymous: [],
};

// ───────────── what ─────────────

type Op = "save" | "submit" | "verify" | "returnDistrictTurn" | "appraise" | "returnProvinceTurn" | "recognise" | "returnAppraised" | "revoke";

/**
 * Each operation, the status its dossier starts in (with and without the district step; absent =
 * the operation does not exist there) and the action it calls.
 */
const OPS: Record<Op, { label: string; action: WorkflowAction | "save"; from: { district?: WorkflowStatus; noDistrict?: WorkflowStatus } }> = {
  save: { label: "save a criterion of", action: "save", from: { district: "DRAFT", noDistrict: "DRAFT" } },
  submit: { label: "submit the dossier of", action: "submit", from: { district: "DRAFT", noDistrict: "DRAFT" } },
  verify: { label: "verify the submitted dossier of", action: "verify", from: { district: "SUBMITTED", noDistrict: "SUBMITTED" } },
  returnDistrictTurn: { label: "return the submitted dossier (district's turn) of", action: "return", from: { district: "SUBMITTED" } },
  appraise: { label: "appraise the dossier of", action: "appraise", from: { district: "VERIFIED", noDistrict: "SUBMITTED" } },
  returnProvinceTurn: { label: "return the dossier under provincial review of", action: "return", from: { district: "VERIFIED", noDistrict: "SUBMITTED" } },
  recognise: { label: "recognise", action: "recognise", from: { district: "APPRAISED", noDistrict: "APPRAISED" } },
  returnAppraised: { label: "return the appraised dossier of", action: "return", from: { district: "APPRAISED", noDistrict: "APPRAISED" } },
  revoke: { label: "revoke the recognition of", action: "revoke", from: { district: "RECOGNISED", noDistrict: "RECOGNISED" } },
};

/**
 * What each account may do to a dossier in its scope, stated from the procedure (QĐ 2540/2016,
 * QĐ 18/2022) and the roles — not read back from lib/authz. Staff of the commune, district and
 * province may all enter values; only the commune submits; the district verifies and returns while
 * it holds the dossier; the province appraises, returns while it holds the dossier, recognises and
 * revokes. Leadership, departments and editors change no assessment.
 */
const MAY: Record<Account, readonly Op[]> = {
  admin: Object.keys(OPS) as Op[],
  adminTinh: Object.keys(OPS) as Op[],
  lanhdao: [],
  tinh: ["save", "appraise", "returnProvinceTurn", "recognise", "returnAppraised", "revoke"],
  huyen: ["save", "verify", "returnDistrictTurn"],
  xa: ["save", "submit"],
  so: [],
  bientap: [],
  tinhMoi: ["save", "appraise", "returnProvinceTurn", "recognise", "returnAppraised", "revoke"],
  anonymous: [],
};

type Outcome = "allowed" | ErrorCode;

function expectedOutcome(account: Account, place: Place, op: Op): Outcome {
  if (account === "anonymous") return "UNAUTHENTICATED";
  if (!MAY[account].includes(op) || !SCOPE[account].includes(place)) return "FORBIDDEN";
  // no district, no verification: whoever may verify is told the dossier is not in a state for it
  if (op === "verify" && !PLACES[place].districtStep) return "CONFLICT";
  return "allowed";
}

interface Case {
  account: Account;
  place: Place;
  op: Op;
  from: WorkflowStatus;
  outcome: Outcome;
}
const CASES: Case[] = (Object.keys(SCOPE) as Account[]).flatMap((account) =>
  ALL_PLACES.flatMap((place) =>
    (Object.keys(OPS) as Op[]).flatMap((op): Case[] => {
      const from = PLACES[place].districtStep ? OPS[op].from.district : OPS[op].from.noDistrict;
      return from ? [{ account, place, op, from, outcome: expectedOutcome(account, place, op) }] : [];
    }),
  ),
);

// ───────────── fixtures ─────────────

const viewers = {} as Record<Account, Viewer | null>;
const communeIds = {} as Record<Place, number>;
/** criterion 1 of the 2026–2030 set and its (yes/no) indicators */
/** criterion 1 of each year's set: yes/no indicators only */
const firstCriterion: Record<number, { id: number; indicators: number[] }> = {};
const yearOf = (place: Place) => (PLACES[place].districtStep ? OLD_YEAR : NEW_YEAR);

beforeAll(async () => {
  const tanThanh = await communeByCode("05923", "2025-03-01");
  const province = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "19", validTo: null } });
  const otherDistrict = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", provinceId: tanThanh.provinceId, districtId: { not: tanThanh.districtId }, validTo: new Date("2025-07-01") },
    orderBy: { code: "asc" },
  });
  const caoBang = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", province: { code: "04" }, validTo: new Date("2025-07-01") },
    orderBy: { code: "asc" },
  });
  const newCaoBang = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", province: { code: "04" }, validTo: null },
    orderBy: { code: "asc" },
  });
  Object.assign(communeIds, {
    tanThanh: tanThanh.id,
    banDat: (await communeByCode("05911", "2025-03-01")).id,
    otherDistrict: otherDistrict.id,
    caoBang: caoBang.id,
    newTanThanh: (await communeByCode("05923", "2025-07-01")).id,
    newCaoBang: newCaoBang.id,
  } satisfies Record<Place, number>);
  const fresh = await db.adminUnit.findUniqueOrThrow({ where: { id: communeIds.newTanThanh } });
  expect(fresh.districtId).toBeNull();
  expect(fresh.provinceId).toBe(province.id);

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
  await db.assessment.deleteMany({ where: { year: { in: [OLD_YEAR, NEW_YEAR, 2018] }, unitId: { in: Object.values(communeIds) } } });
});

/** A dossier of the place in `status` with criterion 1 saved (version 1): answers "no" while open; every criterion met from APPRAISED on, so that it can be recognised. */
async function dossier(place: Place, status: WorkflowStatus, version = 1) {
  const recognisable = status === "APPRAISED" || status === "RECOGNISED" || status === "REVOKED";
  const year = yearOf(place);
  const first = firstCriterion[year];
  const values = Object.fromEntries(first.indicators.map((id) => [id, recognisable]));
  const fx = await putAssessment({ unitId: communeIds[place], year, status, version, results: recognisable ? "all-met" : ["NOT_MET"], values });
  expect(fx.criteria[0].id).toBe(first.id);
  return { ...fx, criterionId: first.id, indicators: first.indicators };
}

function transitionInput(action: WorkflowAction, assessmentId: number, version: number, year: number): TTransition {
  const raw = {
    submit: {},
    verify: { comment: "Đã thẩm tra đủ 10 tiêu chí." },
    appraise: { votesFor: "9", votesTotal: "15" },
    recognise: { decisionNumber: "1234/QĐ-UBND", decisionDate: `${year}-12-20`, decisionSigner: "Chủ tịch UBND tỉnh" },
    return: { comment: "Thiếu biên bản kiểm tra tiêu chí 1." },
    revoke: { reason: "Không còn đạt 6/10 tiêu chí.", decisionNumber: "99/QĐ-UBND", decisionDate: `${year + 1}-03-01` },
  }[action];
  return ZTransition.parse({ action, assessmentId, version, ...raw });
}

async function run(viewer: Viewer | null, op: Op, fx: Awaited<ReturnType<typeof dossier>>) {
  const action = OPS[op].action;
  if (action === "save") {
    return saveCriterion(
      viewer,
      ZSaveCriterion.parse({
        communeId: fx.unitId,
        year: fx.year,
        criterionId: fx.criterionId,
        version: 1,
        values: Object.fromEntries(fx.indicators.map((id) => [String(id), "true"])),
        evidenceNote: "Biên bản kiểm tra ngày 12/10/2030.",
      }),
    );
  }
  return transitionAssessment(viewer, transitionInput(action, fx.id, fx.version, fx.year));
}

const auditRowsOf = (id: number, action: string) => db.auditLog.count({ where: { entityType: "Assessment", entityId: String(id), action } });

const WHO: Record<Account, string> = {
  admin: "the administrator",
  adminTinh: "the administrator of Thái Nguyên",
  lanhdao: "the leader",
  tinh: "the province officer of Thái Nguyên",
  huyen: "the district officer of Phú Bình",
  xa: "the commune officer of Tân Thành",
  so: "the department officer of Quảng Bình",
  bientap: "the editor",
  tinhMoi: "a province officer bound to the post-reform province of Thái Nguyên",
  anonymous: "a signed-out visitor",
};
const caseName = (c: Case) =>
  `${WHO[c.account]} ${c.outcome === "allowed" ? "can" : "cannot"} ${OPS[c.op].label} ${PLACES[c.place].label}` +
  (c.outcome === "allowed" ? "" : ` (${c.outcome})`);

// ───────────── the matrix ─────────────

describe("authorisation matrix of assessment writes", () => {
  for (const c of CASES) {
    const test = it;
    test(caseName(c), async () => {
      const fx = await dossier(c.place, c.from);
      const viewer = viewers[c.account];
      const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
      const auditCount = await db.auditLog.count();

      if (c.outcome !== "allowed") {
        await appErrorOf(run(viewer, c.op, fx), c.outcome);
        expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
        return;
      }

      await run(viewer, c.op, fx);
      const after = await db.assessment.findUniqueOrThrow({ where: { id: fx.id }, include: { criterionResults: true, indicatorValues: true } });
      expect(await db.auditLog.count()).toBe(auditCount + 1);
      if (c.op === "save") {
        const result = after.criterionResults.find((r) => r.criterionId === fx.criterionId);
        expect(result).toMatchObject({ version: 2, status: "MET", updatedById: viewer!.id, evidenceNote: "Biên bản kiểm tra ngày 12/10/2030." });
        expect(after.indicatorValues.filter((v) => fx.indicators.includes(v.indicatorId)).map((v) => v.boolValue)).toEqual(fx.indicators.map(() => true));
        expect(after.status).toBe(c.from);
        expect(await auditRowsOf(fx.id, "criterion.save")).toBe(1);
      } else {
        const action = OPS[c.op].action as WorkflowAction;
        expect(after.status).toBe(TRANSITIONS[action].to);
        expect(after.version).toBe(fx.version + 1);
        expect(after.updatedById).toBe(viewer!.id);
        expect(await auditRowsOf(fx.id, `assessment.${action}`)).toBe(1);
        if (action === "appraise") expect([after.councilVotesFor, after.councilVotesTotal]).toEqual([9, 15]);
        if (action === "recognise") expect([after.decisionNumber, after.tier]).toEqual(["1234/QĐ-UBND", "NTM"]);
        if (action === "return") expect(after.returnComment).toBe("Thiếu biên bản kiểm tra tiêu chí 1.");
        if (action === "revoke") expect([after.revocationDecision, after.tier]).toEqual(["99/QĐ-UBND", "NONE"]);
      }
    });
  }

  // The workflow buttons (actionsFor) offer exactly the transitions the service accepts.
  for (const account of Object.keys(ACCOUNTS) as Account[]) {
    for (const place of ALL_PLACES) {
      it(`the actions offered to ${WHO[account]} on ${PLACES[place].label} are those the service accepts`, async () => {
        const unit = await db.adminUnit.findUniqueOrThrow({ where: { id: communeIds[place] } });
        const byStatus = new Map<WorkflowStatus, WorkflowAction[]>();
        for (const c of CASES) {
          if (c.account !== account || c.place !== place || c.op === "save") continue;
          const list = byStatus.get(c.from) ?? [];
          if (c.outcome === "allowed") list.push(OPS[c.op].action as WorkflowAction);
          byStatus.set(c.from, list);
        }
        for (const [status, expected] of byStatus) {
          expect([...actionsFor(viewers[account]!, { status, unit })].sort(), status).toEqual([...expected].sort());
        }
      });
    }
  }

  afterAll(() => {
    const count = (o: Outcome | "all") => CASES.filter((c) => o === "all" || c.outcome === o).length;
    reportFigure(
      `authorisation matrix, assessments (service level): ${count("all")} cases (${count("allowed")} allowed, ${count("FORBIDDEN")} FORBIDDEN, ` +
        `${count("UNAUTHENTICATED")} UNAUTHENTICATED, ${count("CONFLICT")} CONFLICT)`,
    );
  });
});

// ───────────── the rules around the matrix ─────────────

describe("workflow rules", () => {
  it("a save on a submitted dossier is refused with LOCKED and changes nothing", async () => {
    const fx = await dossier("tanThanh", "SUBMITTED");
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(run(viewers.xa, "save", fx), "LOCKED");
    expect(err.message).toMatch(/khóa/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it.each(["VERIFIED", "APPRAISED", "RECOGNISED", "REVOKED"] as const)("a dossier in %s is locked for every editor, even the administrator", async (status) => {
    const fx = await dossier("tanThanh", status);
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    for (const account of ["admin", "tinh", "huyen", "xa"] as const) await appErrorOf(run(viewers[account], "save", fx), "LOCKED");
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a returned dossier is editable again and can be submitted again", async () => {
    const fx = await dossier("tanThanh", "RETURNED", 4);
    const saved = await run(viewers.xa, "save", fx);
    expect(saved).toMatchObject({ status: "MET", version: 2 });
    const submitted = await transitionAssessment(viewers.xa, transitionInput("submit", fx.id, 4, fx.year));
    expect(submitted).toMatchObject({ status: "SUBMITTED", version: 5 });
    const after = await db.assessment.findUniqueOrThrow({ where: { id: fx.id } });
    expect(after.returnComment).toBeNull();
    expect(after.submittedAt).not.toBeNull();
  });

  it.each([
    ["a council that did not approve (7 of 15)", 7, 15, /chưa thông qua/],
    ["a tie (10 of 20)", 10, 20, /chưa thông qua/],
    ["more votes than members (16 of 15)", 16, 15, /lớn hơn/],
  ])("appraisal with %s is refused and changes nothing", async (_label, votesFor, votesTotal, message) => {
    const fx = await dossier("tanThanh", "VERIFIED");
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const input = ZTransition.parse({ action: "appraise", assessmentId: fx.id, version: fx.version, votesFor, votesTotal });
    const err = await appErrorOf(transitionAssessment(viewers.tinh, input), "VALIDATION");
    expect(err.message).toMatch(message);
    expect(err.fieldErrors?.votesFor).toBeDefined();
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("appraisal by a bare majority (8 of 15) is accepted", async () => {
    const fx = await dossier("tanThanh", "VERIFIED");
    const input = ZTransition.parse({ action: "appraise", assessmentId: fx.id, version: fx.version, votesFor: 8, votesTotal: 15 });
    expect(await transitionAssessment(viewers.tinh, input)).toMatchObject({ status: "APPRAISED" });
  });

  it("recognition of a commune meeting 18 of 19 criteria is refused and changes nothing", async () => {
    const statuses = [...Array<"MET">(18).fill("MET"), "BASIC" as const];
    const fx = await putAssessment({ unitId: communeIds.tanThanh, year: 2018, status: "APPRAISED", results: statuses });
    expect(fx.criteriaTotal).toBe(19);
    const before = await snapshotAssessment({ unitId: fx.unitId, year: 2018 });
    const input = ZTransition.parse({ action: "recognise", assessmentId: fx.id, version: fx.version, decisionNumber: "55/QĐ-UBND", decisionDate: "2018-12-20", decisionSigner: "Chủ tịch UBND tỉnh" });
    const err = await appErrorOf(transitionAssessment(viewers.tinh, input), "VALIDATION");
    expect(err.message).toMatch(/18\/19/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: 2018 })).toEqual(before);
  });

  it("a transition with a stale version is refused with CONFLICT and changes nothing", async () => {
    const fx = await dossier("tanThanh", "DRAFT", 3);
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const err = await appErrorOf(transitionAssessment(viewers.xa, transitionInput("submit", fx.id, 2, fx.year)), "CONFLICT");
    expect(err.message).toMatch(/tải lại/);
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a save with a stale criterion version is refused with CONFLICT and changes nothing", async () => {
    const fx = await dossier("tanThanh", "DRAFT");
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    const input = ZSaveCriterion.parse({ communeId: fx.unitId, year: fx.year, criterionId: fx.criterionId, version: 0, values: {} });
    await appErrorOf(saveCriterion(viewers.xa, input), "CONFLICT");
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a dossier cannot skip a step: appraisal of a submitted dossier that the district has not verified is refused", async () => {
    const fx = await dossier("tanThanh", "SUBMITTED");
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    await appErrorOf(transitionAssessment(viewers.tinh, transitionInput("appraise", fx.id, fx.version, fx.year)), "CONFLICT");
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });

  it("a revoked recognition cannot be revoked again", async () => {
    const fx = await dossier("tanThanh", "REVOKED");
    const before = await snapshotAssessment({ unitId: fx.unitId, year: fx.year });
    await appErrorOf(transitionAssessment(viewers.tinh, transitionInput("revoke", fx.id, fx.version, fx.year)), "CONFLICT");
    expect(await snapshotAssessment({ unitId: fx.unitId, year: fx.year })).toEqual(before);
  });
});
