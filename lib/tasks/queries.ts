// Staff reads of notice tasks.
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";

/** Tasks assigned to the viewer's organisation ("Nhiệm vụ của tôi"). */
export function listTasksOfViewer(viewer: Viewer) {
  if (!viewer.organisationId) return Promise.resolve([]);
  return db.noticeTask.findMany({
    where: { assigneeOrgId: viewer.organisationId },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { sortOrder: "asc" }],
    include: {
      assigneeOrg: { select: { name: true } },
      notice: { select: { number: true, slug: true, title: true } },
    },
  });
}
