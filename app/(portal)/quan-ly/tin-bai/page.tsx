import type { Metadata } from "next";
import Link from "next/link";
import { ContentTable, parseStatusFilter, StatusFilter } from "@/components/editor/content-table";
import { EditorHeader, primaryLinkButton } from "@/components/editor/editor-header";
import { requirePagePermission } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { listArticlesForEditor } from "@/lib/news/staff-queries";

export const metadata: Metadata = { title: "Tin bài" };

export default async function EditorArticlesPage({ searchParams }: { searchParams: Promise<{ "trang-thai"?: string }> }) {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/tin-bai");
  const status = parseStatusFilter((await searchParams)["trang-thai"]);
  const articles = await listArticlesForEditor(viewer, { status });
  return (
    <div className="grid gap-4">
      <EditorHeader title="Tin bài" actions={<Link href="/quan-ly/tin-bai/moi" className={primaryLinkButton}>Viết bài mới</Link>}>
        <p className="text-sm text-gray-600">Bài viết của {viewer.unitName ?? "toàn quốc"}: soạn, xem trước, hẹn giờ, đăng và gỡ bài.</p>
      </EditorHeader>
      <StatusFilter value={status} />
      <ContentTable
        caption="Danh sách bài viết"
        dateLabel="Ngày đăng"
        empty="Chưa có bài viết nào."
        rows={articles.map((a) => ({
          id: a.id,
          href: `/quan-ly/tin-bai/${a.id}`,
          title: a.title,
          detail: [a.category?.name, a.unit?.fullName ?? "Toàn quốc"].filter(Boolean).join(" · "),
          state: a,
          dateText: formatDateTime(a.publishedAt),
          updatedText: formatDateTime(a.updatedAt),
        }))}
      />
    </div>
  );
}
