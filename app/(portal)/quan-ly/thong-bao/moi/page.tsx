import type { Metadata } from "next";
import { EditorHeader } from "@/components/editor/editor-header";
import { NoticeForm } from "@/components/editor/notice-form";
import { requirePagePermission } from "@/lib/auth";
import { toDateInput } from "@/lib/content/schemas";
import { todayInVietnam } from "@/lib/format";
import { saveNoticeAction } from "@/lib/notices/actions";
import { listProvinces } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Thêm thông báo kết luận" };

export default async function NewNoticePage() {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/thong-bao/moi");
  const today = todayInVietnam();
  const provinces = viewer.unitId === null ? await listProvinces(today) : null;
  return (
    <div className="grid gap-4">
      <EditorHeader title="Thêm thông báo kết luận" back={{ href: "/quan-ly/thong-bao", label: "Thông báo kết luận" }}>
        <p className="text-sm text-gray-600">Lưu thông báo trước, sau đó thêm từng nhiệm vụ được giao.</p>
      </EditorHeader>
      <NoticeForm notice={null} owners={provinces?.map((p) => ({ value: p.id, label: p.fullName })) ?? null} today={toDateInput(today)} action={saveNoticeAction} />
    </div>
  );
}
