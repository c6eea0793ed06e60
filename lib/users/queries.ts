// Reads of users and their scope.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/authz";
import { isDemoMode, passwordChangeRequired } from "./login-rules";

// Units and their successions are written by the seed only (no screen edits them): a unit's
// history, once read, holds for the life of the process. Every scope check and every province
// figure asks for it, several times per page.
const predecessorsCache = new Map<number, Promise<number[]>>();

/** Unit ids of a unit and of every unit it succeeded, transitively (history survives mergers). */
export function unitWithPredecessors(unitId: number): Promise<number[]> {
  let ids = predecessorsCache.get(unitId);
  if (!ids) {
    ids = db.$queryRaw<{ id: number }[]>`
      WITH RECURSIVE chain(id) AS (
        SELECT ${unitId}::int
        UNION
        SELECT s."predecessorId" FROM "UnitSuccession" s JOIN chain c ON s."successorId" = c.id
      )
      SELECT id FROM chain`.then((rows) => rows.map((r) => r.id));
    ids.catch(() => predecessorsCache.delete(unitId));
    predecessorsCache.set(unitId, ids);
  }
  return ids.then((list) => [...list]);
}

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
