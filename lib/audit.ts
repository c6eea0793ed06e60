// The audit row is written inside the same transaction as the change it records.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function writeAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: e.userId,
      action: e.action,
      entityType: e.entityType,
      entityId: String(e.entityId),
      unitId: e.unitId ?? null,
      before: json(e.before),
      after: json(e.after),
    },
  });
}
