// Staff reads of notice tasks: the assignee's own tasks, one task with its progress, and the
// leadership scorecard per organisation. Every read takes the viewer and applies its scope.
import { hasPermission, isUnitInScope, type ScopedUnit, type Viewer } from "@/lib/authz";
import { canEditContentOf, unitInScopeWhere } from "@/lib/content/scope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { classifyTask, tallyTasks, type TaskProgressClass, type TaskTally } from "./rules";

const taskLinks = {
  criteria: {
    orderBy: { criterionId: "asc" },
    include: { criterion: { select: { id: true, number: true, name: true, set: { select: { code: true } } } } },
  },
  units: { orderBy: { unitId: "asc" }, include: { unit: { select: { id: true, fullName: true } } } },
} as const satisfies Prisma.NoticeTaskInclude;

/** Tasks assigned to the viewer's organisation ("Nhiệm vụ của tôi"). */
export function listTasksOfViewer(viewer: Viewer) {
  if (!viewer.organisationId) return Promise.resolve([]);
  return db.noticeTask.findMany({
    where: { assigneeOrgId: viewer.organisationId },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { noticeId: "asc" }, { sortOrder: "asc" }],
    include: {
      assigneeOrg: { select: { name: true } },
      notice: { select: { id: true, number: true, slug: true, title: true, issuedDate: true } },
      ...taskLinks,
      progress: { orderBy: [{ date: "desc" }, { id: "desc" }], take: 1, select: { date: true, note: true } },
      _count: { select: { progress: true } },
    },
  });
}

/** One task with its progress notes, and whether the viewer may see and update it (taskAccess). */
export async function getTaskForViewer(viewer: Viewer, taskId: number) {
  const task = await db.noticeTask.findUnique({
    where: { id: taskId },
    include: {
      assigneeOrg: { select: { id: true, name: true, unit: { select: { id: true, provinceId: true, districtId: true, fullName: true } } } },
      notice: { select: { id: true, number: true, slug: true, title: true, issuedDate: true, issuingBody: true, unit: { select: { id: true, provinceId: true, districtId: true } } } },
      ...taskLinks,
      progress: {
        orderBy: [{ date: "desc" }, { id: "desc" }],
        include: { file: { select: { id: true, fileName: true, size: true } }, createdBy: { select: { name: true } } },
      },
    },
  });
  if (!task) return null;
  return { task, ...taskAccess(viewer, task) };
}

/** The fields of a task that decide who may see it. */
export interface TaskScope {
  assigneeOrgId: number | null;
  assigneeOrg: { unit: ScopedUnit | null } | null;
  notice: { unit: ScopedUnit | null };
}

/**
 * Who may open a task's page (and so download its result files): its assignee, leadership whose
 * scope covers the assignee, or an editor of the notice. `canUpdate` only for the assignee.
 */
export function taskAccess(viewer: Viewer, task: TaskScope): { canUpdate: boolean; canView: boolean } {
  const canUpdate = hasPermission(viewer.role, "task.update") && viewer.organisationId !== null && viewer.organisationId === task.assigneeOrgId;
  const orgUnit = task.assigneeOrg?.unit ?? null;
  const leads = hasPermission(viewer.role, "task.scorecard") && (viewer.unitId === null || (orgUnit !== null && isUnitInScope(viewer, orgUnit)));
  return { canUpdate, canView: canUpdate || leads || canEditContentOf(viewer, task.notice.unit) };
}

export interface ScorecardFilters {
  noticeId?: number;
  organisationId?: number;
  /** deadline from (inclusive) */
  from?: Date;
  /** deadline to (inclusive) */
  to?: Date;
  /** only organisations of these provinces (or this district) and the units under them; within the viewer's scope still */
  area?: { provinceIds?: number[]; districtId?: number };
}

function areaWhere(area: NonNullable<ScorecardFilters["area"]>): Prisma.AdminUnitWhereInput | null {
  if (area.districtId) return { OR: [{ id: area.districtId }, { districtId: area.districtId }] };
  if (area.provinceIds) return { OR: [{ id: { in: area.provinceIds } }, { provinceId: { in: area.provinceIds } }] };
  return null;
}

/** Tasks the viewer's scorecard covers: national users all, others those of organisations in scope. */
function scorecardWhere(viewer: Viewer, f: ScorecardFilters): Prisma.NoticeTaskWhereInput {
  const units = [unitInScopeWhere(viewer), f.area ? areaWhere(f.area) : null].filter((u): u is Prisma.AdminUnitWhereInput => u !== null);
  return {
    assigneeOrgId: f.organisationId ?? { not: null },
    ...(units.length ? { assigneeOrg: { is: { unit: { is: { AND: units } } } } } : {}),
    ...(f.noticeId ? { noticeId: f.noticeId } : {}),
    ...(f.from || f.to ? { deadline: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
}

export interface ScorecardRow {
  organisation: { id: number; name: string; unitName: string | null };
  tally: TaskTally;
}

/** Counts by class and on-time rate per organisation, with the tasks behind them (empty for a viewer without task.scorecard). */
export async function getScorecard(viewer: Viewer, filters: ScorecardFilters, today: Date) {
  if (!hasPermission(viewer.role, "task.scorecard")) return { rows: [] as ScorecardRow[], total: tallyTasks([]), tasks: [] };
  const tasks = await db.noticeTask.findMany({
    where: scorecardWhere(viewer, filters),
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { noticeId: "asc" }, { sortOrder: "asc" }],
    include: {
      assigneeOrg: { select: { id: true, name: true, unit: { select: { fullName: true } } } },
      notice: { select: { id: true, number: true, slug: true } },
    },
  });
  const classified = tasks.map((t) => ({ ...t, cls: classifyTask(t, today) }));
  const byOrg = new Map<number, { organisation: ScorecardRow["organisation"]; classes: TaskProgressClass[] }>();
  for (const t of classified) {
    const org = t.assigneeOrg!;
    const entry = byOrg.get(org.id) ?? { organisation: { id: org.id, name: org.name, unitName: org.unit?.fullName ?? null }, classes: [] };
    entry.classes.push(t.cls);
    byOrg.set(org.id, entry);
  }
  const rows: ScorecardRow[] = [...byOrg.values()]
    .map((e) => ({ organisation: e.organisation, tally: tallyTasks(e.classes) }))
    .sort((a, b) => b.tally.OVERDUE - a.tally.OVERDUE || a.organisation.name.localeCompare(b.organisation.name, "vi"));
  return { rows, total: tallyTasks(classified.map((t) => t.cls)), tasks: classified };
}

/** The notices and organisations the scorecard filters offer: those with tasks in the viewer's scope. */
export async function listScorecardOptions(viewer: Viewer) {
  const where = scorecardWhere(viewer, {});
  const [notices, organisations] = await Promise.all([
    db.notice.findMany({
      where: { tasks: { some: where } },
      orderBy: [{ issuedDate: "desc" }, { id: "desc" }],
      select: { id: true, number: true, issuedDate: true },
    }),
    db.organisation.findMany({
      where: { tasks: { some: where } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, unit: { select: { fullName: true } } },
    }),
  ]);
  return { notices, organisations };
}
