// Analyses across communes: who is closest to the standard, and what a new criteria set asks
// of communes recognised under the previous one. Reads are scoped to the viewer.
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { relativeGap, resolveThreshold, type GroupingScheme, type NtmRegion } from "@/lib/criteria/rules";
import { communeScopeWhere } from "@/lib/units/scope";

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface ClosestCommune {
  assessmentId: number;
  communeId: number;
  commune: string;
  district: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  unmetCriteria: { number: number; name: string }[];
  /** sum over unmet indicators of the relative distance to the threshold (yes/no or missing count 1) */
  effort: number;
}

/**
 * Communes that have not reached the standard in a year, the closest first: fewest criteria
 * missing, then the smallest total distance of their unmet indicators to the thresholds.
 */
export async function listClosestToStandard(viewer: Viewer, opts: { year: number; provinceId?: number; limit?: number }): Promise<ClosestCommune[]> {
  const assessments = await db.assessment.findMany({
    where: {
      year: opts.year,
      reachedStandard: false,
      set: { level: "COMMUNE" },
      unit: { level: "COMMUNE", ...communeScopeWhere(viewer), ...(opts.provinceId ? { provinceId: opts.provinceId } : {}) },
    },
    orderBy: [{ criteriaMet: "desc" }, { id: "asc" }],
    take: Math.min(opts.limit ?? 50, 200) * 3,
    select: {
      id: true,
      criteriaMet: true,
      criteriaTotal: true,
      set: { select: { groupingScheme: true } },
      unit: { select: { id: true, fullName: true, region: true, communeGroup: true, provinceId: true, district: { select: { fullName: true } } } },
      criterionResults: { where: { status: { not: "MET" } }, select: { criterion: { select: { number: true, name: true } } } },
      indicatorValues: {
        where: { OR: [{ met: false }, { met: null }] },
        select: { numberValue: true, boolValue: true, indicator: { select: { kind: true, comparison: true, thresholds: true } } },
      },
    },
  });
  const ranked = assessments.map((a): ClosestCommune => {
    const ctx = { region: a.unit.region as NtmRegion | null, communeGroup: a.unit.communeGroup, provinceId: a.unit.provinceId };
    let effort = 0;
    for (const v of a.indicatorValues) {
      const t = resolveThreshold(
        v.indicator.thresholds.map((t) => ({ region: t.region, communeGroup: t.communeGroup, provinceId: t.provinceId, value: num(t.value) })),
        ctx,
        a.set.groupingScheme as GroupingScheme,
      )?.value ?? null;
      const value = v.indicator.kind === "BOOLEAN" ? v.boolValue : num(v.numberValue);
      const gap = relativeGap(v.indicator, t, value);
      effort += gap === null ? 1 : Math.min(gap, 1);
    }
    return {
      assessmentId: a.id,
      communeId: a.unit.id,
      commune: a.unit.fullName,
      district: a.unit.district?.fullName ?? null,
      criteriaMet: a.criteriaMet,
      criteriaTotal: a.criteriaTotal,
      unmetCriteria: a.criterionResults.map((r) => r.criterion).sort((x, y) => x.number - y.number),
      effort: Math.round(effort * 100) / 100,
    };
  });
  return ranked
    .sort((x, y) => x.criteriaTotal - x.criteriaMet - (y.criteriaTotal - y.criteriaMet) || x.effort - y.effort)
    .slice(0, opts.limit ?? 50);
}

export interface PhaseChangeRow {
  communeId: number;
  commune: string;
  district: string | null;
  recognisedUnder: string;
  decision: string | null;
  /** the assessment under the newer set, if any */
  year: number | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  unmet: { number: number; name: string }[];
  /** for 2021–2025 → 2026–2030: the recognised old communes the new one was formed from */
  formedFrom?: string;
}

/**
 * Communes holding a title granted under the 2016–2020 set (or earlier), with the 2021–2025
 * criteria their latest report under the new set does not meet (what the conclusion notices ask
 * to review).
 */
