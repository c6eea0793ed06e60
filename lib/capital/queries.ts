// Reads of capital lines and disbursements. Staff reads take the viewer and apply its scope (a
// line belongs to the unit it was allocated to: a province, district or commune); dashboard reads
// take an optional province (today's or an earlier one) and include the units it succeeded.
import { figuresRead } from "@/lib/cache/cached-read";
import { forbidden, notFound } from "next/navigation";
import { hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { communeScopeWhere } from "@/lib/units/scope";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import {
  CAPITAL_SOURCE_LABELS,
  CAPITAL_SOURCES,
  disbursementRate,
  lineRisk,
  monthSeries,
  round2,
  type CapitalSource,
  type LineRisk,
  type MonthFigure,
} from "./rules";

/** Which units' money a read covers: a province with its predecessors, or a viewer's scope (null = everything). */
type UnitFilter = Prisma.AdminUnitWhereInput | null;

async function provinceFilter(provinceId?: number, districtId?: number): Promise<UnitFilter> {
  if (districtId) return { OR: [{ id: districtId }, { districtId }] };
  if (!provinceId) return null;
  const ids = await unitWithPredecessors(provinceId);
  return { OR: [{ id: { in: ids } }, { provinceId: { in: ids } }] };
}

/** Units of every level in the viewer's scope: its own unit(s) and the units under them. */
function viewerFilter(viewer: Viewer): UnitFilter {
  if (viewer.unitId === null) return null;
  return { OR: [{ id: { in: viewer.scopeUnitIds } }, communeScopeWhere(viewer)] };
}

/** A national viewer may narrow to a province; everyone else sees their scope. */
async function readFilter(viewer: Viewer, provinceId?: number): Promise<UnitFilter> {
  return viewer.unitId === null ? provinceFilter(provinceId) : viewerFilter(viewer);
}

interface LoadedLine {
  id: number;
  year: number;
  source: CapitalSource;
  project: string | null;
  allocated: number;
  planned: number;
  disbursed: number;
  deadline: Date | null;
  unit: { id: number; fullName: string; level: string };
  criterion: { id: number; number: number; name: string } | null;
  isDemo: boolean;
  payments: { date: Date; amount: number }[];
}

async function loadLines(year: number, filter: UnitFilter, extra: Prisma.CapitalLineWhereInput = {}): Promise<LoadedLine[]> {
  const rows = await db.capitalLine.findMany({
    where: { year, ...(filter ? { unit: filter } : {}), ...extra },
    orderBy: [{ unit: { name: "asc" } }, { source: "asc" }, { id: "asc" }],
    include: {
      unit: { select: { id: true, fullName: true, level: true } },
      criterion: { select: { id: true, number: true, name: true } },
      disbursements: { select: { date: true, amount: true } },
    },
  });
  return rows.map((l) => {
    const payments = l.disbursements.map((d) => ({ date: d.date, amount: Number(d.amount) }));
    return {
      id: l.id,
      year: l.year,
      source: l.source,
      project: l.project,
      allocated: Number(l.allocated),
      planned: Number(l.planned),
      disbursed: round2(payments.reduce((s, p) => s + p.amount, 0)),
      deadline: l.disbursementDeadline,
      unit: l.unit,
      criterion: l.criterion,
      isDemo: l.isDemo,
      payments,
    };
  });
}

export interface SourceFigure {
  source: CapitalSource;
  label: string;
  allocated: number;
  disbursed: number;
  /** percent; null when nothing was allocated from the source */
  rate: number | null;
}

export interface CapitalSummary {
  year: number;
  /** million VND */
  allocated: number;
  disbursed: number;
  /** tỷ lệ giải ngân in percent; null when nothing was allocated */
  rate: number | null;
  /** the seven sources in a fixed order, zeros included */
  bySource: SourceFigure[];
  /** the twelve months of the year, cumulative disbursement against the year's allocation */
  byMonth: MonthFigure[];
  /** paid after 31/12 within the lines' deadlines (counted in `disbursed`, in no month) */
  disbursedAfterYearEnd: number;
}

function summarise(year: number, lines: LoadedLine[]): CapitalSummary {
  const allocated = round2(lines.reduce((s, l) => s + l.allocated, 0));
  const disbursed = round2(lines.reduce((s, l) => s + l.disbursed, 0));
  const bySource = CAPITAL_SOURCES.map((source) => {
    const mine = lines.filter((l) => l.source === source);
    const a = round2(mine.reduce((s, l) => s + l.allocated, 0));
    const d = round2(mine.reduce((s, l) => s + l.disbursed, 0));
    return { source, label: CAPITAL_SOURCE_LABELS[source], allocated: a, disbursed: d, rate: disbursementRate(a, d) };
  });
  const series = monthSeries(year, allocated, lines.flatMap((l) => l.payments));
  return { year, allocated, disbursed, rate: disbursementRate(allocated, disbursed), bySource, byMonth: series.months, disbursedAfterYearEnd: series.afterYearEnd };
}

/**
 * Capital of a year for the dashboards: allocated, disbursed and the rate, by source and by month.
 * `provinceId` may be today's province or an earlier one; lines of the units it succeeded and of
 * every district and commune under them are included. A `districtId` narrows to the district and
 * its communes. Money in million VND.
 */
async function readCapitalSummary(opts: { year: number; provinceId?: number; districtId?: number }): Promise<CapitalSummary> {
  return summarise(opts.year, await loadLines(opts.year, await provinceFilter(opts.provinceId, opts.districtId)));
}

export interface LineRow extends Omit<LoadedLine, "payments"> {
  rate: number | null;
  risk: LineRisk;
  lastPayment: Date | null;
}

export interface UnitFigure {
  unitId: number;
  unit: string;
  level: string;
  allocated: number;
  disbursed: number;
  rate: number | null;
}

/** The capital page of a viewer: the summary, every line with its risk, the figures by unit. */
export async function capitalOverviewForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }) {
  const lines = await loadLines(opts.year, await readFilter(viewer, opts.provinceId));
  const today = todayInVietnam();
  const rows: LineRow[] = lines.map(({ payments, ...l }) => ({
    ...l,
    rate: disbursementRate(l.allocated, l.disbursed),
    risk: lineRisk({ year: l.year, allocated: l.allocated, disbursed: l.disbursed, deadline: l.deadline }, today),
    lastPayment: payments.reduce<Date | null>((m, p) => (!m || p.date > m ? p.date : m), null),
  }));
  const units = new Map<number, UnitFigure>();
  for (const l of lines) {
    const u = units.get(l.unit.id) ?? { unitId: l.unit.id, unit: l.unit.fullName, level: l.unit.level, allocated: 0, disbursed: 0, rate: null };
    u.allocated = round2(u.allocated + l.allocated);
    u.disbursed = round2(u.disbursed + l.disbursed);
    units.set(l.unit.id, u);
  }
  const byUnit = [...units.values()].map((u) => ({ ...u, rate: disbursementRate(u.allocated, u.disbursed) }));
  return { summary: summarise(opts.year, lines), lines: rows, byUnit };
}

