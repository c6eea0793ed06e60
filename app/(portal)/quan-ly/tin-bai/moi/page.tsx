import type { Metadata } from "next";
import { ArticleForm } from "@/components/editor/article-form";
import { EditorHeader } from "@/components/editor/editor-header";
import { requirePagePermission } from "@/lib/auth";
import { todayInVietnam } from "@/lib/format";
import { saveArticleAction } from "@/lib/news/actions";
import { listCategoriesForEditor } from "@/lib/news/staff-queries";
import { listProvinces } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Viết bài mới" };

export default async function NewArticlePage() {
  const viewer = await requirePagePermission("content.edit", "/quan-ly/tin-bai/moi");
  const [categories, provinces] = await Promise.all([listCategoriesForEditor(), viewer.unitId === null ? listProvinces(todayInVietnam()) : null]);
  return (
    <div className="grid gap-4">
      <EditorHeader title="Viết bài mới" back={{ href: "/quan-ly/tin-bai", label: "Tin bài" }}>
        <p className="text-sm text-gray-600">Bài được lưu thành bản nháp; đăng hoặc hẹn giờ đăng ở bước sau.</p>
      </EditorHeader>
      <ArticleForm
        article={null}
        categories={categories.map((c) => ({ value: c.id, label: c.name }))}
        owners={provinces?.map((p) => ({ value: p.id, label: p.fullName })) ?? null}
        action={saveArticleAction}
      />
    </div>
  );
}
