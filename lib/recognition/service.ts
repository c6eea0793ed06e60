// Writes of the recognition procedure: a commune's request, each step of its dossier, the
// decision that grants the title, a revocation. Load the target → authorise by the step's
// permission at the level that holds it and by scope → one transaction with the row locked, the
// version checked, the rules of lib/recognition/rules.ts checked again, and the audit row.
import { assertCan, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { AppError, notFound } from "@/lib/errors";
import { todayInVietnam } from "@/lib/format";
import { invalidInput } from "@/lib/forms";
import {
  appraisalDateProblem,
  councilApproves,
  decisionDateProblem,
  DOSSIER_ACTION_LABELS,
  DOSSIER_NEXT,
  dossierActions,
  dossierPermission,
  eligibilityProblem,
  hasDistrictStep,
  revocationDateProblem,
  type DossierStatus,
} from "./rules";
import type { TDossierStep, TPropose, TRevoke } from "./schemas";

const communeSelect = { id: true, provinceId: true, districtId: true, type: true, fullName: true, level: true } as const;

/** The confirmed annual report a request rests on: the commune's report of that year's set. */
async function reportOf(client: Tx | typeof db, communeId: number, year: number) {
  const set = await client.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(year) }, select: { id: true } });
  if (!set) return null;
  return client.assessment.findUnique({
    where: { unitId_year_setId: { unitId: communeId, year, setId: set.id } },
    select: { id: true, year: true, setId: true, status: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true },
  });
}

const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
const titleInForce = (tx: Tx, unitId: number) => tx.recognition.findFirst({ where: { unitId, level: "NTM", revocationDate: null }, select: { decisionNumber: true, decisionDate: true } });

/** The commune asks to be recognised on its confirmed report of `year` (every criterion met). */
export async function proposeRecognition(viewer: Viewer | null, input: TPropose, today = todayInVietnam()) {
  const commune = await db.adminUnit.findUnique({ where: { id: input.communeId }, select: communeSelect });
  if (!commune || commune.level !== "COMMUNE") throw notFound("Không tìm thấy xã.");
  assertCan(viewer, "recognition.propose", commune);
  if (commune.type !== "XA") throw new AppError("VALIDATION", "Chỉ xã được xét công nhận đạt chuẩn nông thôn mới.");
  try {
    return await db.$transaction(async (tx) => {
      const report = await reportOf(tx, commune.id, input.year);
      const problem = eligibilityProblem(report, input.year);
      if (problem) throw new AppError("VALIDATION", problem);
      const title = await titleInForce(tx, commune.id);
      if (title) throw new AppError("CONFLICT", `${commune.fullName} đang giữ danh hiệu xã đạt chuẩn nông thôn mới (Quyết định ${title.decisionNumber}).`);
      const dossier = await tx.recognitionDossier.create({
        data: { unitId: commune.id, level: "NTM", reportId: report!.id, submittedAt: today, submittedById: viewer.id },
      });
      await writeAudit(tx, {
        userId: viewer.id,
        action: "recognition.propose",
        entityType: "RecognitionDossier",
        entityId: dossier.id,
        unitId: commune.id,
        after: { level: "NTM", year: input.year, reportId: report!.id, criteria: `${report!.criteriaMet}/${report!.criteriaTotal}` },
      });
      return { id: dossier.id, status: dossier.status as DossierStatus, version: dossier.version };
    });
  } catch (err) {
    // the partial unique index: one dossier under way per commune and level
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", `${commune.fullName} đã có hồ sơ đề nghị công nhận đang được xét.`);
    throw err;
  }
}

/**
 * One step of a dossier: verify (district), appraise (province's council), decide (the decision:
 * the title begins), return to the commune, or send again. The step must be the one the dossier
 * is at, by the office that holds it; the report must still meet every criterion.
 */
