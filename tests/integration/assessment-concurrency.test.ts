// Optimistic concurrency of annual reports and recognition: a save made on a stale form is refused
// and shows what the other person saved; of simultaneous saves or transitions of one report, of
// simultaneous requests or steps of one recognition dossier, exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZSaveCriterion, ZTransition } from "@/lib/assessments/schemas";
import { saveCriterion, transitionAssessment } from "@/lib/assessments/service";
import { ZDossierStep, ZPropose } from "@/lib/recognition/schemas";
import { proposeRecognition, stepDossier } from "@/lib/recognition/service";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appErrorOf, clearRecognition, communeByCode, dayOf, putAssessment, putDossier, viewerOf } from "./helpers";
import { reportFigure } from "../figures";

const YEAR = 2016; // criteria set 2016–2020; no demo data; Tân Thành and Bàn Đạt stood then
const BEFORE_REFORM = dayOf("2025-03-14"); // the district confirms reports and verifies dossiers

let xa: Viewer;
let huyen: Viewer;
let tinh: Viewer;
let admin: Viewer;
let tanThanh: number;
let banDat: number;
/** criterion 1 of the 2016–2020 set: two yes/no indicators */
const c1 = { id: 0, indicators: [] as number[] };

beforeAll(async () => {
  [xa, huyen, tinh, admin] = await Promise.all(["xa", "huyen", "tinh", "admin"].map((a) => viewerOf(`${a}@ntm.demo`)));
  tanThanh = (await communeByCode("05923", "2025-03-01")).id;
  banDat = (await communeByCode("05911", "2025-03-01")).id;
  const criterion = await db.criterion.findFirstOrThrow({
    where: { number: 1, set: { code: "XA_2016_2020" } },
    include: { indicators: { orderBy: { sortOrder: "asc" } } },
  });
  Object.assign(c1, { id: criterion.id, indicators: criterion.indicators.map((i) => i.id) });
});

afterAll(async () => {
  await clearRecognition([tanThanh, banDat]);
  await db.assessment.deleteMany({ where: { year: YEAR, unitId: { in: [tanThanh, banDat] } } });
});

const values = (...answers: boolean[]) => Object.fromEntries(c1.indicators.map((id, i) => [String(id), String(answers[i])]));

const save = (viewer: Viewer, version: number, answers: boolean[], evidenceNote = "", communeId = tanThanh) =>
  saveCriterion(viewer, ZSaveCriterion.parse({ communeId, year: YEAR, criterionId: c1.id, version, values: values(...answers), evidenceNote }));

async function storedCriterion(communeId = tanThanh) {
  const result = await db.criterionResult.findFirstOrThrow({ where: { criterionId: c1.id, assessment: { unitId: communeId, year: YEAR } } });
  const vals = await db.indicatorValue.findMany({ where: { assessmentId: result.assessmentId, indicatorId: { in: c1.indicators } }, orderBy: { indicatorId: "asc" } });
  return { ...result, answers: vals.map((v) => v.boolValue) };
}

const auditOf = (assessmentId: number, action?: string) =>
  db.auditLog.count({ where: { entityType: "Assessment", entityId: String(assessmentId), ...(action ? { action } : {}) } });

/** A DRAFT dossier of Tân Thành with criterion 1 saved once by the commune (version 1, both "no"). */
async function loadedForm() {
  const fx = await putAssessment({ unitId: tanThanh, year: YEAR, status: "DRAFT" });
  const first = await save(xa, 0, [false, false], "Bản đầu tiên.");
  expect(first.version).toBe(1);
  return fx;
}

