// Admin reads of user accounts within the admin's scope.
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";

export function listUsersForAdmin(viewer: Viewer) {
  return db.user.findMany({
    where: viewer.unitId === null ? {} : { unitId: { in: viewer.scopeUnitIds } },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, unit: { select: { fullName: true } }, organisation: { select: { name: true } } },
  });
}
