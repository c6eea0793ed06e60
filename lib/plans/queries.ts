// Reads of year plans, roadmaps, progress against plan and projections. Staff reads take the
// viewer and apply its scope; planVsActual (dashboards) takes an optional province (today's or an
// earlier one) and includes the units it succeeded.
import { figuresRead } from "@/lib/cache/cached-read";
import { forbidden, notFound } from "next/navigation";
import { hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { communeScopeWhere } from "@/lib/units/scope";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import { checkEntry, planOutcome, planProgress, projectReachYear, type EntryCheck, type PlanOutcome, type PlanProgress, type PlanTarget, type Projection } from "./rules";

export interface LatestAssessment {
  year: number;
  status: string;
  reachedStandard: boolean;
  criteriaMet: number;
  criteriaTotal: number;
  /** criterion id → status */
  results: Map<number, string>;
}

/** A commune's latest assessment against one criteria set, in or before a year. */
export async function latestAssessmentOfSet(communeId: number, setId: number, year: number): Promise<LatestAssessment | null> {
  const a = await db.assessment.findFirst({
    where: { unitId: communeId, setId, year: { lte: year } },
    orderBy: { year: "desc" },
    select: { year: true, status: true, reachedStandard: true, criteriaMet: true, criteriaTotal: true, criterionResults: { select: { criterionId: true, status: true } } },
  });
  if (!a) return null;
  return { ...a, results: new Map(a.criterionResults.map((r) => [r.criterionId, r.status])) };
}

const RANK: Record<PlanTarget, number> = { NTM: 1, ADVANCED: 2, MODEL: 3 };

/** The highest title each commune holds on a day (decided by then, not revoked by then). */
export async function titlesOn(communeIds: number[], on: Date): Promise<Map<number, PlanTarget>> {
  if (communeIds.length === 0) return new Map();
  const rows = await db.recognition.findMany({
    where: { unitId: { in: communeIds }, decisionDate: { lte: on }, OR: [{ revocationDate: null }, { revocationDate: { gt: on } }] },
    select: { unitId: true, level: true },
  });
  const best = new Map<number, PlanTarget>();
  for (const r of rows) if (!best.has(r.unitId) || RANK[r.level] > RANK[best.get(r.unitId)!]) best.set(r.unitId, r.level);
  return best;
}

const yearEnd = (year: number) => new Date(Date.UTC(year, 11, 31));

/** Communes (AdminUnit filter) a read covers: a national viewer's chosen province, or the viewer's scope. */
async function communeFilter(viewer: Viewer, provinceId?: number): Promise<Prisma.AdminUnitWhereInput> {
  if (viewer.unitId !== null) return communeScopeWhere(viewer);
  return provinceId ? { provinceId: { in: await unitWithPredecessors(provinceId) } } : {};
}

/** Latest assessment per commune against the year's set, up to the year. */
async function latestByCommune(communeIds: number[], year: number) {
  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(year) }, select: { id: true } });
  if (!set || communeIds.length === 0) return new Map<number, LatestAssessment>();
  const rows = await db.assessment.findMany({
    where: { unitId: { in: communeIds }, setId: set.id, year: { lte: year } },
    orderBy: [{ unitId: "asc" }, { year: "desc" }],
    select: { unitId: true, year: true, status: true, reachedStandard: true, criteriaMet: true, criteriaTotal: true, criterionResults: { select: { criterionId: true, status: true } } },
  });
  const latest = new Map<number, LatestAssessment>();
  for (const r of rows) {
    if (latest.has(r.unitId)) continue;
    latest.set(r.unitId, { ...r, results: new Map(r.criterionResults.map((c) => [c.criterionId, c.status])) });
  }
  return latest;
}

export interface EntryRow {
  id: number;
  year: number;
  target: PlanTarget;
  targetDate: Date | null;
  note: string | null;
  isDemo: boolean;
  communeId: number;
  commune: string;
  district: { id: number; fullName: string } | null;
  province: { id: number; fullName: string };
  /** criteria met in the latest assessment of the year's set (null: none yet) */
  criteriaMet: number | null;
  criteriaTotal: number | null;
  outcome: PlanOutcome;
  check: EntryCheck;
  roadmapItems: number;
  roadmapMet: number;
}

