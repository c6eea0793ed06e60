import type { Metadata } from "next";
import Link from "next/link";
import { ContentTable, parseStatusFilter, StatusFilter } from "@/components/editor/content-table";
import { EditorHeader, primaryLinkButton } from "@/components/editor/editor-header";
import { requirePagePermission } from "@/lib/auth";
import { formatDate, formatDateTime } from "@/lib/format";
import { listNoticesForEditor } from "@/lib/notices/staff-queries";

export const metadata: Metadata = { title: "Thông báo kết luận" };

export default async function EditorNoticesPage({ searchParams }: { searchParams: Promise<{ "trang-thai"?: string }> }) {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/thong-bao");
  const status = parseStatusFilter((await searchParams)["trang-thai"]);
  const notices = await listNoticesForEditor(viewer, { status });
  return (
    <div className="grid gap-4">
      <EditorHeader title="Thông báo kết luận" actions={<Link href="/quan-ly/thong-bao/moi" className={primaryLinkButton}>Thêm thông báo</Link>}>
        <p className="text-sm text-gray-600">Thông báo kết luận và các nhiệm vụ được giao, theo dõi đến khi hoàn thành.</p>
      </EditorHeader>
      <StatusFilter value={status} />
      <ContentTable
        caption="Danh sách thông báo kết luận"
        dateLabel="Ngày ban hành"
        empty="Chưa có thông báo nào."
        rows={notices.map((n) => ({
          id: n.id,
          href: `/quan-ly/thong-bao/${n.id}`,
          title: `${n.number} — ${n.title}`,
          detail: `${n._count.tasks} nhiệm vụ · ${n.unit?.fullName ?? "Toàn quốc"}`,
          state: n,
          dateText: formatDate(n.issuedDate),
          updatedText: formatDateTime(n.updatedAt),
        }))}
      />
    </div>
  );
}
