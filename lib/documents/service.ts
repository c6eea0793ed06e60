// Writes of the documents library (văn bản): create, edit, publish / schedule / unpublish,
// restore a revision — through the shared content steps of lib/content/revisions.ts.
import { assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import {
  changeContent,
  dateOrNull,
  isoOrNull,
  numberOrNull,
  publishContent,
  restoreRevision,
  stringOrNull,
  type ContentModel,
  type ContentRow,
} from "@/lib/content/revisions";
import { toDateInput, toPublishCommand, type TPublish, type TRestore } from "@/lib/content/schemas";
import { assertCanEditContent, resolveOwnerUnit } from "@/lib/content/scope";
import { editedSlug, retryOnSlugClash, uniqueSlug } from "@/lib/content/slugs";
import { recordStaged, stageUpload, UPLOAD_RULES } from "@/lib/files/stage";
import { RECORDING_TRANSACTION } from "@/lib/files/storage";
import { todayInVietnam } from "@/lib/format";
import { invalidInput, type UploadInput } from "@/lib/forms";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/slug";
import type { TDocument, TDocumentUpdate } from "./schemas";

const unitSelect = { select: { id: true, provinceId: true, districtId: true } } as const;

async function loadDocument(tx: Tx, id: number) {
  return tx.document.findUnique({ where: { id }, include: { unit: unitSelect } });
}
type DocumentRow = NonNullable<Awaited<ReturnType<typeof loadDocument>>> & ContentRow;

export const documentModel: ContentModel<DocumentRow> = {
  type: "document",
  entity: "Document",
  noun: "Văn bản",
  load: loadDocument,
  snapshot: (d) => ({
    slug: d.slug,
    number: d.number,
    title: d.title,
    docType: d.docType,
    issuer: d.issuer,
    issuedDate: toDateInput(d.issuedDate),
    effectiveDate: toDateInput(d.effectiveDate) || null,
    summary: d.summary,
    sourceUrl: d.sourceUrl,
    fileId: d.fileId,
    status: d.status,
    publishedAt: isoOrNull(d.publishedAt),
  }),
  restore: (s) => ({
    number: String(s.number ?? ""),
    title: String(s.title ?? ""),
    docType: String(s.docType ?? ""),
    issuer: String(s.issuer ?? ""),
    issuedDate: dateOrNull(s.issuedDate) ?? undefined,
    effectiveDate: dateOrNull(s.effectiveDate),
    summary: String(s.summary ?? ""),
    sourceUrl: stringOrNull(s.sourceUrl),
    fileId: numberOrNull(s.fileId),
  }),
  async update(tx, id, version, data) {
    const r = await tx.document.updateMany({ where: { id, version }, data: { ...(data as Prisma.DocumentUncheckedUpdateManyInput), version: { increment: 1 } } });
    return r.count;
  },
};

function documentFields(input: TDocument) {
  if (input.issuedDate > todayInVietnam()) throw invalidInput({ issuedDate: ["Ngày ban hành không được sau ngày hôm nay."] });
  return {
    number: input.number,
    title: input.title,
    docType: input.docType,
    issuer: input.issuer,
    issuedDate: input.issuedDate,
    effectiveDate: input.effectiveDate,
    summary: input.summary,
    sourceUrl: input.sourceUrl,
  };
}

const slugBase = (input: { slug: string | null; docType: string; number: string }) => slugify(input.slug ?? `${input.docType} ${input.number}`) || "van-ban";

export interface DocumentWriteResult {
  id: number;
  slug: string;
  version: number;
}

export async function createDocument(viewer: Viewer | null, input: TDocument, file: UploadInput | null = null): Promise<DocumentWriteResult> {
  assertPermission(viewer, "content.edit");
  const owner = await resolveOwnerUnit(viewer, input.unitId);
  assertCanEditContent(viewer, "content.edit", owner);
  const fields = documentFields(input);
  const staged = file ? stageUpload(file, UPLOAD_RULES.pdf, "file") : null;
  return retryOnSlugClash(() =>
    db.$transaction(async (tx) => {
      const slug = await uniqueSlug(tx, "Document", slugBase(input));
      const fileId = (await recordStaged(tx, staged, viewer.id))?.id ?? null;
      const doc = await tx.document.create({ data: { ...fields, slug, fileId, unitId: owner?.id ?? null, status: "DRAFT" }, include: { unit: unitSelect } });
      await writeAudit(tx, { userId: viewer.id, action: "document.create", entityType: "Document", entityId: doc.id, unitId: doc.unitId, after: documentModel.snapshot(doc) });
      return { id: doc.id, slug: doc.slug, version: doc.version };
    }, RECORDING_TRANSACTION),
  );
}

export async function updateDocument(viewer: Viewer | null, input: TDocumentUpdate, file: UploadInput | null = null): Promise<DocumentWriteResult> {
  assertPermission(viewer, "content.edit");
  const fields = documentFields(input);
  const staged = file ? stageUpload(file, UPLOAD_RULES.pdf, "file") : null;
  const { after } = await retryOnSlugClash(() =>
    changeContent(viewer, documentModel, {
      id: input.id,
      version: input.version,
      permission: "content.edit",
      action: "update",
      transaction: RECORDING_TRANSACTION,
      async change(row, tx) {
        const slug = await editedSlug(tx, "Document", slugBase(input), row);
        const fileId = staged ? (await recordStaged(tx, staged, viewer.id)).id : input.removeFile ? null : row.fileId;
        return { ...fields, slug, fileId };
      },
    }),
  );
  return { id: after.id, slug: after.slug, version: after.version };
}

export async function publishDocument(viewer: Viewer | null, input: TPublish): Promise<DocumentWriteResult> {
  const { after } = await publishContent(viewer, documentModel, { id: input.id, version: input.version, command: toPublishCommand(input) });
  return { id: after.id, slug: after.slug, version: after.version };
}

export async function restoreDocument(viewer: Viewer | null, input: TRestore): Promise<DocumentWriteResult> {
  const { after } = await restoreRevision(viewer, documentModel, input);
  return { id: after.id, slug: after.slug, version: after.version };
}