async function loadEntries(where: Prisma.PlanEntryWhereInput, year: number): Promise<EntryRow[]> {
  const entries = await db.planEntry.findMany({
    where: { ...where, year },
    orderBy: [{ commune: { name: "asc" } }, { id: "asc" }],
    include: {
      commune: { select: { fullName: true, district: { select: { id: true, fullName: true } } } },
      province: { select: { id: true, fullName: true } },
      roadmap: { select: { criterionId: true, targetDate: true } },
    },
  });
  const communeIds = [...new Set(entries.map((e) => e.communeId))];
  const [latest, titles] = await Promise.all([latestByCommune(communeIds, year), titlesOn(communeIds, yearEnd(year))]);
  const today = todayInVietnam();
  return entries.map((e) => {
    const a = latest.get(e.communeId) ?? null;
    const outcome = planOutcome(e.target, { report: a && a.year === year ? a : null, title: titles.get(e.communeId) ?? null });
    const roadmap = e.roadmap.map((i) => ({ targetDate: i.targetDate, met: a?.results.get(i.criterionId) === "MET" }));
    return {
      id: e.id,
      year: e.year,
      target: e.target,
      targetDate: e.targetDate,
      note: e.note,
      isDemo: e.isDemo,
      communeId: e.communeId,
      commune: e.commune.fullName,
      district: e.commune.district,
      province: e.province,
      criteriaMet: a?.criteriaMet ?? null,
      criteriaTotal: a?.criteriaTotal ?? null,
      outcome,
      check: checkEntry({ year: e.year, outcome, roadmap }, today),
      roadmapItems: roadmap.length,
      roadmapMet: roadmap.filter((i) => i.met).length,
    };
  });
}

export interface UnitProgress {
  unitId: number | null;
  unit: string;
  progress: PlanProgress[];
  behind: number;
}

/**
 * A year's plan in the viewer's scope: every registered commune with its outcome and whether it is
 * behind, registered vs reached per target, and the same per unit (per province for a national
 * view, per district below it).
 */
export async function planOverviewForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }) {
  const entries = await loadEntries({ commune: await communeFilter(viewer, opts.provinceId) }, opts.year);
  const byProvince = viewer.unitId === null && !opts.provinceId;
  const groups = new Map<string, { unitId: number | null; unit: string; rows: EntryRow[] }>();
  for (const e of entries) {
    const unit = byProvince ? { id: e.province.id, name: e.province.fullName } : e.district ? { id: e.district.id, name: e.district.fullName } : { id: null, name: e.province.fullName };
    const key = String(unit.id);
    const g = groups.get(key) ?? { unitId: unit.id, unit: unit.name, rows: [] };
    g.rows.push(e);
    groups.set(key, g);
  }
  const byUnit: UnitProgress[] = [...groups.values()]
    .map((g) => ({ unitId: g.unitId, unit: g.unit, progress: planProgress(g.rows), behind: g.rows.filter((r) => r.check.behind).length }))
    .sort((a, b) => a.unit.localeCompare(b.unit, "vi"));
  return { entries, progress: planProgress(entries), byUnit, behind: entries.filter((e) => e.check.behind) };
}

/**
 * Registered vs reached per target (NTM, nâng cao, kiểu mẫu — always the three rows) for a year:
 * reached = the commune holds, at the year's end, a title at least at the target
 * (lib/plans/rules.ts planOutcome). `provinceId` may be today's province or an earlier
 * one: plans of the units it succeeded are included.
 */
