// Writes of news articles: create, edit, publish / schedule / unpublish, restore a revision.
// Each loads the article from the database, authorises on its own unit, and writes the change,
// its revision and its audit row in one transaction (lib/content/revisions.ts).
import { assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { publishContent, restoreRevision, changeContent, isoOrNull, numberOrNull, stringOrNull, type ContentModel, type ContentRow } from "@/lib/content/revisions";
import { htmlToText, sanitizeRichText } from "@/lib/content/sanitize";
import { toPublishCommand, type TPublish, type TRestore } from "@/lib/content/schemas";
import { assertCanEditContent, resolveOwnerUnit } from "@/lib/content/scope";
import { summarise } from "@/lib/content/seed-articles";
import { editedSlug, retryOnSlugClash, uniqueSlug } from "@/lib/content/slugs";
import type { FieldErrors } from "@/lib/errors";
import { recordStaged, stageUpload, UPLOAD_RULES, type StagedUpload } from "@/lib/files/stage";
import { RECORDING_TRANSACTION } from "@/lib/files/storage";
import { invalidInput, type UploadInput } from "@/lib/forms";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/slug";
import type { TArticle, TArticleUpdate } from "./schemas";

const unitSelect = { select: { id: true, provinceId: true, districtId: true } } as const;

async function loadArticle(tx: Tx, id: number) {
  return tx.article.findUnique({ where: { id }, include: { unit: unitSelect } });
}
type ArticleRow = NonNullable<Awaited<ReturnType<typeof loadArticle>>> & ContentRow;

export const articleModel: ContentModel<ArticleRow> = {
  type: "article",
  entity: "Article",
  noun: "Bài viết",
  load: loadArticle,
  snapshot: (a) => ({
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    bodyHtml: a.bodyHtml,
    author: a.author,
    source: a.source,
    sourceUrl: a.sourceUrl,
    categoryId: a.categoryId,
    coverId: a.coverId,
    status: a.status,
    publishedAt: isoOrNull(a.publishedAt),
  }),
  restore: (s) => ({
    title: String(s.title ?? ""),
    summary: String(s.summary ?? ""),
    // sanitised again: the allow-list may have tightened since the revision was saved
    bodyHtml: sanitizeRichText(String(s.bodyHtml ?? "")),
    author: stringOrNull(s.author),
    source: stringOrNull(s.source),
    sourceUrl: stringOrNull(s.sourceUrl),
    categoryId: numberOrNull(s.categoryId),
    coverId: numberOrNull(s.coverId),
  }),
  async update(tx, id, version, data, userId) {
    const r = await tx.article.updateMany({
      where: { id, version },
      data: { ...(data as Prisma.ArticleUncheckedUpdateManyInput), version: { increment: 1 }, updatedById: userId },
    });
    return r.count;
  },
};

/** The article's fields as stored: sanitised body, a summary when none was written. */
async function articleFields(input: TArticle) {
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  const text = htmlToText(bodyHtml);
  const errors: FieldErrors = {};
  if (!text && !/<img\s/i.test(bodyHtml)) errors.bodyHtml = ["Nhập nội dung bài viết."];
  if (input.categoryId !== null && !(await db.category.findUnique({ where: { id: input.categoryId } }))) errors.categoryId = ["Chuyên mục không tồn tại."];
  if (Object.keys(errors).length) throw invalidInput(errors);
  return {
    title: input.title,
    summary: input.summary ?? summarise(text),
    bodyHtml,
    author: input.author,
    source: input.source,
    sourceUrl: input.sourceUrl,
    categoryId: input.categoryId,
  };
}

const slugBase = (input: { slug: string | null; title: string }) => slugify(input.slug ?? input.title) || "bai-viet";

function stageCover(cover: UploadInput | null): StagedUpload | null {
  return cover ? stageUpload(cover, UPLOAD_RULES.image, "cover") : null;
}

export interface ArticleWriteResult {
  id: number;
  slug: string;
  /** the slug before the change, when it changed */
  previousSlug: string | null;
  version: number;
}

export async function createArticle(viewer: Viewer | null, input: TArticle, cover: UploadInput | null = null): Promise<ArticleWriteResult> {
  assertPermission(viewer, "content.edit");
  const owner = await resolveOwnerUnit(viewer, input.unitId);
  assertCanEditContent(viewer, "content.edit", owner);
  const fields = await articleFields(input);
  const staged = stageCover(cover);
  return retryOnSlugClash(() =>
    db.$transaction(async (tx) => {
      const slug = await uniqueSlug(tx, "Article", slugBase(input));
      const coverId = (await recordStaged(tx, staged, viewer.id))?.id ?? null;
      const article = await tx.article.create({
        data: { ...fields, slug, coverId, unitId: owner?.id ?? null, status: "DRAFT", createdById: viewer.id, updatedById: viewer.id },
        include: { unit: unitSelect },
      });
      await writeAudit(tx, { userId: viewer.id, action: "article.create", entityType: "Article", entityId: article.id, unitId: article.unitId, after: articleModel.snapshot(article) });
      return { id: article.id, slug: article.slug, previousSlug: null, version: article.version };
    }, RECORDING_TRANSACTION),
  );
}

export async function updateArticle(viewer: Viewer | null, input: TArticleUpdate, cover: UploadInput | null = null): Promise<ArticleWriteResult> {
  assertPermission(viewer, "content.edit");
  const fields = await articleFields(input);
  const staged = stageCover(cover);
  const { before, after } = await retryOnSlugClash(() =>
    changeContent(viewer, articleModel, {
      id: input.id,
      version: input.version,
      permission: "content.edit",
      action: "update",
      transaction: RECORDING_TRANSACTION,
      async change(row, tx) {
        const slug = await editedSlug(tx, "Article", slugBase(input), row);
        const coverId = staged ? (await recordStaged(tx, staged, viewer.id)).id : input.removeCover ? null : row.coverId;
        return { ...fields, slug, coverId };
      },
    }),
  );
  return { id: after.id, slug: after.slug, previousSlug: before.slug !== after.slug ? before.slug : null, version: after.version };
}

export async function publishArticle(viewer: Viewer | null, input: TPublish): Promise<ArticleWriteResult> {
  const { after } = await publishContent(viewer, articleModel, { id: input.id, version: input.version, command: toPublishCommand(input) });
  return { id: after.id, slug: after.slug, previousSlug: null, version: after.version };
}

export async function restoreArticle(viewer: Viewer | null, input: TRestore): Promise<ArticleWriteResult> {
  const { after } = await restoreRevision(viewer, articleModel, input);
  return { id: after.id, slug: after.slug, previousSlug: null, version: after.version };
}
