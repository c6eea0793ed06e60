// Editor reads of the documents library, scoped to the viewer.
import type { Viewer } from "@/lib/authz";
import { contentScopeWhere } from "@/lib/content/scope";
import { db } from "@/lib/db";
import type { PublishStatus } from "@/lib/generated/prisma/enums";

export function listDocumentsForEditor(viewer: Viewer, opts: { status?: PublishStatus } = {}) {
  return db.document.findMany({
    where: { ...contentScopeWhere(viewer), ...(opts.status ? { status: opts.status } : {}) },
    orderBy: [{ issuedDate: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true, slug: true, number: true, title: true, docType: true, issuer: true, issuedDate: true, status: true, publishedAt: true, updatedAt: true,
      unit: { select: { fullName: true } },
    },
  });
}

/** One document with what its edit page shows (the page checks that the viewer may edit it). */
export function getDocumentForEditor(id: number) {
  return db.document.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, provinceId: true, districtId: true, fullName: true } },
      file: { select: { id: true, fileName: true, size: true } },
    },
  });
}
