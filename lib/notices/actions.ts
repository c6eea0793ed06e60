"use server";
// Server actions of the notice editor and of its task forms: parse → service → expire the
// public caches of the notice (its task table included) and refresh the staff pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth";
import { expireNotice } from "@/lib/cache/expire";
import { ZPublish, ZRestore } from "@/lib/content/schemas";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields, formFile, parseInput } from "@/lib/forms";
import { ZDeleteNoticeTask, ZNotice, ZNoticeTask, ZNoticeUpdate } from "./schemas";
import { createNotice, deleteNoticeTask, publishNotice, restoreNotice, saveNoticeTask, updateNotice, type NoticeWriteResult } from "./service";

export type NoticeActionResult = ActionResult<{ version: number; slug: string }>;

function done(r: NoticeWriteResult): NoticeActionResult {
  expireNotice(r.slug, r.previousSlug);
  revalidatePath("/quan-ly/thong-bao", "layout");
  return { ok: true, data: { version: r.version, slug: r.slug } };
}

export async function saveNoticeAction(_prev: NoticeActionResult | null, form: FormData): Promise<NoticeActionResult> {
  let createdId: number;
  try {
    const fields = formFields(form);
    const attachment = await formFile(form, "attachment");
    const viewer = await getViewer();
    if (fields.id) return done(await updateNotice(viewer, parseInput(ZNoticeUpdate, fields), attachment));
    const created = await createNotice(viewer, parseInput(ZNotice, fields), attachment);
    done(created);
    createdId = created.id;
  } catch (err) {
    return toActionError(err);
  }
  redirect(`/quan-ly/thong-bao/${createdId}?da-tao=1`);
}

export async function publishNoticeAction(_prev: NoticeActionResult | null, form: FormData): Promise<NoticeActionResult> {
  try {
    return done(await publishNotice(await getViewer(), parseInput(ZPublish, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}

export async function restoreNoticeAction(_prev: NoticeActionResult | null, form: FormData): Promise<NoticeActionResult> {
  try {
    return done(await restoreNotice(await getViewer(), parseInput(ZRestore, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}

export type NoticeTaskActionResult = ActionResult<{ version: number }>;

export async function saveNoticeTaskAction(_prev: NoticeTaskActionResult | null, form: FormData): Promise<NoticeTaskActionResult> {
  let noticeId: number;
  try {
    const input = parseInput(ZNoticeTask, formFields(form, ["criterionIds", "unitIds"]));
    const r = await saveNoticeTask(await getViewer(), input);
    expireNotice(r.noticeSlug);
    revalidatePath("/quan-ly", "layout");
    if (input.taskId !== null) return { ok: true, data: { version: r.version } };
    noticeId = r.noticeId;
  } catch (err) {
    return toActionError(err);
  }
  redirect(`/quan-ly/thong-bao/${noticeId}?nhiem-vu=da-them#nhiem-vu`);
}

export async function deleteNoticeTaskAction(_prev: NoticeTaskActionResult | null, form: FormData): Promise<NoticeTaskActionResult> {
  let noticeId: number;
  try {
    const r = await deleteNoticeTask(await getViewer(), parseInput(ZDeleteNoticeTask, formFields(form)));
    expireNotice(r.noticeSlug);
    revalidatePath("/quan-ly", "layout");
    noticeId = r.noticeId;
  } catch (err) {
    return toActionError(err);
  }
  redirect(`/quan-ly/thong-bao/${noticeId}?nhiem-vu=da-xoa#nhiem-vu`);
}
