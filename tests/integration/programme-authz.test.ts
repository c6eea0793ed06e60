// The authorisation matrix of every OCOP, capital, plan and survey write: every account × every
// operation × units inside and outside its scope. Each case starts from its own fixture written
// directly in the database; an allowed case must make its change and write one audit row, a
// refused case must throw the expected AppError and change nothing (every row of the areas'
// tables, the stored files and the audit log).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { addDisbursement, createLine, deleteDisbursement, updateLine } from "@/lib/capital/service";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { addEvaluation, createProduct, setProductPhoto, updateProduct } from "@/lib/ocop/service";
import { deletePlanEntry, registerPlanEntry, removeRoadmapItem, saveRoadmapItem, updatePlanEntry } from "@/lib/plans/service";
import { openSurvey, setSurveyOpen } from "@/lib/surveys/service";
import { appErrorOf, viewerOf } from "./helpers";
import { loadPlaces, PNG_1x1, snapshotProgramme, yearsOf, type Places } from "./programme-fixtures";
import { reportFigure } from "../figures";

// ───────────── who ─────────────

const ACCOUNTS = {
  admin: "admin@ntm.demo",
  adminTinh: "admin.tinh@ntm.demo",
  lanhdao: "lanhdao@ntm.demo",
  tinh: "tinh@ntm.demo",
  huyen: "huyen@ntm.demo",
  xa: "xa@ntm.demo",
  so: "so@ntm.demo",
  bientap: "bientap@ntm.demo",
} as const;
type Account = keyof typeof ACCOUNTS | "anonymous";

const WHO: Record<Account, string> = {
  admin: "the administrator",
  adminTinh: "the administrator of Thái Nguyên",
  lanhdao: "the leader",
  tinh: "the province officer of Thái Nguyên",
  huyen: "the district officer of Phú Bình",
  xa: "the commune officer of Tân Thành",
  so: "the department officer of Quảng Bình",
  bientap: "the editor",
  anonymous: "a signed-out visitor",
};

// ───────────── where ─────────────

type Place = keyof Places;
const LABEL: Record<Place, string> = {
  tanThanh: "Xã Tân Thành (Phú Bình, Thái Nguyên)",
  otherDistrict: "a commune of another district of Thái Nguyên",
  caoBang: "a commune of Cao Bằng",
  newTanThanh: "Xã Tân Thành of Thái Nguyên after 1/7/2025 (no district)",
  province: "the province of Thái Nguyên (a province-level capital line)",
};
const THAI_NGUYEN: Place[] = ["tanThanh", "otherDistrict", "newTanThanh", "province"];

/** The units each account answers for (README, prisma/seed/users.ts). */
const SCOPE: Record<Account, readonly Place[]> = {
  admin: ["tanThanh", "otherDistrict", "caoBang", "newTanThanh", "province"],
  adminTinh: THAI_NGUYEN,
  lanhdao: ["tanThanh", "otherDistrict", "caoBang", "newTanThanh", "province"],
  tinh: THAI_NGUYEN, // today's province and, through succession, the old one
  huyen: ["tanThanh"], // Huyện Phú Bình: not another district, not the province, nothing after the reform
  xa: ["tanThanh"],
  so: [], // Quảng Bình
  bientap: THAI_NGUYEN,
  anonymous: [],
};

// ───────────── what ─────────────

type Area = "ocop" | "capital" | "plan" | "survey";
type Op =
  | "createProduct" | "updateProduct" | "addEvaluation" | "setProductPhoto"
  | "createLine" | "updateLine" | "addDisbursement" | "deleteDisbursement"
  | "registerPlanEntry" | "updatePlanEntry" | "deletePlanEntry" | "saveRoadmapItem" | "removeRoadmapItem"
  | "openSurvey" | "closeSurvey";

const OPS: Record<Op, { area: Area; label: string; audit: string }> = {
  createProduct: { area: "ocop", label: "register an OCOP product of", audit: "ocop.product.create" },
  updateProduct: { area: "ocop", label: "edit an OCOP product of", audit: "ocop.product.update" },
  addEvaluation: { area: "ocop", label: "record an OCOP evaluation of a product of", audit: "ocop.evaluation.add" },
  setProductPhoto: { area: "ocop", label: "set the photo of an OCOP product of", audit: "ocop.product.photo" },
  createLine: { area: "capital", label: "allocate capital to", audit: "capital.line.create" },
  updateLine: { area: "capital", label: "edit a capital line of", audit: "capital.line.update" },
  addDisbursement: { area: "capital", label: "record a disbursement on a line of", audit: "capital.disbursement.add" },
  deleteDisbursement: { area: "capital", label: "delete a disbursement on a line of", audit: "capital.disbursement.delete" },
  registerPlanEntry: { area: "plan", label: "register in the year plan", audit: "plan.register" },
  updatePlanEntry: { area: "plan", label: "change the plan entry of", audit: "plan.update" },
  deletePlanEntry: { area: "plan", label: "take out of the plan", audit: "plan.delete" },
  saveRoadmapItem: { area: "plan", label: "change the roadmap of", audit: "plan.roadmap.save" },
  removeRoadmapItem: { area: "plan", label: "remove a roadmap item of", audit: "plan.roadmap.remove" },
  openSurvey: { area: "survey", label: "open the satisfaction survey of", audit: "survey.open" },
  closeSurvey: { area: "survey", label: "close the satisfaction survey of", audit: "survey.close" },
};