async function readPlanVsActual(opts: { year: number; provinceId?: number }): Promise<PlanProgress[]> {
  // dashboards: one row per entry with its year's dossier — no roadmap, no criterion results
  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(opts.year) }, select: { id: true } });
  const provinces = opts.provinceId ? await unitWithPredecessors(opts.provinceId) : null;
  const end = yearEnd(opts.year);
  const rows = await db.$queryRaw<{ target: PlanTarget; status: string | null; reached: boolean | null; title: PlanTarget | null }[]>`
    SELECT e.target::text AS target, a.status::text AS status, a."reachedStandard" AS reached,
           (SELECT r.level::text FROM "Recognition" r
             WHERE r."unitId" = e."communeId" AND r."decisionDate" <= ${end}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${end}::date)
             ORDER BY array_position(ARRAY['NTM', 'ADVANCED', 'MODEL'], r.level::text) DESC LIMIT 1) AS title
    FROM "PlanEntry" e
    LEFT JOIN "Assessment" a ON a."unitId" = e."communeId" AND a.year = e.year AND a."setId" = ${set?.id ?? -1}
    WHERE e.year = ${opts.year} AND (${provinces === null} OR e."provinceId" = ANY(${provinces ?? []}::int[]))`;
  return planProgress(
    rows.map((r) => ({ target: r.target, outcome: planOutcome(r.target, { report: r.status === null ? null : { status: r.status, reachedStandard: r.reached ?? false }, title: r.title }) })),
  );
}

/** One plan entry with its roadmap and each criterion's current status, for staff. Out of scope → 403. */
export async function getPlanEntryForStaff(viewer: Viewer, entryId: number) {
  const entry = await db.planEntry.findUnique({
    where: { id: entryId },
    include: {
      commune: { select: { id: true, fullName: true, provinceId: true, districtId: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } } },
      roadmap: { include: { criterion: { select: { id: true, number: true, name: true } } } },
    },
  });
  if (!entry) notFound();
  if (!isUnitInScope(viewer, entry.commune)) forbidden();
  const set = await db.criteriaSet.findUniqueOrThrow({
    where: { code: communeSetCodeForYear(entry.year) },
    include: { criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true } } },
  });
  const [latest, titles] = await Promise.all([latestAssessmentOfSet(entry.communeId, set.id, entry.year), titlesOn([entry.communeId], yearEnd(entry.year))]);
  const today = todayInVietnam();
  const outcome = planOutcome(entry.target, { report: latest && latest.year === entry.year ? latest : null, title: titles.get(entry.communeId) ?? null });
  const items = entry.roadmap
    .map((i) => {
      const status = latest?.results.get(i.criterionId) ?? null;
      return { id: i.id, criterion: i.criterion, targetDate: i.targetDate, note: i.note, status, overdue: status !== "MET" && i.targetDate < today && outcome !== "REACHED" };
    })
    .sort((a, b) => a.criterion.number - b.criterion.number);
  const inRoadmap = new Set(items.map((i) => i.criterion.id));
  return {
    entry,
    set: { id: set.id, name: set.name },
    latest,
    outcome,
    check: checkEntry({ year: entry.year, outcome, roadmap: items.map((i) => ({ targetDate: i.targetDate, met: i.status === "MET" })) }, today),
    items,
    addable: set.criteria.filter((c) => !inRoadmap.has(c.id)),
    canEdit: hasPermission(viewer.role, "plan.edit"),
  };
}

/** Xã a viewer may register for a year: the year's communes in scope (for national viewers, of the chosen province). */
export async function communeOptionsForPlan(viewer: Viewer, opts: { year: number; provinceId?: number }) {
  if (viewer.unitId === null && !opts.provinceId) return [];
  const rows = await db.adminUnit.findMany({
    where: { level: "COMMUNE", type: "XA", AND: [validOn(unitsDateForYear(opts.year)), await communeFilter(viewer, opts.provinceId)] },
    orderBy: [{ district: { name: "asc" } }, { name: "asc" }],
    select: { id: true, fullName: true, district: { select: { fullName: true } } },
    take: 3000,
  });
  return rows.map((r) => ({ id: r.id, label: r.district ? `${r.fullName} (${r.district.fullName})` : r.fullName }));
}

export interface SlippedCommune {
  communeId: number;
  commune: string;
  district: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  decisionNumber: string | null;
  decisionDate: Date | null;
}

/**
 * Communes holding the title at the end of the year whose confirmed report of the year no longer
 * meets every criterion ("đã đạt chuẩn nhưng chưa duy trì đủ tiêu chí").
 */
