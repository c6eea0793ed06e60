// Who may download a stored file: exactly who may open a page that shows it, by the same rule
// that page uses — a commune's dossier (evidence), a published or editable article, notice or
// document, a task's page (result files), a public or staff OCOP product (photo). A file attached
// to nothing is listed by no page: only its uploader gets it back. Anyone else gets null, the same
// answer as for a file that does not exist.
import type { Viewer } from "@/lib/authz";
import { canReadDossierOf } from "@/lib/assessments/queries";
import { canEditContentOf } from "@/lib/content/scope";
import { publicWhere } from "@/lib/content/visibility";
import { db } from "@/lib/db";
import { canSeeProductForStaff, publicEvaluation } from "@/lib/ocop/queries";
import { taskAccess } from "@/lib/tasks/queries";

const unit = { select: { id: true, provinceId: true, districtId: true } } as const;
const contentUnit = { select: { unit } } as const;

export async function findDownloadableFile(viewer: Viewer | null, fileId: number) {
  const now = new Date();
  const row = await db.storedFile.findUnique({
    where: { id: fileId },
    include: {
      evidence: { select: { criterionResult: { select: { assessment: { select: { unit } } } } } },
      notices: contentUnit,
      documents: contentUnit,
      articleImages: contentUnit,
      taskProgress: { select: { task: { select: { assigneeOrgId: true, assigneeOrg: { select: { unit } }, notice: { select: { unit } } } } } },
      ocopPhotos: { select: { commune: unit, evaluations: { select: { id: true, year: true, stars: true, decisionNo: true, decisionDate: true } } } },
      // published content: counted with the filter every public page uses
      _count: { select: { notices: { where: publicWhere(now) }, documents: { where: publicWhere(now) }, articleImages: { where: publicWhere(now) } } },
    },
  });
  if (!row) return null;
  const { evidence, notices, documents, articleImages, taskProgress, ocopPhotos, _count, ...file } = row;

  const isPublic = _count.notices + _count.documents + _count.articleImages > 0 || ocopPhotos.some((p) => publicEvaluation(p.evaluations) !== null);
  if (isPublic) return file;
  if (!viewer) return null;

  const content = [...notices, ...documents, ...articleImages];
  const attached = evidence.length + content.length + taskProgress.length + ocopPhotos.length > 0;
  const allowed =
    evidence.some((e) => canReadDossierOf(viewer, e.criterionResult.assessment.unit)) ||
    content.some((c) => canEditContentOf(viewer, c.unit)) ||
    taskProgress.some((p) => taskAccess(viewer, p.task).canView) ||
    ocopPhotos.some((p) => canSeeProductForStaff(viewer, p.commune)) ||
    (!attached && file.uploadedById === viewer.id);
  return allowed ? file : null;
}

/**
 * A stored file's content as a stream of its chunks, each read by its own query when the response
 * asks for it: a download never holds the whole file, nor a connection between chunks. Null when
 * the database does not hold all of it (a row whose file was never loaded from an old upload
 * directory): the download answers as for a file that does not exist.
 */
export async function storedFileContent(file: { id: number; size: number }): Promise<ReadableStream<Uint8Array> | null> {
  // octet_length of a stored value is read from its header, without fetching the bytes
  const [held] = await db.$queryRaw<{ chunks: number; bytes: bigint }[]>`
    SELECT count(*)::int AS chunks, COALESCE(sum(octet_length(bytes)), 0)::bigint AS bytes
      FROM "StoredFileChunk" WHERE "fileId" = ${file.id}`;
  if (Number(held.bytes) !== file.size) return null;
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (seq === held.chunks) return controller.close();
      const chunk = await db.storedFileChunk.findUnique({ where: { fileId_seq: { fileId: file.id, seq } }, select: { bytes: true } });
      // deleted while being sent: the response ends short of its Content-Length, as a failure
      if (!chunk) throw new Error(`StoredFile ${file.id}: chunk ${seq} is gone`);
      seq++;
      controller.enqueue(chunk.bytes);
    },
  });
}
