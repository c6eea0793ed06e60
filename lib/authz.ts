// Permissions as data, one check for all of them, and administrative scope derived from the
// resource in the database (never from client input). Fail closed: an unknown role has nothing.
import { AppError, forbidden } from "@/lib/errors";
import type { Role, UnitLevel } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "assessment.read",
  "assessment.edit", // enter indicator values and evidence of the annual report
  "assessment.submit", // the commune sends its annual report
  "assessment.confirm.district", // confirm or return a commune's report as its district (before 1/7/2025)
  "assessment.confirm.province", // confirm or return a commune's report as its province
  "recognition.propose", // the commune asks to be recognised (hồ sơ đề nghị)
  "recognition.verify", // district thẩm tra (before 1/7/2025), or return at that step
  "recognition.appraise", // province thẩm định (council vote), or return at that step
  "recognition.decide", // enter the recognition decision
  "recognition.revoke", // enter a revocation decision
  "correction.request", // ask to correct the values of a confirmed (locked) report
  "correction.decide", // approve or reject such a request (never one's own)
  "dashboard.view",
  "content.edit",
  "content.publish",
  "task.update", // progress on one's own organisation's tasks
  "task.manage", // create and assign notice tasks
  "task.scorecard",
  "users.manage",
  "thresholds.edit", // a province's own overrides of indicator thresholds
  "thresholds.national", // the national thresholds every commune is scored against (national scope too)
  "ocop.edit",
  "capital.edit",
  "plan.edit",
  "import.run",
  "audit.view",
  "site.manage", // the portal's name and the office's address in the footer (national scope too)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  PROVINCE_OFFICER: [
    "assessment.read", "assessment.edit", "assessment.confirm.province", "recognition.appraise", "recognition.decide",
    "recognition.revoke", "correction.request", "correction.decide", "dashboard.view", "content.edit", "content.publish", "task.manage", "task.scorecard",
    "ocop.edit", "capital.edit", "plan.edit", "import.run", "audit.view", "thresholds.edit",
  ],
  DISTRICT_OFFICER: [
    "assessment.read", "assessment.edit", "assessment.confirm.district", "recognition.verify", "correction.request", "dashboard.view",
    "task.update", "ocop.edit", "capital.edit", "import.run",
  ],
  COMMUNE_OFFICER: ["assessment.read", "assessment.edit", "assessment.submit", "recognition.propose", "correction.request"],
  DEPARTMENT_OFFICER: ["assessment.read", "dashboard.view", "task.update"],
  LEADER: ["assessment.read", "dashboard.view", "task.scorecard", "audit.view"],
  EDITOR: ["content.edit", "content.publish"],
};

export function hasPermission(role: Role | string, permission: Permission): boolean {
  const granted = ROLE_PERMISSIONS[role as Role];
  return granted ? granted.includes(permission) : false;
}

/** The signed-in person as the server sees them, loaded from the database on every request. */
export interface Viewer {
  id: number;
  name: string;
  email: string;
  role: Role;
  organisationId: number | null;
  /** scope unit; null = national */
  unitId: number | null;
  unitLevel: UnitLevel | null;
  unitName: string | null;
  /** the scope unit and every unit it succeeded (history of merged units stays in scope) */
  scopeUnitIds: number[];
}

/**
 * Someone at the server's command line, with no account: national scope and an administrator's
 * permissions; what it writes is audited with no user and marked with `email` ("by").
 */
function systemViewer(name: string, email: string): Viewer {
  return { id: 0, name, email, role: "ADMIN", organisationId: null, unitId: null, unitLevel: null, unitName: null, scopeUnitIds: [] };
}

/** The command-line import when no account is named (`npm run import:assessments -- <file>`). */
export const SYSTEM_IMPORT = systemViewer("Nhập dữ liệu hệ thống (dòng lệnh)", "system-import");

/** `npm run user:create-admin`, which makes the first account of a new installation. */
export const SYSTEM_OPERATOR = systemViewer("Quản trị máy chủ (dòng lệnh)", "system-operator");

/** The user to record for a viewer's writes: none for the system import or the operator. */
export function actorId(viewer: Viewer): number | null {
  return viewer.id > 0 ? viewer.id : null;
}

/** What an audit row of a viewer without an account adds to its `after`, to say who it was. */
export function systemActorMark(viewer: Viewer): { by: string } | Record<string, never> {
  return actorId(viewer) === null ? { by: viewer.email } : {};
}

/** The fields of an administrative unit that scope checks need. */
export interface ScopedUnit {
  id: number;
  provinceId: number | null;
  districtId: number | null;
}

export function isUnitInScope(viewer: Viewer, unit: ScopedUnit): boolean {
  if (viewer.unitId === null) return true; // national
  const scope = viewer.scopeUnitIds;
  switch (viewer.unitLevel) {
    case "PROVINCE":
      return scope.includes(unit.id) || (unit.provinceId !== null && scope.includes(unit.provinceId));
    case "DISTRICT":
      return scope.includes(unit.id) || (unit.districtId !== null && scope.includes(unit.districtId));
    case "COMMUNE":
      return scope.includes(unit.id);
    default:
      return false;
  }
}

export function assertPermission(viewer: Viewer | null, permission: Permission): asserts viewer is Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Bạn cần đăng nhập để thực hiện thao tác này.");
  if (!hasPermission(viewer.role, permission)) throw forbidden();
}

/**
 * Objects of the whole country — criteria sets, national thresholds, the portal's settings, the
 * national library of documents — are changed only by a national account holding the permission:
 * an ADMIN scoped to a province administers that province, not the rules every province follows.
 */
export function canActNationally(viewer: Viewer, permission: Permission): boolean {
  return hasPermission(viewer.role, permission) && viewer.unitId === null;
}

export function assertCanNationally(viewer: Viewer | null, permission: Permission): asserts viewer is Viewer {
  assertPermission(viewer, permission);
  if (viewer.unitId !== null) throw forbidden("Chỉ tài khoản cấp trung ương mới được thay đổi nội dung áp dụng cho cả nước.");
}

/** Permission and scope in one call: the unit must come from the resource as stored. */
export function assertCan(viewer: Viewer | null, permission: Permission, unit?: ScopedUnit | null): asserts viewer is Viewer {
  assertPermission(viewer, permission);
  if (unit && !isUnitInScope(viewer, unit)) throw forbidden("Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Quản trị hệ thống",
  PROVINCE_OFFICER: "Cán bộ VPĐP NTM tỉnh",
  DISTRICT_OFFICER: "Cán bộ VPĐP NTM huyện",
  COMMUNE_OFFICER: "Cán bộ xã",
  DEPARTMENT_OFFICER: "Cán bộ sở, ngành",
  LEADER: "Lãnh đạo",
  EDITOR: "Biên tập viên",
};
