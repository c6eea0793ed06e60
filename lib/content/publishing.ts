// Publication states of articles, notices and documents. Public reads show PUBLISHED and
// SCHEDULED rows whose publishedAt has come (lib/content/visibility.ts).
import type { PublishStatus } from "@/lib/generated/prisma/enums";

export type PublishCommand = { kind: "publish" } | { kind: "schedule"; at: Date } | { kind: "unpublish" };

export interface PublishState {
  status: PublishStatus;
  publishedAt: Date | null;
}

export const PUBLISH_STATUS_LABELS: Record<PublishStatus, string> = {
  DRAFT: "Bản nháp",
  SCHEDULED: "Hẹn giờ đăng",
  PUBLISHED: "Đã đăng",
  UNPUBLISHED: "Đã gỡ",
};

/** Whether the public sees the row now (the same rule as publicWhere). */
export function isPublic(state: PublishState, now = new Date()): boolean {
  return (state.status === "PUBLISHED" || state.status === "SCHEDULED") && state.publishedAt !== null && state.publishedAt <= now;
}

/** The state shown to editors: a scheduled row whose time has come is published. */
export function displayStatus(state: PublishState, now = new Date()): PublishStatus {
  return state.status === "SCHEDULED" && isPublic(state, now) ? "PUBLISHED" : state.status;
}

/**
 * The state after a command, or the reason it is refused. Publishing keeps the date of a row
 * that was already public once (a re-publication is not news); otherwise it is published now.
 */
export function nextPublishState(current: PublishState, cmd: PublishCommand, now = new Date()): PublishState | { error: string } {
  const shown = displayStatus(current, now);
  switch (cmd.kind) {
    case "publish":
      if (shown === "PUBLISHED") return { error: "Nội dung này đã được đăng." };
      return { status: "PUBLISHED", publishedAt: current.publishedAt && current.publishedAt <= now ? current.publishedAt : now };
    case "schedule":
      if (shown === "PUBLISHED") return { error: "Nội dung đang được đăng: hãy gỡ xuống trước khi hẹn giờ đăng lại." };
      if (cmd.at.getTime() <= now.getTime()) return { error: "Thời điểm hẹn đăng phải sau thời điểm hiện tại (để đăng ngay, chọn “Đăng ngay”)." };
      return { status: "SCHEDULED", publishedAt: cmd.at };
    case "unpublish":
      if (current.status !== "PUBLISHED" && current.status !== "SCHEDULED") return { error: "Nội dung này chưa được đăng hoặc hẹn giờ đăng." };
      return { status: "UNPUBLISHED", publishedAt: current.publishedAt };
  }
}
