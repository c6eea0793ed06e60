// Staff reads of assessments; every read takes the viewer and applies its scope.
import { forbidden, notFound } from "next/navigation";
import { isUnitInScope, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { communeSetCodeForYear, resolveThreshold, type GroupingScheme, type NtmRegion } from "@/lib/criteria/rules";
import { communeScopeWhere } from "@/lib/units/scope";
import { unitsDateForYear, validOn } from "@/lib/units/rules";

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
        select: { id: true, status: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true, tier: true },
      },
    },
  });
  return communes.map((c) => ({ ...c, assessment: c.assessments[0] ?? null }));
}

/**
 * One commune's assessment for a year, with every criterion, indicator, the threshold that
 * applies to this commune, and the values entered. Out of scope → 403, unknown → 404.
 */
export async function getCommuneAssessmentView(viewer: Viewer, communeId: number, year: number) {
  const commune = await db.adminUnit.findUnique({
    where: { id: communeId },
    include: { district: { select: { fullName: true } }, province: { select: { id: true, fullName: true } } },
  });
  if (!commune || commune.level !== "COMMUNE") notFound();
  if (!isUnitInScope(viewer, commune)) forbidden();

  const set = await db.criteriaSet.findUniqueOrThrow({
    where: { code: communeSetCodeForYear(year) },
    include: {
      criteria: {
        orderBy: { number: "asc" },
        include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } },
      },
    },
  });
  const assessment = await db.assessment.findUnique({
    where: { unitId_year_setId: { unitId: communeId, year, setId: set.id } },
    include: { criterionResults: true, indicatorValues: true },
  });
  const ctx = { region: commune.region as NtmRegion | null, communeGroup: commune.communeGroup, provinceId: commune.provinceId };
  const resultByCriterion = new Map(assessment?.criterionResults.map((r) => [r.criterionId, r]));
  const valueByIndicator = new Map(assessment?.indicatorValues.map((v) => [v.indicatorId, v]));
  const criteria = set.criteria.map((c) => ({
    id: c.id,
    number: c.number,
    name: c.name,
    groupName: c.groupName,
    groupOrder: c.groupOrder,
    result: resultByCriterion.get(c.id) ?? null,
    indicators: c.indicators.map((i) => {
      const threshold = resolveThreshold(
        i.thresholds.map((t) => ({ region: t.region, communeGroup: t.communeGroup, provinceId: t.provinceId, value: t.value === null ? null : Number(t.value) })),
        ctx,
        set.groupingScheme as GroupingScheme,
      );
      const v = valueByIndicator.get(i.id);
      return {
        id: i.id,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        comparison: i.comparison,
        isSample: i.isSample,
        threshold: threshold?.value ?? null,
        value: v ? (i.kind === "BOOLEAN" ? v.boolValue : v.numberValue === null ? null : Number(v.numberValue)) : null,
        met: v?.met ?? null,
      };
    }),
  }));
  return { commune, set: { id: set.id, code: set.code, name: set.name, decision: set.decision }, assessment, criteria };
}