/**
 * Who may write what, stated from the roles (not read back from lib/authz): province and district
 * coordination offices keep the OCOP registry and capital; only the province plans; the survey is
 * part of the commune's dossier, opened by whoever may enter it. Leadership, departments and
 * editors write none of it.
 */
const MAY: Record<Account, readonly Area[]> = {
  admin: ["ocop", "capital", "plan", "survey"],
  adminTinh: ["ocop", "capital", "plan", "survey"],
  lanhdao: [],
  tinh: ["ocop", "capital", "plan", "survey"],
  huyen: ["ocop", "capital", "survey"],
  xa: ["survey"],
  so: [],
  bientap: [],
  anonymous: [],
};

type Outcome = "allowed" | ErrorCode;
function expectedOutcome(account: Account, place: Place, op: Op): Outcome {
  if (account === "anonymous") return "UNAUTHENTICATED";
  if (!MAY[account].includes(OPS[op].area) || !SCOPE[account].includes(place)) return "FORBIDDEN";
  return "allowed";
}

interface Case {
  account: Account;
  place: Place;
  op: Op;
  outcome: Outcome;
}
const CASES: Case[] = (Object.keys(SCOPE) as Account[]).flatMap((account) =>
  (Object.keys(LABEL) as Place[]).flatMap((place) =>
    (Object.keys(OPS) as Op[])
      // province-level units take capital lines only
      .filter((op) => place !== "province" || OPS[op].area === "capital")
      .map((op) => ({ account, place, op, outcome: expectedOutcome(account, place, op) })),
  ),
);

// ───────────── fixtures ─────────────

const viewers = {} as Record<Account, Viewer | null>;
let places: Places;
const firstCriterion = {} as Record<number, number>; // plan year → criterion 1 of its set
const created = { products: [] as number[], producers: [] as number[], lines: [] as number[], entries: [] as number[], surveys: [] as number[] };

beforeAll(async () => {
  places = await loadPlaces();
  for (const [key, email] of Object.entries(ACCOUNTS)) viewers[key as Account] = await viewerOf(email);
  viewers.anonymous = null;
  for (const year of [2023, 2026]) {
    const c = await db.criterion.findFirstOrThrow({ where: { number: 1, set: { code: year <= 2025 ? "XA_2021_2025" : "XA_2026_2030" } } });
    firstCriterion[year] = c.id;
  }
});

afterAll(async () => {
  await db.ocopProduct.deleteMany({ where: { OR: [{ id: { in: created.products } }, { communeId: { in: Object.values(places) }, isDemo: false }] } });
  await db.ocopProducer.deleteMany({ where: { communeId: { in: Object.values(places) }, isDemo: false } });
  await db.capitalLine.deleteMany({ where: { unitId: { in: Object.values(places) }, isDemo: false } });
  await db.planEntry.deleteMany({ where: { communeId: { in: Object.values(places) }, isDemo: false } });
  await db.survey.deleteMany({ where: { communeId: { in: Object.values(places) } } });
});

