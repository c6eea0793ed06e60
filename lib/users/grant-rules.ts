// Who may give which role and scope to an account: no one grants more than they hold. Pure; the
// service loads the unit and organisation from the database and calls these.
import { hasPermission, isUnitInScope, ROLE_LABELS, ROLE_PERMISSIONS, type ScopedUnit, type Viewer } from "@/lib/authz";
import type { Role, UnitLevel } from "@/lib/generated/prisma/enums";

export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

/** The scopes each role works at: null = national. */
export const ROLE_SCOPES: Record<Role, readonly (UnitLevel | null)[]> = {
  ADMIN: [null, "PROVINCE"],
  LEADER: [null, "PROVINCE"],
  EDITOR: [null, "PROVINCE"],
  DEPARTMENT_OFFICER: [null, "PROVINCE"],
  PROVINCE_OFFICER: ["PROVINCE"],
  DISTRICT_OFFICER: ["DISTRICT"],
  COMMUNE_OFFICER: ["COMMUNE"],
};

const LEVEL_LABELS: Record<UnitLevel | "NATIONAL", string> = { NATIONAL: "toàn quốc", PROVINCE: "một tỉnh", DISTRICT: "một huyện", COMMUNE: "một xã" };

/** A role whose every permission the holder also has: the only roles one may give. */
export function canGrantRole(holder: Role, role: Role): boolean {
  const held = ROLE_PERMISSIONS[holder];
  return held !== undefined && ROLE_PERMISSIONS[role] !== undefined && ROLE_PERMISSIONS[role].every((p) => held.includes(p));
}

export function grantableRoles(viewer: Viewer): Role[] {
  return hasPermission(viewer.role, "users.manage") ? ROLES.filter((r) => canGrantRole(viewer.role, r)) : [];
}

export interface GrantTarget {
  role: Role;
  /** the account's scope unit as stored (with its level); null = national */
  unit: (ScopedUnit & { level: UnitLevel }) | null;
  /** the unit the account's organisation serves, when it has one; null = a central organisation */
  organisationUnit?: ScopedUnit | null;
}

/**
 * Why the viewer may not give (or manage an account holding) this role and scope — a Vietnamese
 * message — or null when they may. Fail closed: anything not explicitly allowed is refused.
 */
export function grantProblem(viewer: Viewer, target: GrantTarget): string | null {
  if (!hasPermission(viewer.role, "users.manage")) return "Bạn không có quyền quản lý tài khoản.";
  if (!canGrantRole(viewer.role, target.role)) return `Bạn không thể cấp vai trò "${ROLE_LABELS[target.role] ?? target.role}": vai trò này có quyền mà bạn không có.`;
  const scopes = ROLE_SCOPES[target.role] ?? [];
  const level = target.unit?.level ?? null;
  if (!scopes.includes(level)) {
    const allowed = scopes.map((s) => LEVEL_LABELS[s ?? "NATIONAL"]).join(" hoặc ");
    return `Vai trò "${ROLE_LABELS[target.role]}" cần phạm vi ${allowed}.`;
  }
  if (target.unit === null ? viewer.unitId !== null : !isUnitInScope(viewer, target.unit)) {
    return "Phạm vi này vượt quá phạm vi quản lý của bạn.";
  }
  if (target.organisationUnit !== undefined) {
    const org = target.organisationUnit;
    if (org === null ? viewer.unitId !== null : !isUnitInScope(viewer, org)) return "Cơ quan này nằm ngoài phạm vi quản lý của bạn.";
  }
  return null;
}
