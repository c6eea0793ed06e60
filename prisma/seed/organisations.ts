// Organisations (UBND, Văn phòng Điều phối, sở, ngành) are created on demand by the seed steps.
import type { Sql } from "./sql.ts";

export type OrgKind =
  | "PEOPLES_COMMITTEE"
  | "STEERING_COMMITTEE"
  | "COORDINATION_OFFICE"
  | "DEPARTMENT"
  | "MASS_ORGANISATION"
  | "OTHER";

/** Returns the id of the organisation (unitId, name), creating it when missing. */
export async function ensureOrganisation(
  sql: Sql,
  org: { name: string; kind: OrgKind; unitId: number | null; shortName?: string },
): Promise<number> {
  const found = await sql.query<{ id: number }>(
    `SELECT id FROM "Organisation" WHERE name = $1 AND "unitId" IS NOT DISTINCT FROM $2`,
    [org.name, org.unitId],
  );
  if (found.rows[0]) return found.rows[0].id;
  const res = await sql.query<{ id: number }>(
    `INSERT INTO "Organisation" (name, "shortName", kind, "unitId") VALUES ($1, $2, $3, $4) RETURNING id`,
    [org.name, org.shortName ?? null, org.kind, org.unitId],
  );
  return res.rows[0].id;
}
