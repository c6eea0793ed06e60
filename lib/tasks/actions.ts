"use server";
// Server actions of the assignee's task page: parse → service (which checks the organisation) →
// expire the public notice page (its task table) and refresh the follow-up pages.
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth";
import { expireNotice } from "@/lib/cache/expire";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields, formFile, parseInput } from "@/lib/forms";
import { ZTaskProgress, ZTaskStatus } from "./schemas";
import { addTaskProgress, updateTaskStatus, type TaskWriteResult } from "./service";

export type TaskActionResult = ActionResult<{ version: number }>;

function done(r: TaskWriteResult): TaskActionResult {
  expireNotice(r.noticeSlug);
  revalidatePath("/quan-ly/nhiem-vu", "layout");
  revalidatePath("/quan-ly/theo-doi-nhiem-vu");
  return { ok: true, data: { version: r.version } };
}

export async function updateTaskStatusAction(_prev: TaskActionResult | null, form: FormData): Promise<TaskActionResult> {
  try {
    return done(await updateTaskStatus(await getViewer(), parseInput(ZTaskStatus, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}

export async function addTaskProgressAction(_prev: TaskActionResult | null, form: FormData): Promise<TaskActionResult> {
  try {
    const input = parseInput(ZTaskProgress, formFields(form));
    return done(await addTaskProgress(await getViewer(), input, await formFile(form, "file")));
  } catch (err) {
    return toActionError(err);
  }
}
