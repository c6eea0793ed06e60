// Who may download a stored file: evidence belongs to a commune's dossier (staff in scope);
// attachments of published notices and documents are public.
import { hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";

export async function findDownloadableFile(viewer: Viewer | null, fileId: number) {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    include: {
      evidence: { select: { criterionResult: { select: { assessment: { select: { unit: { select: { id: true, provinceId: true, districtId: true } } } } } } } },
      notices: { where: publicWhere(), select: { id: true } },
      documents: { where: publicWhere(), select: { id: true } },
      taskProgress: { select: { id: true } },
    },
  });
  if (!file) return null;
  if (file.notices.length || file.documents.length) return file;
  if (!viewer) return null;
  const units = file.evidence.map((e) => e.criterionResult.assessment.unit);
  if (units.length && hasPermission(viewer.role, "assessment.read") && units.some((u) => isUnitInScope(viewer, u))) return file;
  if (file.taskProgress.length && (hasPermission(viewer.role, "task.update") || hasPermission(viewer.role, "task.scorecard"))) return file;
  if (file.uploadedById === viewer.id) return file;
  return null;
}
