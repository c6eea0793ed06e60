// Staff reads of assessments; every read takes the viewer and applies its scope.
import { forbidden, notFound } from "next/navigation";
import { hasPermission, isUnitInScope, type ScopedUnit, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { communeSetCodeForYear, relativeGap, resolveThreshold, type GroupingScheme, type NtmRegion } from "@/lib/criteria/rules";
import { communeScopeWhere } from "@/lib/units/scope";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { actionsFor } from "./service";
import { isEditable, reviewLevel } from "./workflow";

/** Communes (xã) in the viewer's scope with their result for a year. */
export async function listCommunesForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }) {
  const communes = await db.adminUnit.findMany({
    where: {
      level: "COMMUNE",
      type: "XA",
      ...validOn(unitsDateForYear(opts.year)),
      ...communeScopeWhere(viewer),
      ...(opts.provinceId ? { provinceId: opts.provinceId } : {}),
    },
    orderBy: [{ district: { name: "asc" } }, { name: "asc" }],
    take: 2000,
    select: {
      id: true,
      code: true,
      fullName: true,
      district: { select: { fullName: true } },
      assessments: {
        where: { year: opts.year, set: { level: "COMMUNE" } },
        select: { id: true, status: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true },
      },
      recognitions: { where: { revocationDate: null }, select: { level: true, decisionNumber: true }, take: 1 },
    },
  });
  return communes.map((c) => ({ ...c, assessment: c.assessments[0] ?? null, title: c.recognitions[0] ?? null }));
}

/** Who may open a commune's dossier (and so download its evidence): readers of assessments whose scope covers the commune. */
export function canReadDossierOf(viewer: Viewer, commune: ScopedUnit): boolean {
  return hasPermission(viewer.role, "assessment.read") && isUnitInScope(viewer, commune);
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * One commune's assessment for a year, with every criterion and indicator, the threshold that
 * applies to this commune, the values entered, last year's values (same criteria set), evidence,
 * the workflow actions open to the viewer and the history. Out of scope → 403, unknown → 404.
 */
export async function getCommuneAssessmentView(viewer: Viewer, communeId: number, year: number) {
  const commune = await db.adminUnit.findUnique({
    where: { id: communeId },
    include: { district: { select: { fullName: true } }, province: { select: { id: true, fullName: true } } },
  });
  if (!commune || commune.level !== "COMMUNE") notFound();
  if (!canReadDossierOf(viewer, commune)) forbidden();

  const set = await db.criteriaSet.findUniqueOrThrow({
    where: { code: communeSetCodeForYear(year) },
    include: {
      criteria: {
        orderBy: { number: "asc" },
        include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } },
      },
    },
  });
  const [assessment, lastYear] = await Promise.all([
    db.assessment.findUnique({
      where: { unitId_year_setId: { unitId: communeId, year, setId: set.id } },
      include: {
        criterionResults: { include: { updatedBy: { select: { name: true } }, evidence: { include: { file: { select: { id: true, fileName: true, size: true } } } } } },
        indicatorValues: true,
      },
    }),
    db.assessment.findUnique({
      where: { unitId_year_setId: { unitId: communeId, year: year - 1, setId: set.id } },
      select: { indicatorValues: { select: { indicatorId: true, numberValue: true, boolValue: true } } },
    }),
  ]);
  const ctx = { region: commune.region as NtmRegion | null, communeGroup: commune.communeGroup, provinceId: commune.provinceId };
  const resultByCriterion = new Map(assessment?.criterionResults.map((r) => [r.criterionId, r]));
  const valueByIndicator = new Map(assessment?.indicatorValues.map((v) => [v.indicatorId, v]));
  const lastByIndicator = new Map(lastYear?.indicatorValues.map((v) => [v.indicatorId, v.boolValue ?? num(v.numberValue)]));
  const criteria = set.criteria.map((c) => {
    const r = resultByCriterion.get(c.id);
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      groupName: c.groupName,
      groupOrder: c.groupOrder,
      responsibleDepartment: c.responsibleDepartment,
      result: r
        ? {
            status: r.status,
            computedStatus: r.computedStatus,
            overrideStatus: r.overrideStatus,
            overrideReason: r.overrideReason,
            evidenceNote: r.evidenceNote,
            version: r.version,
            updatedAt: r.updatedAt.toISOString(),
            updatedBy: r.updatedBy?.name ?? null,
            files: r.evidence.map((e) => e.file),
          }
        : null,
      indicators: c.indicators.map((i) => {
        const threshold = resolveThreshold(
          i.thresholds.map((t) => ({ region: t.region, communeGroup: t.communeGroup, provinceId: t.provinceId, value: num(t.value) })),
          ctx,
          set.groupingScheme as GroupingScheme,
        );
        const v = valueByIndicator.get(i.id);
        const value = v ? (i.kind === "BOOLEAN" ? v.boolValue : num(v.numberValue)) : null;
        return {
          id: i.id,
          code: i.code,
          name: i.name,
          unit: i.unit,
          kind: i.kind,
          comparison: i.comparison,
          isSample: i.isSample,
          threshold: threshold?.value ?? null,
          thresholdIsOverride: threshold?.provinceId != null,
          value,
          met: v?.met ?? null,
          lastYear: lastByIndicator.get(i.id) ?? null,
        };
      }),
    };
  });
  const status = assessment?.status ?? "DRAFT";
  const canEdit = hasPermission(viewer.role, "assessment.edit") && isEditable(status) && commune.type === "XA";
  return {
    commune,
    set: { id: set.id, code: set.code, name: set.name, decision: set.decision, criteriaTotal: set.criteria.length },
    assessment,
    criteria,
    canEdit,
    actions: assessment ? actionsFor(viewer, { status: assessment.status, unit: commune }) : [],
    /** the level above that confirms this report today (district before 1/7/2025, province after) */
    reviewLevel: reviewLevel(commune, new Date()),
  };
}

