import type { Metadata } from "next";
import { connection } from "next/server";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { ArticleList } from "@/components/news/article-list";
import { NoticeList } from "@/components/notices/notice-list";
import { DocumentList } from "@/components/documents/document-list";
import { Section } from "@/components/ui/section";
import { listLatestDocuments } from "@/lib/documents/queries";
import { listLatestArticles } from "@/lib/news/queries";
import { listLatestNotices } from "@/lib/notices/queries";
import { getHomeFigures } from "@/lib/site/home-queries";
import { pageMetadata, SITE_NAME } from "@/lib/site/metadata";

export const metadata: Metadata = {
  ...pageMetadata({
    title: SITE_NAME,
    description:
      "Tin tức, thông báo kết luận và nhiệm vụ được giao, văn bản chỉ đạo và số liệu thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
    path: "/",
  }),
  title: { absolute: SITE_NAME },
};

export default async function HomePage() {
  // Rendered per request from cached reads only (no database work on a hit): a page without
  // parameters would otherwise be prerendered by `next build`, which has no database.
  await connection();
  const [articles, notices, documents, figures] = await Promise.all([listLatestArticles(6), listLatestNotices(5), listLatestDocuments(5), getHomeFigures()]);
  return (
    <div className="grid gap-6">
      <h1 className="sr-only">{SITE_NAME}</h1>
      {figures && (
        <Section title="Số liệu chính" moreHref="/so-lieu">
          <KeyFigures figures={figures} scopeLabel="Các xã có số liệu trên cổng" />
        </Section>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Section title="Tin mới" moreHref="/tin-tuc" className="lg:col-span-2">
          <ArticleList articles={articles} />
        </Section>
        <div className="grid content-start gap-6">
          <Section title="Thông báo mới" moreHref="/thong-bao">
            <NoticeList notices={notices} />
          </Section>
          <Section title="Văn bản mới" moreHref="/van-ban">
            <DocumentList documents={documents} />
          </Section>
        </div>
      </div>
    </div>
  );
}
