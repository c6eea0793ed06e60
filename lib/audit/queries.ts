// Reads of the audit log for its viewer (/quan-ly/nhat-ky): permission audit.view, and a viewer
// with a scope sees only entries about units within it (an entry about no unit is national).
import { assertPermission, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount } from "@/lib/paging";
import { listProvincesInScope, unitsInScopeWhere } from "@/lib/users/staff-queries";
import type { AuditFilters } from "./filters";

export const AUDIT_PAGE_SIZE = 50;

export function auditWhere(viewer: Viewer, f: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (viewer.unitId !== null) and.push({ unit: unitsInScopeWhere(viewer) });
  if (f.user) and.push({ user: { OR: [{ email: { contains: f.user, mode: "insensitive" } }, { name: { contains: f.user, mode: "insensitive" } }] } });
  if (f.provinceId) and.push({ unit: { OR: [{ id: f.provinceId }, { provinceId: f.provinceId }] } });
  if (f.unit) and.push({ unit: { fullName: { contains: f.unit, mode: "insensitive" } } });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.action) and.push({ action: f.action });
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lt: f.to } });
  return { AND: and };
}

export async function listAuditEntries(viewer: Viewer | null, f: AuditFilters, pageSize = AUDIT_PAGE_SIZE) {
  assertPermission(viewer, "audit.view");
  const where = auditWhere(viewer, f);
  const total = await db.auditLog.count({ where });
  const pages = pageCount(total, pageSize);
  const page = Math.min(f.page, pages);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      user: { select: { name: true, email: true } },
      unit: { select: { fullName: true } },
    },
  });
  return { rows: rows.map((r) => ({ ...r, id: String(r.id) })), total, page, pageCount: pages };
}

/** The choices of the filter form: entity types and actions recorded so far, provinces within scope. */
export async function auditFilterChoices(viewer: Viewer) {
  assertPermission(viewer, "audit.view");
  const [types, actions, provinces] = await Promise.all([
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT "entityType" AS v FROM "AuditLog" ORDER BY 1`,
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT action AS v FROM "AuditLog" ORDER BY 1`,
    listProvincesInScope(viewer),
  ]);
  return { entityTypes: types.map((t) => t.v), actions: actions.map((a) => a.v), provinces };
}
