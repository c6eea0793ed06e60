// Public reads of the documents library (văn bản).
import { db } from "@/lib/db";
import { publicWhere } from "@/lib/content/visibility";

export function listLatestDocuments(limit = 5) {
  return db.document.findMany({
    where: publicWhere(),
    orderBy: [{ issuedDate: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, slug: true, number: true, title: true, issuedDate: true, docType: true, issuer: true, summary: true, sourceUrl: true, fileId: true },
  });
}