export async function slippedBackForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }): Promise<SlippedCommune[]> {
  const end = yearEnd(opts.year);
  const rows = await db.assessment.findMany({
    where: {
      year: opts.year,
      status: "CONFIRMED",
      reachedStandard: false,
      set: { level: "COMMUNE" },
      unit: {
        level: "COMMUNE",
        ...(await communeFilter(viewer, opts.provinceId)),
        recognitions: { some: { decisionDate: { lte: end }, OR: [{ revocationDate: null }, { revocationDate: { gt: end } }] } },
      },
    },
    orderBy: [{ criteriaMet: "asc" }, { unit: { name: "asc" } }],
    select: {
      unitId: true,
      criteriaMet: true,
      criteriaTotal: true,
      unit: { select: { fullName: true, district: { select: { fullName: true } }, recognitions: { where: { decisionDate: { lte: end } }, orderBy: { decisionDate: "desc" }, take: 1, select: { decisionNumber: true, decisionDate: true } } } },
    },
  });
  return rows.map((r) => ({
    communeId: r.unitId,
    commune: r.unit.fullName,
    district: r.unit.district?.fullName ?? null,
    criteriaMet: r.criteriaMet,
    criteriaTotal: r.criteriaTotal,
    decisionNumber: r.unit.recognitions[0]?.decisionNumber ?? null,
    decisionDate: r.unit.recognitions[0]?.decisionDate ?? null,
  }));
}

export interface CommuneProjection {
  communeId: number;
  commune: string;
  district: string | null;
  points: { year: number; criteriaMet: number }[];
  criteriaTotal: number;
  projection: Projection;
  registered: PlanTarget | null;
}

/**
 * The projected year each xã of the year's units in scope reaches the standard, from its criteria
 * met over the years of the year's criteria set up to that year (lib/plans/rules.ts
 * projectReachYear). Communes not yet assessed against the set are left out.
 */
export async function projectionsForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }): Promise<CommuneProjection[]> {
  if (viewer.unitId === null && !opts.provinceId) return [];
  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(opts.year) }, select: { id: true } });
  if (!set) return [];
  const rows = await db.assessment.findMany({
    where: {
      setId: set.id,
      year: { lte: opts.year },
      unit: { level: "COMMUNE", type: "XA", AND: [validOn(unitsDateForYear(opts.year)), await communeFilter(viewer, opts.provinceId)] },
    },
    orderBy: [{ unitId: "asc" }, { year: "asc" }],
    select: { unitId: true, year: true, criteriaMet: true, criteriaTotal: true, unit: { select: { fullName: true, district: { select: { fullName: true } } } } },
  });
  const entries = await db.planEntry.findMany({ where: { year: opts.year, communeId: { in: [...new Set(rows.map((r) => r.unitId))] } }, select: { communeId: true, target: true } });
  const registered = new Map(entries.map((e) => [e.communeId, e.target]));
  const byCommune = new Map<number, CommuneProjection>();
  for (const r of rows) {
    const c = byCommune.get(r.unitId) ?? {
      communeId: r.unitId,
      commune: r.unit.fullName,
      district: r.unit.district?.fullName ?? null,
      points: [],
      criteriaTotal: r.criteriaTotal,
      projection: { kind: "UNKNOWN", reason: "TOO_FEW_YEARS" } as Projection,
      registered: registered.get(r.unitId) ?? null,
    };
    c.points.push({ year: r.year, criteriaMet: r.criteriaMet });
    c.criteriaTotal = r.criteriaTotal;
    byCommune.set(r.unitId, c);
  }
  const out = [...byCommune.values()].map((c) => ({ ...c, projection: projectReachYear(c.points, c.criteriaTotal) }));
  const order = (p: Projection) => (p.kind === "PROJECTED" ? p.year : p.kind === "BEYOND" ? 9000 : p.kind === "UNKNOWN" ? 9999 : 0);
  return out.sort((a, b) => order(a.projection) - order(b.projection) || a.commune.localeCompare(b.commune, "vi"));
}

// cached until the data it is read from changes (lib/cache/cached-read.ts)
export const planVsActual = figuresRead("planVsActual", readPlanVsActual);
