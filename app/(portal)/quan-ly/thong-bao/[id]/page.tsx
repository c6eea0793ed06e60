import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ContentStatusBadge } from "@/components/editor/content-status-badge";
import { EditorHeader, linkButton, primaryLinkButton } from "@/components/editor/editor-header";
import { NoticeForm } from "@/components/editor/notice-form";
import { NoticeTaskList } from "@/components/editor/notice-task-list";
import { PublishPanel } from "@/components/editor/publish-panel";
import { toRevisionItems } from "@/components/editor/revision-items";
import { RevisionList } from "@/components/editor/revision-list";
import { requirePagePermission } from "@/lib/auth";
import { isPublic } from "@/lib/content/publishing";
import { listRevisions } from "@/lib/content/revisions";
import { toDateInput, toVietnamDateTimeInput } from "@/lib/content/schemas";
import { canEditContentOf } from "@/lib/content/scope";
import { formatDateTime, todayInVietnam } from "@/lib/format";
import { publishNoticeAction, restoreNoticeAction, saveNoticeAction } from "@/lib/notices/actions";
import { getNoticeForEditor } from "@/lib/notices/staff-queries";

export const metadata: Metadata = { title: "Sửa thông báo kết luận" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ "da-tao"?: string; "nhiem-vu"?: string }> };

const TASK_MESSAGES: Record<string, string> = { "da-them": "Đã thêm nhiệm vụ.", "da-xoa": "Đã xóa nhiệm vụ." };

export default async function EditNoticePage({ params, searchParams }: Props) {
  const id = Number((await params).id);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/thong-bao/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const notice = await getNoticeForEditor(id);
  if (!notice) notFound();
  if (!canEditContentOf(viewer, notice.unit)) forbidden();
  const revisions = await listRevisions("notice", notice.id);
  const sp = await searchParams;
  const now = new Date();
  const today = todayInVietnam(now);
  return (
    <div className="grid gap-4">
      <EditorHeader
        title={`Thông báo số ${notice.number}`}
        back={{ href: "/quan-ly/thong-bao", label: "Thông báo kết luận" }}
        actions={<Link href={`/quan-ly/thong-bao/${notice.id}/xem-truoc`} className={linkButton}>Xem trước</Link>}
      >
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-600">
          <ContentStatusBadge state={notice} now={now} /> {notice.unit?.fullName ?? "Toàn quốc"} · phiên bản {notice.version}
        </p>
      </EditorHeader>
      {sp["da-tao"] === "1" && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          Đã lưu bản nháp. Hãy thêm các nhiệm vụ được giao, rồi đăng thông báo.
        </p>
      )}
      <PublishPanel
        id={notice.id}
        version={notice.version}
        status={notice.status}
        isPublic={isPublic(notice, now)}
        publishedAtText={notice.publishedAt ? formatDateTime(notice.publishedAt) : null}
        scheduleDefault={toVietnamDateTimeInput(notice.status === "SCHEDULED" && notice.publishedAt ? notice.publishedAt : new Date(now.getTime() + 3600_000))}
        publicUrl={`/thong-bao/${notice.slug}`}
        canPublish={canEditContentOf(viewer, notice.unit, "content.publish")}
        action={publishNoticeAction}
      />
      <NoticeForm
        notice={{
          id: notice.id,
          version: notice.version,
          number: notice.number,
          title: notice.title,
          slug: notice.slug,
          summary: notice.summary,
          bodyHtml: notice.bodyHtml,
          issuedDate: toDateInput(notice.issuedDate),
          meetingDate: toDateInput(notice.meetingDate),
          issuingBody: notice.issuingBody,
          signer: notice.signer ?? "",
          signerTitle: notice.signerTitle ?? "",
          source: notice.source ?? "",
          sourceUrl: notice.sourceUrl ?? "",
          attachment: notice.attachment,
        }}
        owners={null}
        today={toDateInput(today)}
        action={saveNoticeAction}
      />
      <section id="nhiem-vu" aria-labelledby="tasks-title" className="grid gap-3 rounded border bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="tasks-title" className="font-semibold text-brand-800">Nhiệm vụ được giao ({notice.tasks.length})</h2>
          <Link href={`/quan-ly/thong-bao/${notice.id}/nhiem-vu/moi`} className={primaryLinkButton}>Thêm nhiệm vụ</Link>
        </div>
        {sp["nhiem-vu"] && TASK_MESSAGES[sp["nhiem-vu"]] && (
          <p role="status" className="text-sm text-green-700">{TASK_MESSAGES[sp["nhiem-vu"]]}</p>
        )}
        <NoticeTaskList noticeId={notice.id} tasks={notice.tasks} today={today} canEdit />
      </section>
      <RevisionList
        id={notice.id}
        version={notice.version}
        revisions={toRevisionItems(revisions, (s) => `${String(s.number ?? "")} — ${String(s.title ?? "")}`)}
        canRestore
        action={restoreNoticeAction}
      />
    </div>
  );
}
