// Reads of users and their scope.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/authz";

/** Unit ids of a unit and of every unit it succeeded, transitively (history survives mergers). */
export async function unitWithPredecessors(unitId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT ${unitId}::int
      UNION
      SELECT s."predecessorId" FROM "UnitSuccession" s JOIN chain c ON s."successorId" = c.id
    )
    SELECT id FROM chain`;
  return rows.map((r) => r.id);
}

export async function loadViewer(userId: number, sessionVersion: number): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { unit: { select: { id: true, level: true, fullName: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
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
}

export const findUserByEmail = (email: string) => db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
