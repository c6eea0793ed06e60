// Writes on accounts: load the target from the database → authorise (no one grants or manages
// more than they hold, lib/users/grant-rules.ts) → act in a transaction with its audit row.
// Passwords never reach the audit log.
import { writeAudit } from "@/lib/audit";
import { actorId, assertPermission, systemActorMark, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { invalidInput } from "@/lib/forms";
import { grantProblem, type GrantTarget } from "./grant-rules";
import { throttledCheck } from "./login";
import { rateLimitMessage } from "./login-rules";
import { hashPassword, verifyPassword } from "./password";
import { passwordPolicyIssues } from "./password-policy";
import type { TChangePasswordForm, TCreateUserForm, TResetPasswordForm } from "./schemas";

const unitSelect = { id: true, level: true, provinceId: true, districtId: true } as const;

/** A grant the viewer may not make is refused as FORBIDDEN with the rule's message. */
function assertGrant(viewer: Viewer, target: GrantTarget) {
  const problem = grantProblem(viewer, target);
  if (problem) throw forbidden(problem);
}

export async function createUser(viewer: Viewer | null, input: TCreateUserForm): Promise<{ id: number }> {
  assertPermission(viewer, "users.manage");
  // scope from the database, never from the form: the unit's level and parents, the organisation's unit
  const unit = input.unitId === null ? null : await db.adminUnit.findUnique({ where: { id: input.unitId }, select: unitSelect });
  if (input.unitId !== null && !unit) throw invalidInput({ unitId: ["Đơn vị không tồn tại."] });
  const organisation =
    input.organisationId === null
      ? null
      : await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, unit: { select: unitSelect } } });
  if (input.organisationId !== null && !organisation) throw invalidInput({ organisationId: ["Cơ quan không tồn tại."] });
  assertGrant(viewer, { role: input.role, unit, organisationUnit: organisation ? organisation.unit : undefined });
  // the form checks it too; every entry point (the command line as well) gets it here
  const issues = passwordPolicyIssues(input.password, input.email);
  if (issues.length) throw invalidInput({ password: issues });

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw invalidInput({ email: ["Email này đã có tài khoản."] });
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        unitId: input.unitId,
        organisationId: input.organisationId,
        passwordHash,
        // the admin knows this password: its owner replaces it at first sign-in
        mustChangePassword: true,
        createdById: actorId(viewer),
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      userId: actorId(viewer),
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      unitId: input.unitId,
      after: { email: input.email, name: input.name, role: input.role, unitId: input.unitId, organisationId: input.organisationId, ...systemActorMark(viewer) },
    });
    return user;
  });
}

/** An account the viewer may manage: within their scope and holding no more than they do. */
async function loadManagedUser(viewer: Viewer | null, userId: number) {
  assertPermission(viewer, "users.manage");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, unitId: true, active: true, unit: { select: unitSelect } },
  });
  if (!user) throw notFound("Không tìm thấy tài khoản.");
  assertGrant(viewer, { role: user.role, unit: user.unit });
  return { viewer, user };
}

export async function setUserActive(viewer: Viewer | null, userId: number, active: boolean): Promise<void> {
  const { viewer: v, user } = await loadManagedUser(viewer, userId);
  if (user.id === v.id && !active) throw new AppError("VALIDATION", "Bạn không thể tự khóa tài khoản của mình.");
  await db.$transaction(async (tx) => {
    // a disabled account's sessions end at once (loadSessionUser refuses it; the version makes it final)
    await tx.user.update({ where: { id: user.id }, data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) } });
    await writeAudit(tx, {
      userId: v.id,
      action: active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: user.id,
      unitId: user.unitId,
      before: { active: user.active },
      after: { active },
    });
  });
}

/** Ends every session of another account (or one's own, through signOutEverywhere). */
export async function revokeUserSessions(viewer: Viewer | null, userId: number): Promise<void> {
  const { viewer: v, user } = await loadManagedUser(viewer, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { userId: v.id, action: "user.sessions.revoke", entityType: "User", entityId: user.id, unitId: user.unitId });
  });
}

export async function resetUserPassword(viewer: Viewer | null, input: TResetPasswordForm): Promise<void> {
  const { viewer: v, user } = await loadManagedUser(viewer, input.userId);
  const issues = passwordPolicyIssues(input.password, user.email);
  if (issues.length) throw invalidInput({ password: issues });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, { userId: v.id, action: "user.password.reset", entityType: "User", entityId: user.id, unitId: user.unitId });
  });
}

/** The signed-in user ends all their sessions, this one included. */
export async function signOutEverywhere(user: { id: number } | null): Promise<void> {
  if (!user) throw new AppError("UNAUTHENTICATED", "Bạn cần đăng nhập để thực hiện thao tác này.");
  await db.$transaction(async (tx) => {
    const row = await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } }, select: { unitId: true } });
    await writeAudit(tx, { userId: user.id, action: "user.sessions.revoke", entityType: "User", entityId: user.id, unitId: row.unitId });
  });
}

/**
 * The signed-in user replaces their password (also when they must, before anything else). The
 * current password is checked under the sign-in limits; every session ends (the caller signs in
 * again with the new password).
 */
export async function changeOwnPassword(
  user: { id: number; email: string } | null,
  input: TChangePasswordForm,
  address: string,
): Promise<void> {
  if (!user) throw new AppError("UNAUTHENTICATED", "Bạn cần đăng nhập để thực hiện thao tác này.");
  const issues = passwordPolicyIssues(input.password, user.email);
  if (issues.length) throw invalidInput({ password: issues });
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, unitId: true } });
  const check = await throttledCheck(user.email, address, () => verifyPassword(input.current, stored.passwordHash));
  if (check.retryMinutes !== undefined) throw new AppError("RATE_LIMITED", rateLimitMessage(check.retryMinutes));
  if (!check.ok) throw invalidInput({ current: ["Mật khẩu hiện tại không đúng."] });
  if (input.password.normalize("NFC") === input.current.normalize("NFC")) {
    throw invalidInput({ password: ["Mật khẩu mới phải khác mật khẩu hiện tại."] });
  }
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, { userId: user.id, action: "user.password.change", entityType: "User", entityId: user.id, unitId: stored.unitId });
  });
}
