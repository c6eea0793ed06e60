import type { Metadata } from "next";
import Link from "next/link";
import { ContentTable, parseStatusFilter, StatusFilter } from "@/components/editor/content-table";
import { EditorHeader, primaryLinkButton } from "@/components/editor/editor-header";
import { requirePagePermission } from "@/lib/auth";
import { listDocumentsForEditor } from "@/lib/documents/staff-queries";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Văn bản" };

export default async function EditorDocumentsPage({ searchParams }: { searchParams: Promise<{ "trang-thai"?: string }> }) {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/van-ban");
  const status = parseStatusFilter((await searchParams)["trang-thai"]);
  const documents = await listDocumentsForEditor(viewer, { status });
  return (
    <div className="grid gap-4">
      <EditorHeader title="Văn bản" actions={<Link href="/quan-ly/van-ban/moi" className={primaryLinkButton}>Thêm văn bản</Link>}>
        <p className="text-sm text-gray-600">Thư viện văn bản chỉ đạo, điều hành về xây dựng nông thôn mới.</p>
      </EditorHeader>
      <StatusFilter value={status} />
      <ContentTable
        caption="Danh sách văn bản"
        dateLabel="Ngày ban hành"
        empty={viewer.unitId === null ? "Chưa có văn bản nào." : "Chưa có văn bản nào của đơn vị (văn bản cấp quốc gia do tài khoản trung ương quản lý)."}
        rows={documents.map((d) => ({
          id: d.id,
          href: `/quan-ly/van-ban/${d.id}`,
          title: `${d.docType} số ${d.number}`,
          detail: `${d.title} · ${d.issuer}`,
          state: d,
          dateText: formatDate(d.issuedDate),
          updatedText: formatDateTime(d.updatedAt),
        }))}
      />
    </div>
  );
}
