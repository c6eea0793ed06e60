// Public reads of the documents library (văn bản), served from the data cache
// (lib/cache/cached-read.ts) under the "documents" tag, keyed by the visibility epoch.
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { publicRead } from "@/lib/cache/cached-read";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { isSlugShaped } from "@/lib/slug";

const listFields = {
  id: true,
  slug: true,
  number: true,
  title: true,
  docType: true,
  issuer: true,
  issuedDate: true,
  effectiveDate: true,
  summary: true,
  sourceUrl: true,
  fileId: true,
} as const;

const byDate = [{ issuedDate: "desc" as const }, { id: "desc" as const }];
const TAGS = [CACHE_TAGS.documents];

export function listLatestDocuments(limit = 5) {
  return publicRead("documents", ["documents-latest", limit], () => db.document.findMany({ where: publicWhere(), orderBy: byDate, take: limit, select: listFields }), { tags: TAGS });
}

export interface DocumentFilter {
  docType?: string;
  issuer?: string;
  /** year of issue */
  year?: number;
}

function filterWhere(f: DocumentFilter) {
  return {
    ...publicWhere(),
    ...(f.docType ? { docType: f.docType } : {}),
    ...(f.issuer ? { issuer: f.issuer } : {}),
    ...(f.year ? { issuedDate: { gte: new Date(Date.UTC(f.year, 0, 1)), lt: new Date(Date.UTC(f.year + 1, 0, 1)) } } : {}),
  };
}

export function listDocumentsPage(opts: DocumentFilter & { page: number; pageSize: number }) {
  const filter: DocumentFilter = { docType: opts.docType, issuer: opts.issuer, year: opts.year };
  return publicRead(
    "documents",
    ["documents-page", filter, opts.page, opts.pageSize],
    async () => {
      const where = filterWhere(filter);
      const [items, total] = await Promise.all([
        db.document.findMany({ where, orderBy: byDate, skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize, select: listFields }),
        db.document.count({ where }),
      ]);
      return { items, total };
    },
    { tags: TAGS },
  );
}

/** The values the library can be filtered by: document types, issuers and years present. */
export function listDocumentFacets() {
  return publicRead(
    "documents",
    ["documents-facets"],
    async () => {
      const rows = await db.document.findMany({ where: publicWhere(), select: { docType: true, issuer: true, issuedDate: true } });
      const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, "vi"));
      return {
        docTypes: sorted(rows.map((r) => r.docType)),
        issuers: sorted(rows.map((r) => r.issuer)),
        years: [...new Set(rows.map((r) => r.issuedDate.getUTCFullYear()))].sort((a, b) => b - a),
      };
    },
    { tags: TAGS },
  );
}

/** A published document, or null. */
export const getPublishedDocument = cache(function getPublishedDocument(slug: string) {
  if (!isSlugShaped(slug)) return Promise.resolve(null);
  return publicRead(
    "documents",
    ["document", slug],
    () =>
      db.document.findFirst({
        where: { slug, ...publicWhere() },
        select: { ...listFields, publishedAt: true, updatedAt: true, viewCount: true, file: { select: { id: true, fileName: true, size: true } } },
      }),
    { tags: TAGS },
  );
});

/** Other documents beside one: the latest of the same type first, then the latest of all. */
export function listOtherDocuments(doc: { id: number; docType: string }, limit = 5) {
  return publicRead(
    "documents",
    ["documents-other", doc.id, doc.docType, limit],
    async () => {
      const same = await db.document.findMany({ where: { ...publicWhere(), docType: doc.docType, id: { not: doc.id } }, orderBy: byDate, take: limit, select: listFields });
      const rest =
        same.length < limit
          ? await db.document.findMany({ where: { ...publicWhere(), id: { notIn: [doc.id, ...same.map((d) => d.id)] } }, orderBy: byDate, take: limit - same.length, select: listFields })
          : [];
      return [...same, ...rest];
    },
    { tags: TAGS },
  );
}

/** Every public document's address and last change, for the sitemap. */
export function listDocumentUrls() {
  return publicRead("documents", ["documents-urls"], () => db.document.findMany({ where: publicWhere(), orderBy: byDate, select: { slug: true, updatedAt: true } }), { tags: TAGS });
}
