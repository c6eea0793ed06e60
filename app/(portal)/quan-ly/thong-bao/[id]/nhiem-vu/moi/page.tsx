import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { EditorHeader } from "@/components/editor/editor-header";
import { NoticeTaskForm } from "@/components/editor/notice-task-form";
import { loadTaskChoices } from "@/components/editor/task-choices";
import { requirePagePermission } from "@/lib/auth";
import { toDateInput } from "@/lib/content/schemas";
import { canEditContentOf } from "@/lib/content/scope";
import { saveNoticeTaskAction } from "@/lib/notices/actions";
import { getNoticeForEditor } from "@/lib/notices/staff-queries";

export const metadata: Metadata = { title: "Thêm nhiệm vụ" };

export default async function NewNoticeTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/thong-bao/${id}/nhiem-vu/moi`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const notice = await getNoticeForEditor(id);
  if (!notice) notFound();
  if (!canEditContentOf(viewer, notice.unit)) forbidden();
  const choices = await loadTaskChoices(notice.unitId);
  return (
    <div className="grid gap-4">
      <EditorHeader title="Thêm nhiệm vụ" back={{ href: `/quan-ly/thong-bao/${notice.id}#nhiem-vu`, label: `Thông báo số ${notice.number}` }} />
      <NoticeTaskForm noticeId={notice.id} issuedDate={toDateInput(notice.issuedDate)} task={null} {...choices} action={saveNoticeTaskAction} />
    </div>
  );
}
