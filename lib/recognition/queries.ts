// Reads of the recognition procedure for the commune's page: its titles (in force or revoked), its
// dossier under way with what the viewer may do to it, and whether it may ask to be recognised.
import { hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { checkRevocation, communeSetCodeForYear, type CriterionStatus } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { dossierActions, dossierPermission, eligibilityProblem, hasDistrictStep, holdsTitle, type DossierAction, type DossierStatus } from "./rules";

export interface CommuneRef {
  id: number;
  provinceId: number | null;
  districtId: number | null;
  type: string;
}

/** What the commune's page shows of recognition, for a viewer, a report year and a day. */
export async function recognitionView(viewer: Viewer, commune: CommuneRef, year: number, today: Date) {
  const inScope = isUnitInScope(viewer, commune);
  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(year) }, select: { id: true } });
  const [titles, dossiers, report] = await Promise.all([
    db.recognition.findMany({
      where: { unitId: commune.id },
      orderBy: [{ decisionDate: "desc" }, { id: "desc" }],
      include: { set: { select: { code: true, name: true, decision: true } }, dossier: { select: { councilVotesFor: true, councilVotesTotal: true, appraisedOn: true } } },
    }),
    db.recognitionDossier.findMany({
      where: { unitId: commune.id },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      include: { report: { select: { year: true, criteriaMet: true, criteriaTotal: true, status: true, reachedStandard: true } } },
    }),
    set
      ? db.assessment.findUnique({
          where: { unitId_year_setId: { unitId: commune.id, year, setId: set.id } },
          select: { id: true, year: true, status: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true },
        })
      : null,
  ]);
  const inForce = titles.find((t) => holdsTitle(t, today)) ?? null;
  const open = dossiers.find((d) => d.status !== "DECIDED") ?? null;
  const districtStep = hasDistrictStep(commune, today);
  // a report no longer meeting every criterion (a correction) leaves the holder only a return
  const openProblem = open ? eligibilityProblem(open.report, open.report.year) : null;
  const openActions: DossierAction[] =
    open && inScope
      ? dossierActions(open.status as DossierStatus, districtStep)
          .filter((a) => !openProblem || a === "return")
          .filter((a) => hasPermission(viewer.role, dossierPermission(a, open.status as DossierStatus, districtStep)))
      : [];
  const mayPropose = inScope && commune.type === "XA" && hasPermission(viewer.role, "recognition.propose");
  const proposeProblem = inForce
    ? "Xã đang giữ danh hiệu xã đạt chuẩn nông thôn mới."
    : open && open.status !== "RETURNED"
      ? "Xã đã có hồ sơ đề nghị công nhận đang được xét."
      : eligibilityProblem(report, year);
  return {
    titles,
    inForce,
    open,
    openActions,
    districtStep,
    /** the request may be made (null problem) — or why not, said before anything is typed */
    propose: mayPropose && !open ? { year, problem: proposeProblem } : null,
    canRevoke: inScope && inForce !== null && hasPermission(viewer.role, "recognition.revoke"),
    revocation: inForce ? await revocationCheckOf(commune.id) : null,
  };
}

/**
 * QĐ 18/2022's test on the commune's latest confirmed report: flagged for revocation when ≥ 50%
 * of its criteria are not met, or 30% to under 50% including a key criterion.
 */
export async function revocationCheckOf(communeId: number) {
  const report = await db.assessment.findFirst({
    where: { unitId: communeId, status: "CONFIRMED" },
    orderBy: [{ year: "desc" }],
    select: {
      year: true,
      criteriaMet: true,
      criteriaTotal: true,
      criterionResults: { select: { criterionId: true, status: true } },
      set: { select: { criteria: { select: { id: true, isKey: true } } } },
    },
  });
  if (!report) return null;
  // a criterion without a saved result is not met
  const status = new Map(report.criterionResults.map((r) => [r.criterionId, r.status as CriterionStatus]));
  const input = report.set.criteria.map((c) => ({ isKey: c.isKey, status: status.get(c.id) ?? ("NOT_MET" as CriterionStatus) }));
  return { year: report.year, criteriaMet: report.criteriaMet, criteriaTotal: report.criteriaTotal, ...checkRevocation({ recognised: true, criteria: input }) };
}
