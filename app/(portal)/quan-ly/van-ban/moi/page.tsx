import type { Metadata } from "next";
import { DocumentForm } from "@/components/editor/document-form";
import { EditorHeader } from "@/components/editor/editor-header";
import { requirePagePermission } from "@/lib/auth";
import { toDateInput } from "@/lib/content/schemas";
import { saveDocumentAction } from "@/lib/documents/actions";
import { DOCUMENT_TYPES } from "@/lib/documents/schemas";
import { todayInVietnam } from "@/lib/format";
import { listProvinces } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Thêm văn bản" };

export default async function NewDocumentPage() {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/van-ban/moi");
  const today = todayInVietnam();
  const provinces = viewer.unitId === null ? await listProvinces(today) : null;
  return (
    <div className="grid gap-4">
      <EditorHeader title="Thêm văn bản" back={{ href: "/quan-ly/van-ban", label: "Văn bản" }} />
      <DocumentForm document={null} docTypes={DOCUMENT_TYPES} owners={provinces?.map((p) => ({ value: p.id, label: p.fullName })) ?? null} today={toDateInput(today)} action={saveDocumentAction} />
    </div>
  );
}