export interface HistoryEntry {
  id: string;
  at: Date;
  who: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Who changed what and when on a report (the audit rows of the assessment), newest first. */
export async function listAssessmentHistory(viewer: Viewer, assessmentId: number, limit = 50): Promise<HistoryEntry[]> {
  const assessment = await db.assessment.findUnique({ where: { id: assessmentId }, select: { unit: { select: { id: true, provinceId: true, districtId: true } } } });
  if (!assessment || !isUnitInScope(viewer, assessment.unit)) return [];
  const rows = await db.auditLog.findMany({
    where: { entityType: "Assessment", entityId: String(assessmentId) },
    orderBy: { at: "desc" },
    take: limit,
    include: { user: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: String(r.id), at: r.at, who: r.user?.name ?? "Hệ thống", action: r.action, before: r.before, after: r.after }));
}

export interface IndicatorGap {
  criterionNumber: number;
  criterionName: string;
  code: string;
  name: string;
  unit: string | null;
  kind: string;
  comparison: string;
  threshold: number | null;
  value: number | boolean | null;
  /** relative distance to the threshold (0.05 = 5% short); null for yes/no or missing values */
  gap: number | null;
}

/**
 * Gap analysis of one commune: its unmet indicators with the distance to each threshold, the
 * closest to being met first (numbers by relative gap, then yes/no ones, then missing values).
 */
export function gapsOf(view: Awaited<ReturnType<typeof getCommuneAssessmentView>>): IndicatorGap[] {
  const gaps: IndicatorGap[] = [];
  for (const c of view.criteria) {
    if (c.result?.status === "MET") continue;
    for (const i of c.indicators) {
      if (i.met === true) continue;
      gaps.push({
        criterionNumber: c.number,
        criterionName: c.name,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        comparison: i.comparison,
        threshold: i.threshold,
        value: i.value,
        gap: relativeGap(i, i.threshold, i.value),
      });
    }
  }
  const rank = (g: IndicatorGap) => (g.gap !== null ? g.gap : g.value === null ? 1e9 : 1e6);
  return gaps.sort((a, b) => rank(a) - rank(b) || a.criterionNumber - b.criterionNumber);
}
