import type { PublishStatus } from "@/lib/generated/prisma/enums";

/** Published, or scheduled and its time has come: the filter every public read uses. */
export function publicWhere(now = new Date()) {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] as PublishStatus[] }, publishedAt: { lte: now } };
}