export async function stepDossier(viewer: Viewer | null, input: TDossierStep, today = todayInVietnam()) {
  const dossier = await db.recognitionDossier.findUnique({ where: { id: input.dossierId }, include: { unit: { select: communeSelect } } });
  if (!dossier) throw notFound("Không tìm thấy hồ sơ đề nghị công nhận.");
  const districtStep = hasDistrictStep(dossier.unit, today);
  assertCan(viewer, dossierPermission(input.action, dossier.status as DossierStatus, districtStep), dossier.unit);
  const label = DOSSIER_ACTION_LABELS[input.action];

  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ status: DossierStatus; version: number; appraisedOn: Date | null }[]>`
      SELECT status::text AS status, version, "appraisedOn" FROM "RecognitionDossier" WHERE id = ${dossier.id} FOR UPDATE`;
    if (current.version !== input.version) throw new AppError("CONFLICT", "Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang để xem trạng thái mới.");
    if (!dossierActions(current.status, districtStep).includes(input.action)) {
      throw new AppError("CONFLICT", `Không thể "${label.toLowerCase()}" khi hồ sơ đang ở trạng thái hiện tại.`);
    }
    if (input.action !== "return") {
      // every step forward rests on the report as it stands now (a correction may have changed it)
      const report = await tx.assessment.findUniqueOrThrow({
        where: { id: dossier.reportId },
        select: { year: true, status: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true, setId: true },
      });
      const problem = eligibilityProblem(report, report.year);
      if (problem) throw new AppError("VALIDATION", problem);
    }
    const data: Record<string, unknown> = { status: DOSSIER_NEXT[input.action], version: { increment: 1 } };
    let recognitionId: number | null = null;
    switch (input.action) {
      case "verify":
        Object.assign(data, { verifiedAt: today, verifiedById: viewer.id, verifyNote: input.note || null });
        break;
      case "appraise": {
        const dateProblem = appraisalDateProblem(input.appraisedOn, today);
        if (dateProblem) throw invalidInput({ appraisedOn: [dateProblem] }, dateProblem);
        if (input.votesFor > input.votesTotal) throw invalidInput({ votesFor: ["Lớn hơn số thành viên."] }, "Số phiếu đồng ý không thể lớn hơn số thành viên hội đồng.");
        if (!councilApproves(input.votesFor, input.votesTotal)) {
          throw invalidInput({ votesFor: ["Chưa quá nửa."] }, "Hội đồng thẩm định chưa thông qua (cần quá nửa số thành viên đồng ý). Nếu không thông qua, hãy trả lại hồ sơ.");
        }
        Object.assign(data, { appraisedOn: input.appraisedOn, appraisedById: viewer.id, councilVotesFor: input.votesFor, councilVotesTotal: input.votesTotal });
        break;
      }
      case "decide": {
        const dateProblem = decisionDateProblem(input.decisionDate, current.appraisedOn, today);
        if (dateProblem) throw invalidInput({ decisionDate: [dateProblem] }, dateProblem);
        const title = await titleInForce(tx, dossier.unitId);
        if (title) throw new AppError("CONFLICT", `${dossier.unit.fullName} đang giữ danh hiệu theo Quyết định ${title.decisionNumber}.`);
        const report = await tx.assessment.findUniqueOrThrow({ where: { id: dossier.reportId }, select: { setId: true } });
        const province = dossier.unit.provinceId ? await tx.adminUnit.findUnique({ where: { id: dossier.unit.provinceId }, select: { fullName: true } }) : null;
        const recognition = await tx.recognition.create({
          data: {
            unitId: dossier.unitId,
            level: dossier.level,
            setId: report.setId,
            decisionNumber: input.decisionNumber,
            decisionDate: input.decisionDate,
            signer: input.signer,
            issuer: input.issuer || (province ? `UBND ${province.fullName.charAt(0).toLowerCase()}${province.fullName.slice(1)}` : null),
            dossierId: dossier.id,
            source: "PROCEDURE",
            createdById: viewer.id,
          },
        });
        recognitionId = recognition.id;
        break;
      }
      case "return":
        data.returnComment = input.comment;
        break;
      case "resubmit":
        Object.assign(data, { submittedAt: today, submittedById: viewer.id, returnComment: null });
        break;
    }
    const updated = await tx.recognitionDossier.update({ where: { id: dossier.id }, data });
    const { action: _a, dossierId: _d, version: _v, ...details } = input as Record<string, unknown>;
    await writeAudit(tx, {
      userId: viewer.id,
      action: `recognition.${input.action}`,
      entityType: "RecognitionDossier",
      entityId: dossier.id,
      unitId: dossier.unitId,
      before: { status: current.status },
      after: { status: updated.status, ...details, ...(recognitionId ? { recognitionId } : {}) },
    });
    return { id: updated.id, status: updated.status as DossierStatus, version: updated.version, recognitionId };
  }).catch((err: unknown) => {
    // the partial unique indexes: one dossier under way (a returned one sent again beside a new
    // request), one title in force (two decisions at once)
    if (isUniqueViolation(err)) {
      throw new AppError("CONFLICT", input.action === "decide" ? `${dossier.unit.fullName} đang giữ danh hiệu xã đạt chuẩn nông thôn mới.` : `${dossier.unit.fullName} đã có hồ sơ đề nghị công nhận đang được xét.`);
    }
    throw err;
  });
}

/** A revocation decision: the title ends on its date (QĐ 18/2022/QĐ-TTg). */
export async function revokeRecognition(viewer: Viewer | null, input: TRevoke, today = todayInVietnam()) {
  const title = await db.recognition.findUnique({ where: { id: input.recognitionId }, include: { unit: { select: communeSelect } } });
  if (!title) throw notFound("Không tìm thấy quyết định công nhận.");
  assertCan(viewer, "recognition.revoke", title.unit);
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ version: number; revocationDate: Date | null }[]>`
      SELECT version, "revocationDate" FROM "Recognition" WHERE id = ${title.id} FOR UPDATE`;
    if (current.version !== input.version) throw new AppError("CONFLICT", "Quyết định công nhận vừa được người khác cập nhật. Hãy tải lại trang.");
    if (current.revocationDate) throw new AppError("CONFLICT", "Danh hiệu này đã bị thu hồi.");
    const problem = revocationDateProblem(input.revocationDate, title.decisionDate, today);
    if (problem) throw invalidInput({ revocationDate: [problem] }, problem);
    const updated = await tx.recognition.update({
      where: { id: title.id },
      data: { revocationNumber: input.revocationNumber, revocationDate: input.revocationDate, revocationReason: input.reason, revokedById: viewer.id, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "recognition.revoke",
      entityType: "Recognition",
      entityId: title.id,
      unitId: title.unitId,
      before: { decisionNumber: title.decisionNumber },
      after: { revocationNumber: input.revocationNumber, revocationDate: input.revocationDate.toISOString().slice(0, 10), reason: input.reason },
    });
    return { id: updated.id, version: updated.version };
  });
}
