import { PUBLISH_STATUS_LABELS } from "@/lib/content/publishing";
import type { RevisionView, Snapshot } from "@/lib/content/revisions";
import { formatDateTime } from "@/lib/format";
import type { PublishStatus } from "@/lib/generated/prisma/enums";
import type { RevisionItem } from "./revision-list";

/** Revisions as the history list shows them. */
export function toRevisionItems(revisions: RevisionView[], titleOf: (s: Snapshot) => string = (s) => String(s.title ?? "")): RevisionItem[] {
  return revisions.map((r) => ({
    id: r.id,
    savedAtText: formatDateTime(r.createdAt),
    savedBy: r.createdBy,
    title: titleOf(r.snapshot),
    statusLabel: PUBLISH_STATUS_LABELS[r.snapshot.status as PublishStatus] ?? "",
  }));
}