export async function listPhaseChange2016To2021(viewer: Viewer, opts: { provinceId?: number } = {}): Promise<PhaseChangeRow[]> {
  const recognised = await db.recognition.findMany({
    where: {
      revocationDate: null,
      set: { code: { in: ["XA_2010_2015", "XA_2016_2020"] } },
      unit: { level: "COMMUNE", ...communeScopeWhere(viewer), ...(opts.provinceId ? { provinceId: opts.provinceId } : {}) },
    },
    distinct: ["unitId"],
    orderBy: [{ unitId: "asc" }, { decisionDate: "asc" }],
    select: { unitId: true, decisionNumber: true, unit: { select: { fullName: true, district: { select: { fullName: true } } } } },
  });
  if (recognised.length === 0) return [];
  const latest = await db.assessment.findMany({
    where: { unitId: { in: recognised.map((r) => r.unitId) }, set: { code: "XA_2021_2025" } },
    distinct: ["unitId"],
    orderBy: [{ unitId: "asc" }, { year: "desc" }],
    select: {
      unitId: true,
      year: true,
      criteriaMet: true,
      criteriaTotal: true,
      criterionResults: { where: { status: { not: "MET" } }, select: { criterion: { select: { number: true, name: true } } } },
    },
  });
  const byUnit = new Map(latest.map((l) => [l.unitId, l]));
  return recognised
    .map((r): PhaseChangeRow => {
      const l = byUnit.get(r.unitId);
      return {
        communeId: r.unitId,
        commune: r.unit.fullName,
        district: r.unit.district?.fullName ?? null,
        recognisedUnder: "2016–2020",
        decision: r.decisionNumber,
        year: l?.year ?? null,
        criteriaMet: l?.criteriaMet ?? null,
        criteriaTotal: l?.criteriaTotal ?? null,
        unmet: (l?.criterionResults ?? []).map((c) => c.criterion).sort((a, b) => a.number - b.number),
      };
    })
    .sort((a, b) => b.unmet.length - a.unmet.length || a.commune.localeCompare(b.commune, "vi"));
}

/**
 * The new communes (from 1/7/2025) formed from communes holding a title granted under the 2021–2025 set,
 * with the 2026–2030 criteria their latest assessment does not meet. A new commune formed from
 * several old ones is listed once, with the recognised predecessors named.
 */
export async function listPhaseChange2021To2026(viewer: Viewer, opts: { provinceId?: number } = {}): Promise<PhaseChangeRow[]> {
  const successors = await db.adminUnit.findMany({
    where: {
      level: "COMMUNE",
      type: "XA",
      validTo: null,
      ...communeScopeWhere(viewer),
      ...(opts.provinceId ? { provinceId: opts.provinceId } : {}),
      predecessors: { some: { predecessor: { recognitions: { some: { set: { code: "XA_2021_2025" } } } } } },
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      fullName: true,
      predecessors: {
        where: { predecessor: { recognitions: { some: { set: { code: "XA_2021_2025" } } } } },
        select: { kind: true, predecessor: { select: { fullName: true } } },
      },
      assessments: {
        where: { set: { code: "XA_2026_2030" } },
        orderBy: { year: "desc" },
        take: 1,
        select: {
          year: true,
          criteriaMet: true,
          criteriaTotal: true,
          criterionResults: { where: { status: { not: "MET" } }, select: { criterion: { select: { number: true, name: true } } } },
        },
      },
    },
    take: 1000,
  });
  return successors.map((s) => {
    const l = s.assessments[0];
    return {
      communeId: s.id,
      commune: s.fullName,
      district: null,
      recognisedUnder: "2021–2025",
      decision: null,
      formedFrom: s.predecessors.map((p) => `${p.predecessor.fullName}${p.kind === "PARTIAL" ? " (một phần)" : ""}`).join(", "),
      year: l?.year ?? null,
      criteriaMet: l?.criteriaMet ?? null,
      criteriaTotal: l?.criteriaTotal ?? null,
      unmet: (l?.criterionResults ?? []).map((c) => c.criterion).sort((a, b) => a.number - b.number),
    };
  });
}