/** One line with its payments, for staff. Out of scope → 403. */
export async function getLineForStaff(viewer: Viewer, lineId: number) {
  const line = await db.capitalLine.findUnique({
    where: { id: lineId },
    include: {
      unit: { select: { id: true, fullName: true, level: true, provinceId: true, districtId: true } },
      criterion: { select: { id: true, number: true, name: true } },
      disbursements: { orderBy: [{ date: "asc" }, { id: "asc" }] },
    },
  });
  if (!line) notFound();
  if (!isUnitInScope(viewer, line.unit)) forbidden();
  const allocated = Number(line.allocated);
  const disbursements = line.disbursements.map((d) => ({ id: d.id, date: d.date, amount: Number(d.amount), note: d.note }));
  const disbursed = round2(disbursements.reduce((s, d) => s + d.amount, 0));
  return {
    line: { ...line, allocated, planned: Number(line.planned) },
    disbursements,
    disbursed,
    rate: disbursementRate(allocated, disbursed),
    risk: lineRisk({ year: line.year, allocated, disbursed, deadline: line.disbursementDeadline }, todayInVietnam()),
    canEdit: hasPermission(viewer.role, "capital.edit"),
  };
}

/** Units a viewer may allocate capital to for a year (the year's units in scope), province first. */
export async function unitOptionsForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }) {
  const filter = await readFilter(viewer, opts.provinceId);
  if (viewer.unitId === null && !filter) return [];
  const rows = await db.adminUnit.findMany({
    // AND, not a spread: both the scope and the validity are OR conditions
    where: { AND: [filter ?? {}, validOn(unitsDateForYear(opts.year))] },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, level: true, fullName: true, district: { select: { fullName: true } } },
    take: 3000,
  });
  return rows.map((r) => ({ id: r.id, level: r.level, label: r.district ? `${r.fullName} (${r.district.fullName})` : r.fullName }));
}

