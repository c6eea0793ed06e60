import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArticleForm } from "@/components/editor/article-form";
import { ContentStatusBadge } from "@/components/editor/content-status-badge";
import { EditorHeader, linkButton } from "@/components/editor/editor-header";
import { PublishPanel } from "@/components/editor/publish-panel";
import { toRevisionItems } from "@/components/editor/revision-items";
import { RevisionList } from "@/components/editor/revision-list";
import { requirePagePermission } from "@/lib/auth";
import { isPublic } from "@/lib/content/publishing";
import { listRevisions } from "@/lib/content/revisions";
import { toVietnamDateTimeInput } from "@/lib/content/schemas";
import { canEditContentOf } from "@/lib/content/scope";
import { formatDateTime } from "@/lib/format";
import { publishArticleAction, restoreArticleAction, saveArticleAction } from "@/lib/news/actions";
import { getArticleForEditor, listCategoriesForEditor } from "@/lib/news/staff-queries";

export const metadata: Metadata = { title: "Sửa bài viết" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ "da-tao"?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const id = Number((await params).id);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/tin-bai/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const article = await getArticleForEditor(id);
  if (!article) notFound();
  if (!canEditContentOf(viewer, article.unit)) forbidden();
  const [categories, revisions] = await Promise.all([listCategoriesForEditor(), listRevisions("article", article.id)]);
  const created = (await searchParams)["da-tao"] === "1";
  const now = new Date();
  return (
    <div className="grid gap-4">
      <EditorHeader
        title="Sửa bài viết"
        back={{ href: "/quan-ly/tin-bai", label: "Tin bài" }}
        actions={<Link href={`/quan-ly/tin-bai/${article.id}/xem-truoc`} className={linkButton}>Xem trước</Link>}
      >
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-600">
          <ContentStatusBadge state={article} now={now} /> {article.unit?.fullName ?? "Toàn quốc"} · phiên bản {article.version}
        </p>
      </EditorHeader>
      {created && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          Đã lưu bản nháp. Bạn có thể xem trước, đăng ngay hoặc hẹn giờ đăng.
        </p>
      )}
      <PublishPanel
        id={article.id}
        version={article.version}
        status={article.status}
        isPublic={isPublic(article, now)}
        publishedAtText={article.publishedAt ? formatDateTime(article.publishedAt) : null}
        scheduleDefault={toVietnamDateTimeInput(article.status === "SCHEDULED" && article.publishedAt ? article.publishedAt : new Date(now.getTime() + 3600_000))}
        publicUrl={`/tin-tuc/${article.slug}`}
        canPublish={canEditContentOf(viewer, article.unit, "content.publish")}
        action={publishArticleAction}
      />
      <ArticleForm
        article={{
          id: article.id,
          version: article.version,
          title: article.title,
          slug: article.slug,
          summary: article.summary,
          bodyHtml: article.bodyHtml,
          author: article.author ?? "",
          source: article.source ?? "",
          sourceUrl: article.sourceUrl ?? "",
          categoryId: article.categoryId,
          cover: article.cover,
        }}
        categories={categories.map((c) => ({ value: c.id, label: c.name }))}
        owners={null}
        action={saveArticleAction}
      />
      <RevisionList id={article.id} version={article.version} revisions={toRevisionItems(revisions)} canRestore action={restoreArticleAction} />
    </div>
  );
}
