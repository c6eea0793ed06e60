// Editor reads of conclusion notices and of what their tasks may point at, scoped to the viewer.
import type { Viewer } from "@/lib/authz";
import { contentScopeWhere } from "@/lib/content/scope";
import { db } from "@/lib/db";
import type { PublishStatus } from "@/lib/generated/prisma/enums";
import { standingSinceReformEve } from "@/lib/units/rules";

const unitSelect = { select: { id: true, provinceId: true, districtId: true, fullName: true } } as const;

export function listNoticesForEditor(viewer: Viewer, opts: { status?: PublishStatus } = {}) {
  return db.notice.findMany({
    where: { ...contentScopeWhere(viewer), ...(opts.status ? { status: opts.status } : {}) },
    orderBy: [{ issuedDate: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true, slug: true, number: true, title: true, issuedDate: true, status: true, publishedAt: true, updatedAt: true,
      unit: { select: { fullName: true } },
      _count: { select: { tasks: true } },
    },
  });
}

/** A notice with its tasks as the editor sees it (the page checks that the viewer may edit it). */
export function getNoticeForEditor(id: number) {
  return db.notice.findUnique({
    where: { id },
    include: {
      unit: unitSelect,
      attachment: { select: { id: true, fileName: true, size: true } },
      tasks: {
        orderBy: { sortOrder: "asc" },
        include: {
          assigneeOrg: { select: { id: true, name: true } },
          criteria: { include: { criterion: { select: { id: true, number: true, name: true, set: { select: { code: true } } } } } },
          units: { include: { unit: { select: { id: true, fullName: true } } } },
          _count: { select: { progress: true } },
        },
      },
    },
  });
}

/**
 * The province of a notice through the reform: the unit, the units it succeeded and the units
 * that succeeded it (a notice of old Thái Nguyên may be carried out by today's organisations).
 */
export async function provinceFamily(unitId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE up(id) AS (
      SELECT ${unitId}::int
      UNION SELECT s."predecessorId" FROM "UnitSuccession" s JOIN up ON s."successorId" = up.id
    ), down(id) AS (
      SELECT ${unitId}::int
      UNION SELECT s."successorId" FROM "UnitSuccession" s JOIN down ON s."predecessorId" = down.id
    )
    SELECT id FROM up UNION SELECT id FROM down`;
  return rows.map((r) => r.id);
}

/** Organisations a task of a notice of this unit may be assigned to (national notice: any). */
export async function listAssignableOrganisations(noticeUnitId: number | null) {
  const family = noticeUnitId === null ? null : await provinceFamily(noticeUnitId);
  return db.organisation.findMany({
    where: family === null ? {} : { unit: { is: { OR: [{ id: { in: family } }, { provinceId: { in: family } }] } } },
    orderBy: [{ unitId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, unit: { select: { fullName: true, validTo: true } } },
  });
}

/** Communes a task of a notice of this unit may concern (national notices link none). */
export async function listLinkableCommunes(noticeUnitId: number | null) {
  if (noticeUnitId === null) return [];
  const family = await provinceFamily(noticeUnitId);
  return db.adminUnit.findMany({
    where: { level: "COMMUNE", provinceId: { in: family }, ...standingSinceReformEve() },
    orderBy: [{ validFrom: "desc" }, { name: "asc" }],
    select: { id: true, fullName: true, validTo: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } },
  });
}

/** The commune criteria of every set, for linking a task to the criteria it concerns. */
export function listLinkableCriteria() {
  return db.criterion.findMany({
    orderBy: [{ set: { phase: { startYear: "desc" } } }, { number: "asc" }],
    select: { id: true, number: true, name: true, set: { select: { code: true, name: true } } },
  });
}
