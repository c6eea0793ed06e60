// Who may edit which content: articles, notices and documents belong to a unit (usually a
// province; null = national). An editor works on the content of units in its scope — through
// succession, the content of the provinces its province replaced — and only national users
// work on national content.
import { assertCan, hasPermission, isUnitInScope, type Permission, type ScopedUnit, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export function canEditContentOf(viewer: Viewer, unit: ScopedUnit | null, permission: Permission = "content.edit"): boolean {
  if (!hasPermission(viewer.role, permission)) return false;
  return unit === null ? viewer.unitId === null : isUnitInScope(viewer, unit);
}

export function assertCanEditContent(viewer: Viewer | null, permission: Permission, unit: ScopedUnit | null): asserts viewer is Viewer {
  assertCan(viewer, permission, unit);
  if (unit === null && viewer.unitId !== null) throw forbidden("Nội dung cấp quốc gia chỉ do tài khoản cấp trung ương biên tập.");
}

/** Units in a viewer's scope as a database filter (the same rule as isUnitInScope); null = every unit. */
export function unitInScopeWhere(viewer: Viewer): Prisma.AdminUnitWhereInput | null {
  if (viewer.unitId === null) return null;
  const ids = viewer.scopeUnitIds;
  switch (viewer.unitLevel) {
    case "PROVINCE":
      return { OR: [{ id: { in: ids } }, { provinceId: { in: ids } }] };
    case "DISTRICT":
      return { OR: [{ id: { in: ids } }, { districtId: { in: ids } }] };
    case "COMMUNE":
      return { id: { in: ids } };
    default:
      return { id: -1 }; // fail closed
  }
}

/** The content rows a viewer may edit, as a filter on the `unit` relation of Article, Notice or Document. */
export function contentScopeWhere(viewer: Viewer): { unit?: { is: Prisma.AdminUnitWhereInput } } {
  const units = unitInScopeWhere(viewer);
  return units === null ? {} : { unit: { is: units } };
}

/**
 * The unit new content belongs to: the viewer's own unit, or — for national users only — the
 * province they choose (none = national). A unit typed by anyone else is ignored, never trusted.
 */
export async function resolveOwnerUnit(viewer: Viewer, requestedUnitId: number | null | undefined): Promise<ScopedUnit | null> {
  const unitId = viewer.unitId === null ? (requestedUnitId ?? null) : viewer.unitId;
  if (unitId === null) return null;
  const unit = await db.adminUnit.findUnique({ where: { id: unitId }, select: { id: true, level: true, provinceId: true, districtId: true } });
  if (!unit || (viewer.unitId === null && unit.level !== "PROVINCE")) {
    throw new AppError("VALIDATION", "Đơn vị sở hữu không hợp lệ.", { unitId: ["Chọn một tỉnh, thành phố."] });
  }
  return { id: unit.id, provinceId: unit.provinceId, districtId: unit.districtId };
}
