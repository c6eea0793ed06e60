// Revision history and guarded changes of articles, notices and documents — one implementation
// for the three. Every change runs the same steps in one transaction: load the row → authorise on
// the row's own unit → refuse a stale version → keep a snapshot of the row as it was
// (ContentRevision) → update it, bumping its version → write the audit row.
// A restore is such a change too: it brings back a revision's editable fields.
import type { Permission, ScopedUnit, Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PublishStatus } from "@/lib/generated/prisma/enums";
import { nextPublishState, type PublishCommand } from "./publishing";
import { assertCanEditContent } from "./scope";

export type ContentType = "article" | "notice" | "document";

/** JSON-safe copy of a row's fields (dates as ISO strings). */
export type Snapshot = Record<string, unknown>;
export type ContentData = Record<string, unknown>;

export interface ContentRow {
  id: number;
  slug: string;
  version: number;
  status: PublishStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  unit: ScopedUnit | null;
}

export interface ContentModel<Row extends ContentRow> {
  type: ContentType;
  /** entityType of the audit rows */
  entity: "Article" | "Notice" | "Document";
  /** "Bài viết", "Thông báo", "Văn bản" */
  noun: string;
  load(tx: Tx, id: number): Promise<Row | null>;
  snapshot(row: Row): Snapshot;
  /** the editable fields a revision brings back; the slug and the publication state stay as they are */
  restore(snapshot: Snapshot): ContentData;
  /** checks that need the database (e.g. a notice's tasks against its new issue date) */
  check?(tx: Tx, row: Row, data: ContentData): Promise<void>;
  /** updates the row only while it still has `version`, bumping it; returns how many rows changed */
  update(tx: Tx, id: number, version: number, data: ContentData, userId: number): Promise<number>;
}

export interface ContentChange<Row extends ContentRow> {
  id: number;
  /** the version the form was loaded with */
  version: number;
  permission: Permission;
  /** audit action after the type: "update" → "article.update" */
  action: string;
  change(row: Row, tx: Tx): ContentData | Promise<ContentData>;
  /** added to the audit row's `after` */
  note?: Record<string, unknown>;
  /** the transaction's options, when it records a file (RECORDING_TRANSACTION) */
  transaction?: { timeout: number };
}

export const toJson = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as Prisma.InputJsonValue;

const lower = (noun: string) => noun.toLocaleLowerCase("vi");

function staleVersion(noun: string, row: ContentRow): AppError {
  return new AppError(
    "CONFLICT",
    `${noun} này vừa được cập nhật lúc ${formatDateTime(row.updatedAt)} (phiên bản ${row.version}), sau khi bạn mở trang. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.`,
    undefined,
    { version: row.version, updatedAt: row.updatedAt },
  );
}

/** The keys whose values differ, with their values in `a`. */
function changedFields(a: Snapshot, b: Snapshot): Snapshot {
  const out: Snapshot = {};
  for (const key of Object.keys(a)) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = a[key];
  return out;
}

export async function changeContent<Row extends ContentRow>(viewer: Viewer | null, model: ContentModel<Row>, c: ContentChange<Row>): Promise<{ before: Row; after: Row }> {
  return db.$transaction(async (tx) => {
    const row = await model.load(tx, c.id);
    if (!row) throw notFound(`Không tìm thấy ${lower(model.noun)}.`);
    assertCanEditContent(viewer, c.permission, row.unit);
    if (row.version !== c.version) throw staleVersion(model.noun, row);
    const data = await c.change(row, tx);
    await model.check?.(tx, row, data);
    const before = model.snapshot(row);
    await tx.contentRevision.create({ data: { entityType: model.type, entityId: row.id, snapshot: toJson(before), createdById: viewer.id } });
    // a concurrent change that slipped past the check above fails here on the version
    if ((await model.update(tx, row.id, c.version, data, viewer.id)) !== 1) throw staleVersion(model.noun, row);
    const after = (await model.load(tx, row.id))!;
    const afterSnap = model.snapshot(after);
    await writeAudit(tx, {
      userId: viewer.id,
      action: `${model.type}.${c.action}`,
      entityType: model.entity,
      entityId: row.id,
      unitId: row.unit?.id ?? null,
      before: changedFields(before, afterSnap),
      after: { ...changedFields(afterSnap, before), ...c.note },
    });
    return { before: row, after };
  }, c.transaction);
}

/** Publish now, schedule, or unpublish (needs content.publish on the row's unit). */
export function publishContent<Row extends ContentRow>(viewer: Viewer | null, model: ContentModel<Row>, input: { id: number; version: number; command: PublishCommand }) {
  return changeContent(viewer, model, {
    id: input.id,
    version: input.version,
    permission: "content.publish",
    action: input.command.kind,
    change(row) {
      const next = nextPublishState(row, input.command);
      if ("error" in next) throw new AppError("VALIDATION", next.error, input.command.kind === "schedule" ? { publishAt: [next.error] } : undefined);
      return { status: next.status, publishedAt: next.publishedAt };
    },
  });
}

/** Brings back the editable fields of one of the row's revisions, as a new audited change. */
export function restoreRevision<Row extends ContentRow>(viewer: Viewer | null, model: ContentModel<Row>, input: { id: number; version: number; revisionId: number }) {
  return changeContent(viewer, model, {
    id: input.id,
    version: input.version,
    permission: "content.edit",
    action: "restore",
    note: { restoredRevision: input.revisionId },
    async change(row, tx) {
      const revision = await tx.contentRevision.findFirst({ where: { id: input.revisionId, entityType: model.type, entityId: row.id } });
      if (!revision) throw notFound(`Không tìm thấy phiên bản này của ${lower(model.noun)}.`);
      return model.restore(revision.snapshot as Snapshot);
    },
  });
}

export interface RevisionView {
  id: number;
  createdAt: Date;
  createdBy: string | null;
  snapshot: Snapshot;
}

/** The revisions of a row, newest first, with who saved each (staff pages; the caller checks access). */
export async function listRevisions(type: ContentType, entityId: number, limit = 50): Promise<RevisionView[]> {
  const revisions = await db.contentRevision.findMany({
    where: { entityType: type, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const userIds = [...new Set(revisions.map((r) => r.createdById).filter((id): id is number => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return revisions.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    createdBy: r.createdById === null ? null : (names.get(r.createdById) ?? null),
    snapshot: (r.snapshot ?? {}) as Snapshot,
  }));
}

/** Snapshot helpers: dates as ISO strings, and back. */
export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export const dateOrNull = (v: unknown) => (typeof v === "string" && v ? new Date(v) : null);
export const stringOrNull = (v: unknown) => (typeof v === "string" ? v : null);
export const numberOrNull = (v: unknown) => (typeof v === "number" ? v : null);
