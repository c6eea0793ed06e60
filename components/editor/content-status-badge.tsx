import { displayStatus, PUBLISH_STATUS_LABELS, type PublishState } from "@/lib/content/publishing";
import type { PublishStatus } from "@/lib/generated/prisma/enums";

const STYLE: Record<PublishStatus, string> = {
  DRAFT: "bg-gray-100 text-gray-700",
  SCHEDULED: "bg-sky-100 text-sky-800",
  PUBLISHED: "bg-green-100 text-green-800",
  UNPUBLISHED: "bg-amber-100 text-amber-800",
};

/** The publication state as the public sees it now (a scheduled row whose time came is published). */
export function ContentStatusBadge({ state, now }: { state: PublishState; now?: Date }) {
  const shown = displayStatus(state, now);
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[shown]}`} data-testid="content-status">
      {PUBLISH_STATUS_LABELS[shown]}
    </span>
  );
}
