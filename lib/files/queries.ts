// Who may download a stored file: evidence belongs to a commune's dossier (staff in scope);
// attachments of published notices and documents, and covers of published articles, are public;
// files of content not yet public go to the editors of that content.
import { hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { contentScopeWhere } from "@/lib/content/scope";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";

export async function findDownloadableFile(viewer: Viewer | null, fileId: number) {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    include: {
      evidence: { select: { criterionResult: { select: { assessment: { select: { unit: { select: { id: true, provinceId: true, districtId: true } } } } } } } },
      notices: { where: publicWhere(), select: { id: true } },
      documents: { where: publicWhere(), select: { id: true } },
      articleImages: { where: publicWhere(), select: { id: true } },
      taskProgress: { select: { id: true } },
      ocopPhotos: { select: { id: true }, take: 1 }, // OCOP product photos are public (the catalogue shows them)
    },
  });
  if (!file) return null;
  if (file.notices.length || file.documents.length || file.articleImages.length || file.ocopPhotos.length) return file;
  if (!viewer) return null;
  if (hasPermission(viewer.role, "content.edit") && (await isFileOfEditableContent(viewer, fileId))) return file;
  const units = file.evidence.map((e) => e.criterionResult.assessment.unit);
  if (units.length && hasPermission(viewer.role, "assessment.read") && units.some((u) => isUnitInScope(viewer, u))) return file;
  if (file.taskProgress.length && (hasPermission(viewer.role, "task.update") || hasPermission(viewer.role, "task.scorecard"))) return file;
  if (file.uploadedById === viewer.id) return file;
  return null;
}

/** Whether the file is attached to an article, notice or document the viewer may edit. */
async function isFileOfEditableContent(viewer: Viewer, fileId: number): Promise<boolean> {
  const scope = contentScopeWhere(viewer);
  const [articles, notices, documents] = await Promise.all([
    db.article.count({ where: { coverId: fileId, ...scope } }),
    db.notice.count({ where: { attachmentId: fileId, ...scope } }),
    db.document.count({ where: { fileId, ...scope } }),
  ]);
  return articles + notices + documents > 0;
}
