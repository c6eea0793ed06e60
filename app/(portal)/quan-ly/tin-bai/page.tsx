import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth";
import { formatDate, formatNumber } from "@/lib/format";
import { listArticlesForEditor } from "@/lib/news/staff-queries";

export const metadata: Metadata = { title: "Tin bài" };

const STATUS: Record<string, string> = { DRAFT: "Nháp", SCHEDULED: "Hẹn giờ", PUBLISHED: "Đã đăng", UNPUBLISHED: "Đã gỡ" };

export default async function EditorArticlesPage() {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/tin-bai");
  const articles = await listArticlesForEditor(viewer);
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Tin bài</h1>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-sm">
          <thead>
            <tr className="bg-brand-50 text-left">
              <th scope="col" className="px-3 py-2">Tiêu đề</th>
              <th scope="col" className="px-3 py-2">Trạng thái</th>
              <th scope="col" className="px-3 py-2">Ngày đăng</th>
              <th scope="col" className="px-3 py-2 text-right">Lượt xem</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} className="border-t">
                <td className="px-3 py-1.5">
                  <Link href={`/tin-tuc/${a.slug}`} className="text-brand-700 hover:underline">{a.title}</Link>
                </td>
                <td className="px-3 py-1.5">{STATUS[a.status]}</td>
                <td className="px-3 py-1.5">{formatDate(a.publishedAt)}</td>
                <td className="px-3 py-1.5 text-right">{formatNumber(a.viewCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