/** Criteria of the commune set of a year (for linking money to what it funds). */
export function criterionOptions(year: number) {
  return db.criterion.findMany({ where: { set: { code: communeSetCodeForYear(year) } }, orderBy: { number: "asc" }, select: { id: true, number: true, name: true } });
}

export interface CriterionSpending {
  criterionId: number;
  number: number;
  name: string;
  allocated: number;
  disbursed: number;
  /** communes meeting the criterion this year that did not meet it last year (same criteria set);
   *  null in the first year of a set, where last year's criteria differ */
  communesNewlyMet: number | null;
}

/**
 * Money next to results, per criterion of the year's commune set: what the lines linked to it
 * allocated and disbursed, and how many communes newly met it that year (met this year, not met
 * last year, both years assessed against the same set).
 */
export async function criterionSpendingForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }): Promise<CriterionSpending[]> {
  const filter = await readFilter(viewer, opts.provinceId);
  const lines = await loadLines(opts.year, filter, { criterionId: { not: null } });
  const set = await db.criteriaSet.findUnique({
    where: { code: communeSetCodeForYear(opts.year) },
    include: { criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true } } },
  });
  if (!set) return [];
  const firstYearOfSet = communeSetCodeForYear(opts.year - 1) !== set.code;
  let newly = new Map<number, number>();
  if (!firstYearOfSet) {
    const communeFilter = filter ? await db.adminUnit.findMany({ where: { level: "COMMUNE", ...filter }, select: { id: true } }) : null;
    const rows = await db.$queryRaw<{ criterionId: number; n: number }[]>`
      SELECT cr."criterionId", count(*)::int AS n
        FROM "Assessment" a
        JOIN "CriterionResult" cr ON cr."assessmentId" = a.id AND cr.status = 'MET'
        JOIN "Assessment" prev ON prev."unitId" = a."unitId" AND prev.year = a.year - 1 AND prev."setId" = a."setId"
        LEFT JOIN "CriterionResult" pcr ON pcr."assessmentId" = prev.id AND pcr."criterionId" = cr."criterionId"
       WHERE a.year = ${opts.year} AND a."setId" = ${set.id}
         AND (pcr.status IS NULL OR pcr.status <> 'MET')
         ${communeFilter ? Prisma.sql`AND a."unitId" = ANY(${communeFilter.map((c) => c.id)})` : Prisma.empty}
       GROUP BY cr."criterionId"`;
    newly = new Map(rows.map((r) => [r.criterionId, r.n]));
  }
  return set.criteria.map((c) => {
    const mine = lines.filter((l) => l.criterion?.id === c.id);
    return {
      criterionId: c.id,
      number: c.number,
      name: c.name,
      allocated: round2(mine.reduce((s, l) => s + l.allocated, 0)),
      disbursed: round2(mine.reduce((s, l) => s + l.disbursed, 0)),
      communesNewlyMet: firstYearOfSet ? null : (newly.get(c.id) ?? 0),
    };
  });
}

// cached until the data it is read from changes (lib/cache/cached-read.ts)
export const capitalSummary = figuresRead("capitalSummary", readCapitalSummary);