describe("saving a criterion on a stale form", () => {
  it("the second of two people who loaded the same version is refused with the newer values and who saved them", async () => {
    const fx = await loadedForm();
    const loaded = (await storedCriterion()).version; // both forms show this version

    const first = await save(huyen, loaded, [true, true], "Huyện bổ sung biên bản.");
    expect(first.version).toBe(loaded + 1);

    const err = await appErrorOf(save(xa, loaded, [true, false], "Xã sửa lại."), "CONFLICT");
    expect(err.message).toContain(huyen.name);
    expect(err.message).toMatch(/vừa được .* lưu lúc/);
    expect(err.details).toMatchObject({
      savedBy: huyen.name,
      version: loaded + 1,
      status: "MET",
      values: Object.fromEntries(c1.indicators.map((id) => [String(id), true])),
      evidenceNote: "Huyện bổ sung biên bản.",
    });

    const stored = await storedCriterion();
    expect(stored).toMatchObject({ version: loaded + 1, status: "MET", evidenceNote: "Huyện bổ sung biên bản.", updatedById: huyen.id });
    expect(stored.answers).toEqual([true, true]);
    expect(await auditOf(fx.id, "criterion.save")).toBe(2); // the first save of the form and the district's
  });

  it("the refused person can save after taking the newer version", async () => {
    await loadedForm();
    await save(huyen, 1, [true, true]);
    await appErrorOf(save(xa, 1, [true, false]), "CONFLICT");
    const retry = await save(xa, 2, [true, false], "Xã sửa lại sau khi xem số liệu mới.");
    expect(retry).toMatchObject({ version: 3, status: "NOT_MET" });
    expect((await storedCriterion()).answers).toEqual([true, false]);
  });

  it("a form loaded before anyone saved (version 0) is refused once someone has saved", async () => {
    await putAssessment({ unitId: tanThanh, year: YEAR, status: "DRAFT" });
    await save(tinh, 0, [true, true]);
    const err = await appErrorOf(save(xa, 0, [false, false]), "CONFLICT");
    expect(err.details).toMatchObject({ savedBy: tinh.name, version: 1 });
  });
});

