import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ContentStatusBadge } from "@/components/editor/content-status-badge";
import { DocumentForm } from "@/components/editor/document-form";
import { EditorHeader } from "@/components/editor/editor-header";
import { PublishPanel } from "@/components/editor/publish-panel";
import { toRevisionItems } from "@/components/editor/revision-items";
import { RevisionList } from "@/components/editor/revision-list";
import { requirePagePermission } from "@/lib/auth";
import { isPublic } from "@/lib/content/publishing";
import { listRevisions } from "@/lib/content/revisions";
import { toDateInput, toVietnamDateTimeInput } from "@/lib/content/schemas";
import { canEditContentOf } from "@/lib/content/scope";
import { publishDocumentAction, restoreDocumentAction, saveDocumentAction } from "@/lib/documents/actions";
import { DOCUMENT_TYPES } from "@/lib/documents/schemas";
import { getDocumentForEditor } from "@/lib/documents/staff-queries";
import { formatDateTime, todayInVietnam } from "@/lib/format";

export const metadata: Metadata = { title: "Sửa văn bản" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ "da-tao"?: string }> };

export default async function EditDocumentPage({ params, searchParams }: Props) {
  const id = Number((await params).id);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/van-ban/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const doc = await getDocumentForEditor(id);
  if (!doc) notFound();
  if (!canEditContentOf(viewer, doc.unit)) forbidden();
  const revisions = await listRevisions("document", doc.id);
  const created = (await searchParams)["da-tao"] === "1";
  const now = new Date();
  return (
    <div className="grid gap-4">
      <EditorHeader title={`${doc.docType} số ${doc.number}`} back={{ href: "/quan-ly/van-ban", label: "Văn bản" }}>
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-600">
          <ContentStatusBadge state={doc} now={now} /> {doc.unit?.fullName ?? "Toàn quốc"} · phiên bản {doc.version}
        </p>
      </EditorHeader>
      {created && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          Đã lưu bản nháp. Bạn có thể đăng ngay hoặc hẹn giờ đăng.
        </p>
      )}
      <PublishPanel
        id={doc.id}
        version={doc.version}
        status={doc.status}
        isPublic={isPublic(doc, now)}
        publishedAtText={doc.publishedAt ? formatDateTime(doc.publishedAt) : null}
        scheduleDefault={toVietnamDateTimeInput(doc.status === "SCHEDULED" && doc.publishedAt ? doc.publishedAt : new Date(now.getTime() + 3600_000))}
        publicUrl={`/van-ban#${doc.slug}`}
        canPublish={canEditContentOf(viewer, doc.unit, "content.publish")}
        action={publishDocumentAction}
      />
      <DocumentForm
        document={{
          id: doc.id,
          version: doc.version,
          number: doc.number,
          title: doc.title,
          docType: doc.docType,
          issuer: doc.issuer,
          issuedDate: toDateInput(doc.issuedDate),
          effectiveDate: toDateInput(doc.effectiveDate),
          summary: doc.summary,
          slug: doc.slug,
          sourceUrl: doc.sourceUrl ?? "",
          file: doc.file,
        }}
        docTypes={DOCUMENT_TYPES}
        owners={null}
        today={toDateInput(todayInVietnam(now))}
        action={saveDocumentAction}
      />
      <RevisionList
        id={doc.id}
        version={doc.version}
        revisions={toRevisionItems(revisions, (s) => `${String(s.docType ?? "")} số ${String(s.number ?? "")} — ${String(s.title ?? "")}`)}
        canRestore
        action={restoreDocumentAction}
      />
    </div>
  );
}
