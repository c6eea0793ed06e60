// Reads of users and their scope.
import { db } from "@/lib/db";
import { unitWithPredecessors } from "@/lib/units/queries";
import type { Viewer } from "@/lib/authz";
import { isDemoMode, passwordChangeRequired } from "./login-rules";

export interface SessionUser {
  viewer: Viewer;
  /** the user must choose a new password before anything else (lib/users/login-rules.ts) */
  mustChangePassword: boolean;
}

/** The user of a session, or null when the account is gone, disabled or signed out everywhere since. */
export async function loadSessionUser(userId: number, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { unit: { select: { id: true, level: true, fullName: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  const viewer: Viewer = {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    unitId: user.unitId,
    unitLevel: user.unit?.level ?? null,
    unitName: user.unit?.fullName ?? null,
    scopeUnitIds: user.unitId ? await unitWithPredecessors(user.unitId) : [],
  };
  return { viewer, mustChangePassword: passwordChangeRequired(user, isDemoMode()) };
}

export async function loadViewer(userId: number, sessionVersion: number): Promise<Viewer | null> {
  return (await loadSessionUser(userId, sessionVersion))?.viewer ?? null;
}

export const findUserByEmail = (email: string) => db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