describe("simultaneous writes of one dossier", () => {
  const editors = () => [xa, huyen, tinh, admin];

  it("of 10 saves of the same criterion started at once with the same version exactly one succeeds", async () => {
    const fx = await loadedForm();
    const v = (await storedCriterion()).version;
    const auditBefore = await auditOf(fx.id, "criterion.save");
    const totalAuditBefore = await db.auditLog.count();

    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => save(editors()[i % 4], v, [i % 2 === 0, i % 3 === 0], `Lần lưu số ${i}`)),
    );
    const won = settled.flatMap((s, i) => (s.status === "fulfilled" ? [{ i, value: s.value }] : []));
    const lost = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));

    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const reason of lost) {
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).code).toBe("CONFLICT");
    }
    const winner = won[0].i;
    expect(won[0].value.version).toBe(v + 1);

    const stored = await storedCriterion();
    expect(stored.version).toBe(v + 1);
    expect(stored.evidenceNote).toBe(`Lần lưu số ${winner}`);
    expect(stored.updatedById).toBe(editors()[winner % 4].id);
    expect(stored.answers).toEqual([winner % 2 === 0, winner % 3 === 0]);
    expect(await auditOf(fx.id, "criterion.save")).toBe(auditBefore + 1);
    expect(await db.auditLog.count()).toBe(totalAuditBefore + 1);
  });

  it("20 people saving the same commune at once lose no update: per criterion one wins, the other is refused", async () => {
    const fx = await putAssessment({ unitId: tanThanh, year: YEAR, status: "DRAFT" });
    // ten criteria, two people on each
    const criteria = await db.criterion.findMany({
      where: { set: { code: "XA_2016_2020" } },
      take: 10,
      orderBy: { number: "asc" },
      include: { indicators: { orderBy: { sortOrder: "asc" } } },
    });
    // every indicator answered: yes/no "true", numbers a value that varies with the person
    const formOf = (c: (typeof criteria)[number], person: number) =>
      Object.fromEntries(c.indicators.map((ind) => [String(ind.id), ind.kind === "BOOLEAN" ? String(person % 2 === 0) : String(40 + person)]));
    const people = Array.from({ length: 20 }, (_, p) => ({ p, viewer: editors()[p % 4], criterion: criteria[p % criteria.length] }));
    const auditBefore = await auditOf(fx.id, "criterion.save");

    const settled = await Promise.allSettled(
      people.map(({ p, viewer, criterion }) =>
        saveCriterion(viewer, ZSaveCriterion.parse({ communeId: tanThanh, year: YEAR, criterionId: criterion.id, version: 0, values: formOf(criterion, p), evidenceNote: `Người số ${p}` })),
      ),
    );
    for (const s of settled) if (s.status === "rejected") expect((s.reason as AppError).code).toBe("CONFLICT");
    const winners = people.filter((_, i) => settled[i].status === "fulfilled");
    // two people per criterion: exactly one of each pair is saved
    expect(winners.map((w) => w.criterion.number).sort((a, b) => a - b)).toEqual(criteria.map((c) => c.number));

    // every winner's values are stored as they sent them; nothing of a refused save is
    for (const w of winners) {
      const result = await db.criterionResult.findFirstOrThrow({ where: { assessmentId: fx.id, criterionId: w.criterion.id } });
      expect(result.evidenceNote).toBe(`Người số ${w.p}`);
      expect(result.version).toBe(1);
      const stored = await db.indicatorValue.findMany({ where: { assessmentId: fx.id, indicatorId: { in: w.criterion.indicators.map((i) => i.id) } } });
      expect(Object.fromEntries(stored.map((v) => [String(v.indicatorId), v.boolValue === null ? String(Number(v.numberValue)) : String(v.boolValue)]))).toEqual(formOf(w.criterion, w.p));
    }
    expect(await auditOf(fx.id, "criterion.save")).toBe(auditBefore + criteria.length);
    // the dossier's totals agree with its stored criterion results (no recount lost in the race)
    const results = await db.criterionResult.findMany({ where: { assessmentId: fx.id } });
    const a = await db.assessment.findUniqueOrThrow({ where: { id: fx.id } });
    expect(a.criteriaMet).toBe(results.filter((r) => r.status === "MET").length);
    reportFigure(`concurrency: 20 people saving one commune at once: ${winners.length} saved, ${people.length - winners.length} refused with a conflict, 0 updates lost`);
  });

  // The first save of a year creates the dossier (Assessment) before locking it. Two first saves
  // at once both find no dossier and both insert one: the loser's INSERT violates
  // Assessment_unitId_year_setId_key and a raw Prisma P2002 error escapes the service (the user
  // sees "Đã có lỗi xảy ra (mã …)") instead of CONFLICT — or instead of simply succeeding when the
  // two people saved different criteria.
  it("of 10 first saves of a commune with no dossier yet exactly one succeeds, the others get CONFLICT", async () => {
    await db.assessment.deleteMany({ where: { unitId: banDat, year: YEAR } });
    const totalAuditBefore = await db.auditLog.count();

    const settled = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => save(i % 2 ? huyen : tinh, 0, [true, i % 2 === 0], `Lần lưu số ${i}`, banDat)));
    const lost = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));

    expect(await db.assessment.count({ where: { unitId: banDat, year: YEAR } })).toBe(1);
    expect((await storedCriterion(banDat)).version).toBe(1);
    expect(await db.auditLog.count()).toBe(totalAuditBefore + 1);
    expect(lost.map((r) => (r instanceof AppError ? r.code : "not an AppError"))).toEqual(Array(9).fill("CONFLICT"));
  });

  it("two people saving different criteria of a commune with no dossier yet at the same time both succeed", async () => {
    const c2 = await db.criterion.findFirstOrThrow({ where: { number: 2, set: { code: "XA_2016_2020" } }, include: { indicators: true } });
    for (let round = 0; round < 5; round++) {
      await db.assessment.deleteMany({ where: { unitId: banDat, year: YEAR } });
      const settled = await Promise.allSettled([
        save(huyen, 0, [true, true], "Tiêu chí 1", banDat),
        saveCriterion(tinh, ZSaveCriterion.parse({ communeId: banDat, year: YEAR, criterionId: c2.id, version: 0, values: Object.fromEntries(c2.indicators.map((i) => [String(i.id), i.kind === "BOOLEAN" ? "true" : "95"])) })),
      ]);
      expect(settled.map((s) => (s.status === "fulfilled" ? "ok" : s.reason instanceof AppError ? s.reason.code : "not an AppError"))).toEqual(["ok", "ok"]);
      expect(await db.criterionResult.count({ where: { assessment: { unitId: banDat, year: YEAR } } })).toBe(2);
    }
  });

  it("of two different transitions of the same report started at once exactly one wins", async () => {
    const fx = await putAssessment({ unitId: tanThanh, year: YEAR, status: "SUBMITTED", version: 2 });
    const confirm = ZTransition.parse({ action: "confirm", assessmentId: fx.id, version: 2 });
    const giveBack = ZTransition.parse({ action: "return", assessmentId: fx.id, version: 2, comment: "Thiếu biên bản tiêu chí 1." });

    const settled = await Promise.allSettled([transitionAssessment(huyen, confirm, BEFORE_REFORM), transitionAssessment(huyen, giveBack, BEFORE_REFORM)]);
    const won = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const lost = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as AppError).code).toBe("CONFLICT");

    const after = await db.assessment.findUniqueOrThrow({ where: { id: fx.id } });
    expect(after.status).toBe(won[0].status);
    expect(["CONFIRMED", "RETURNED"]).toContain(after.status);
    expect(after.version).toBe(3);
    expect(await auditOf(fx.id)).toBe(1);
  });

  it("of 5 identical submissions started at once exactly one wins", async () => {
    const fx = await putAssessment({ unitId: tanThanh, year: YEAR, status: "DRAFT" });
    const submit = ZTransition.parse({ action: "submit", assessmentId: fx.id, version: 1 });
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => transitionAssessment(xa, submit)));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(settled.flatMap((s) => (s.status === "rejected" ? [(s.reason as AppError).code] : []))).toEqual(Array(4).fill("CONFLICT"));
    expect(await db.assessment.findUniqueOrThrow({ where: { id: fx.id } })).toMatchObject({ status: "SUBMITTED", version: 2 });
    expect(await auditOf(fx.id, "report.submit")).toBe(1);
  });

  it("a save racing a submission either lands before it or is refused with LOCKED, never after it", async () => {
    for (let round = 0; round < 5; round++) {
      const fx = await loadedForm();
      const submit = ZTransition.parse({ action: "submit", assessmentId: fx.id, version: 1 });
      const [saved, submitted] = await Promise.allSettled([save(xa, 1, [true, true], `Vòng ${round}`), transitionAssessment(xa, submit)]);
      expect(submitted.status).toBe("fulfilled");
      const stored = await storedCriterion();
      if (saved.status === "fulfilled") {
        expect(stored).toMatchObject({ version: 2, evidenceNote: `Vòng ${round}` });
        const [saveRow, submitRow] = await Promise.all(
          ["criterion.save", "report.submit"].map((action) =>
            db.auditLog.findFirstOrThrow({ where: { entityType: "Assessment", entityId: String(fx.id), action }, orderBy: { id: "desc" } }),
          ),
        );
        expect(saveRow.id < submitRow.id).toBe(true);
      } else {
        expect((saved.reason as AppError).code).toBe("LOCKED");
        expect(stored).toMatchObject({ version: 1, evidenceNote: "Bản đầu tiên." });
      }
    }
  });

  it("of 5 identical requests for recognition started at once exactly one dossier is made; the others get CONFLICT", async () => {
    await clearRecognition([banDat]);
    await putAssessment({ unitId: banDat, year: YEAR, status: "CONFIRMED", results: "all-met" });
    const auditBefore = await db.auditLog.count();
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => proposeRecognition(admin, ZPropose.parse({ communeId: banDat, year: YEAR }), BEFORE_REFORM)));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(settled.flatMap((s) => (s.status === "rejected" ? [s.reason instanceof AppError ? s.reason.code : "not an AppError"] : []))).toEqual(Array(4).fill("CONFLICT"));
    expect(await db.recognitionDossier.count({ where: { unitId: banDat } })).toBe(1);
    expect(await db.auditLog.count()).toBe(auditBefore + 1);
  });

  it("of two different steps of the same dossier started at once (the district verifies, the district returns) exactly one wins", async () => {
    await clearRecognition([banDat]);
    const report = await putAssessment({ unitId: banDat, year: YEAR, status: "CONFIRMED", results: "all-met" });
    const dossier = await putDossier({ unitId: banDat, reportId: report.id, status: "SUBMITTED", version: 3 });
    const step = (raw: Record<string, unknown>) => stepDossier(huyen, ZDossierStep.parse({ dossierId: dossier.id, version: 3, ...raw }), BEFORE_REFORM);
    const settled = await Promise.allSettled([step({ action: "verify" }), step({ action: "return", comment: "Thiếu biên bản lấy ý kiến người dân." })]);
    const won = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const lost = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect((lost[0] as AppError).code).toBe("CONFLICT");
    const after = await db.recognitionDossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(after).toMatchObject({ status: won[0].status, version: 4 });
    expect(["VERIFIED", "RETURNED"]).toContain(after.status);
    expect(await db.auditLog.count({ where: { entityType: "RecognitionDossier", entityId: String(dossier.id) } })).toBe(1);
  });

  it("of 3 decisions on the same appraised dossier recorded at once exactly one title is granted", async () => {
    await clearRecognition([banDat]);
    const report = await putAssessment({ unitId: banDat, year: YEAR, status: "CONFIRMED", results: "all-met" });
    const dossier = await putDossier({ unitId: banDat, reportId: report.id, status: "APPRAISED", appraisedOn: "2025-03-10" });
    const settled = await Promise.allSettled(
      ["101", "102", "103"].map((n) =>
        stepDossier(tinh, ZDossierStep.parse({ action: "decide", dossierId: dossier.id, version: 1, decisionNumber: `${n}/QĐ-UBND`, decisionDate: "2025-03-12", signer: "Chủ tịch UBND tỉnh", confirmed: "on" }), BEFORE_REFORM),
      ),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(settled.flatMap((s) => (s.status === "rejected" ? [(s.reason as AppError).code] : []))).toEqual(["CONFLICT", "CONFLICT"]);
    expect(await db.recognition.count({ where: { unitId: banDat } })).toBe(1);
  });
});