async function fixture(place: Place) {
  const unitId = places[place];
  const years = yearsOf(place);
  if (place === "province") {
    const line = await db.capitalLine.create({ data: { year: years.capital, unitId, source: "NSDP", allocated: 1000, planned: 1000, disbursements: { create: { date: new Date(`${years.capital}-03-01T00:00:00Z`), amount: 100 } } }, include: { disbursements: true } });
    return { unitId, years, line };
  }
  const producer = await db.ocopProducer.create({ data: { name: `HTX thử nghiệm ${Math.random().toString(36).slice(2, 8)}`, kind: "COOPERATIVE", communeId: unitId } });
  const product = await db.ocopProduct.create({
    data: { name: "Chè thử nghiệm", slug: `che-thu-nghiem-${Math.random().toString(36).slice(2, 10)}`, producerId: producer.id, communeId: unitId, group: "DRINK" },
  });
  created.products.push(product.id);
  const line = await db.capitalLine.create({
    data: { year: years.capital, unitId, source: "NSDP", allocated: 1000, planned: 1000, disbursements: { create: { date: new Date(`${years.capital}-03-01T00:00:00Z`), amount: 100 } } },
    include: { disbursements: true },
  });
  // the commune's plan of the year: one entry with criterion 1 on its roadmap
  await db.planEntry.deleteMany({ where: { communeId: unitId, year: years.plan } });
  const entry = await db.planEntry.create({
    data: {
      year: years.plan,
      provinceId: (await db.adminUnit.findUniqueOrThrow({ where: { id: unitId } })).provinceId!,
      communeId: unitId,
      target: "ADVANCED",
      roadmap: { create: { criterionId: firstCriterion[years.plan], targetDate: new Date(`${years.plan}-06-30T00:00:00Z`) } },
    },
    include: { roadmap: true },
  });
  await db.survey.deleteMany({ where: { communeId: unitId, year: years.survey } });
  const survey = await db.survey.create({ data: { communeId: unitId, year: years.survey, open: true } });
  return { unitId, years, producer, product, line, entry, survey };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

/** Registration and opening start from a commune without an entry or a survey. */
async function prepare(op: Op, fx: Fixture) {
  if (op === "registerPlanEntry") await db.planEntry.delete({ where: { id: fx.entry!.id } });
  if (op === "openSurvey") await db.survey.delete({ where: { id: fx.survey!.id } });
}

async function run(viewer: Viewer | null, op: Op, fx: Fixture) {
  const { unitId, years } = fx;
  switch (op) {
    case "createProduct":
      return createProduct(viewer, { communeId: unitId, name: "Miến dong thử nghiệm", group: "FOOD", producerName: "Hộ kinh doanh Miến thử nghiệm", producerKind: "HOUSEHOLD" });
    case "updateProduct":
      return updateProduct(viewer, { productId: fx.product!.id, version: 1, communeId: unitId, producerId: fx.producer!.id, name: "Chè búp thử nghiệm", group: "DRINK", subgroup: "Chè và sản phẩm từ chè" });
    case "addEvaluation":
      return addEvaluation(viewer, { productId: fx.product!.id, year: 2024, councilLevel: "PROVINCE", scoreA: "30", scoreB: "18,5", scoreC: "25", decisionNo: "77/QĐ-UBND", decisionDate: "2024-10-01" });
    case "setProductPhoto":
      return setProductPhoto(viewer, { productId: fx.product!.id, file: { name: "anh.png", bytes: PNG_1x1 } });
    case "createLine":
      return createLine(viewer, { year: years.capital, unitId, source: "NSTW_DTPT", allocated: "2.500", project: "Đường giao thông nội đồng" });
    case "updateLine":
      return updateLine(viewer, { lineId: fx.line.id, version: 1, allocated: "1.200" });
    case "addDisbursement":
      return addDisbursement(viewer, { lineId: fx.line.id, date: `${years.capital}-06-15`, amount: "250" });
    case "deleteDisbursement":
      return deleteDisbursement(viewer, { disbursementId: fx.line.disbursements[0].id });
    case "registerPlanEntry":
      return registerPlanEntry(viewer, { year: years.plan, communeId: unitId, target: "MODEL", targetDate: `${years.plan}-11-30` });
    case "updatePlanEntry":
      return updatePlanEntry(viewer, { entryId: fx.entry!.id, targetDate: `${years.plan}-10-31`, note: "Điều chỉnh theo nghị quyết" });
    case "deletePlanEntry":
      return deletePlanEntry(viewer, { entryId: fx.entry!.id });
    case "saveRoadmapItem":
      return saveRoadmapItem(viewer, { entryId: fx.entry!.id, criterionId: firstCriterion[years.plan], targetDate: `${years.plan}-08-31`, note: "Hoàn thành trong quý III" });
    case "removeRoadmapItem":
      return removeRoadmapItem(viewer, { itemId: fx.entry!.roadmap[0].id });
    case "openSurvey":
      return openSurvey(viewer, { communeId: unitId, year: years.survey });
    case "closeSurvey":
      return setSurveyOpen(viewer, { surveyId: fx.survey!.id, open: "false" });
  }
}

/** What an allowed operation must have changed. */
async function expectEffect(op: Op, fx: Fixture, viewer: Viewer) {
  const { unitId, years } = fx;
  switch (op) {
    case "createProduct": {
      const p = await db.ocopProduct.findFirstOrThrow({ where: { communeId: unitId, name: "Miến dong thử nghiệm" }, include: { producer: true } });
      expect(p.producer).toMatchObject({ name: "Hộ kinh doanh Miến thử nghiệm", kind: "HOUSEHOLD", communeId: unitId });
      created.products.push(p.id);
      return;
    }
    case "updateProduct":
      expect(await db.ocopProduct.findUniqueOrThrow({ where: { id: fx.product!.id } })).toMatchObject({ name: "Chè búp thử nghiệm", version: 2 });
      return;
    case "addEvaluation": {
      const e = await db.ocopEvaluation.findFirstOrThrow({ where: { productId: fx.product!.id } });
      expect([Number(e.totalScore), e.stars, e.expiresAt?.toISOString().slice(0, 10)]).toEqual([73.5, 4, "2027-10-01"]);
      return;
    }
    case "setProductPhoto": {
      const p = await db.ocopProduct.findUniqueOrThrow({ where: { id: fx.product!.id }, include: { photo: true } });
      expect(p.photo).toMatchObject({ mimeType: "image/png", uploadedById: viewer.id });
      return;
    }
    case "createLine":
      expect(Number((await db.capitalLine.findFirstOrThrow({ where: { unitId, year: years.capital, source: "NSTW_DTPT", isDemo: false } })).allocated)).toBe(2500);
      return;
    case "updateLine":
      expect(await db.capitalLine.findUniqueOrThrow({ where: { id: fx.line.id } })).toMatchObject({ version: 2 });
      return;
    case "addDisbursement":
      expect(await db.capitalDisbursement.count({ where: { lineId: fx.line.id } })).toBe(2);
      return;
    case "deleteDisbursement":
      expect(await db.capitalDisbursement.count({ where: { lineId: fx.line.id } })).toBe(0);
      return;
    case "registerPlanEntry": {
      const e = await db.planEntry.findFirstOrThrow({ where: { communeId: unitId, year: years.plan } });
      expect(e.target).toBe("MODEL");
      // the plan's province is the commune's own, never taken from the form
      expect(e.provinceId).toBe((await db.adminUnit.findUniqueOrThrow({ where: { id: unitId } })).provinceId);
      return;
    }
    case "updatePlanEntry":
      expect(await db.planEntry.findUniqueOrThrow({ where: { id: fx.entry!.id } })).toMatchObject({ note: "Điều chỉnh theo nghị quyết" });
      return;
    case "deletePlanEntry":
      expect(await db.planEntry.count({ where: { id: fx.entry!.id } })).toBe(0);
      return;
    case "saveRoadmapItem":
      expect(await db.roadmapItem.findUniqueOrThrow({ where: { id: fx.entry!.roadmap[0].id } })).toMatchObject({ note: "Hoàn thành trong quý III" });
      return;
    case "removeRoadmapItem":
      expect(await db.roadmapItem.count({ where: { planEntryId: fx.entry!.id } })).toBe(0);
      return;
    case "openSurvey":
      expect(await db.survey.findUniqueOrThrow({ where: { communeId_year: { communeId: unitId, year: years.survey } } })).toMatchObject({ open: true });
      return;
    case "closeSurvey":
      expect(await db.survey.findUniqueOrThrow({ where: { id: fx.survey!.id } })).toMatchObject({ open: false });
      return;
  }
}

const caseName = (c: Case) =>
  `${WHO[c.account]} ${c.outcome === "allowed" ? "can" : "cannot"} ${OPS[c.op].label} ${LABEL[c.place]}${c.outcome === "allowed" ? "" : ` (${c.outcome})`}`;

describe("authorisation matrix of OCOP, capital, plan and survey writes", () => {
  for (const c of CASES) {
    it(caseName(c), async () => {
      const fx = await fixture(c.place);
      const viewer = viewers[c.account];
      await prepare(c.op, fx);
      if (c.outcome !== "allowed") {
        const before = await snapshotProgramme();
        const err = await appErrorOf(run(viewer, c.op, fx), c.outcome);
        expect(err.message.length).toBeGreaterThan(10);
        expect(await snapshotProgramme()).toEqual(before);
        return;
      }
      const audit = await db.auditLog.count();
      await run(viewer, c.op, fx);
      await expectEffect(c.op, fx, viewer!);
      expect(await db.auditLog.count()).toBe(audit + 1);
      const last = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(last).toMatchObject({ action: OPS[c.op].audit, userId: viewer!.id });
    });
  }

  afterAll(() => {
    const count = (o: Outcome | "all") => CASES.filter((c) => o === "all" || c.outcome === o).length;
    reportFigure(`authorisation matrix, programme areas (service level): ${count("all")} cases (${count("allowed")} allowed, ${count("FORBIDDEN")} FORBIDDEN, ${count("UNAUTHENTICATED")} UNAUTHENTICATED)`);
  });
});
