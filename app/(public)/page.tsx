import Link from "next/link";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { ArticleList } from "@/components/news/article-list";
import { NoticeList } from "@/components/notices/notice-list";
import { Section } from "@/components/ui/section";
import { figuresFor, latestPublicYear } from "@/lib/dashboard/queries";
import { listLatestDocuments } from "@/lib/documents/queries";
import { formatDate } from "@/lib/format";
import { listLatestArticles } from "@/lib/news/queries";
import { listLatestNotices } from "@/lib/notices/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [articles, notices, documents, year] = await Promise.all([
    listLatestArticles(6),
    listLatestNotices(5),
    listLatestDocuments(5),
    latestPublicYear(),
  ]);
  const figures = year ? await figuresFor({ year, publicOnly: true }) : null;
  return (
    <div className="grid gap-6">
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
            <ul className="divide-y divide-gray-100 text-sm">
              {documents.map((d) => (
                <li key={d.id} className="py-2">
                  <Link href={`/van-ban#${d.slug}`} className="font-semibold hover:text-brand-700">
                    {d.docType} số {d.number}
                  </Link>
                  <span className="text-gray-500"> · {formatDate(d.issuedDate)}</span>
                  <p className="line-clamp-2 text-gray-700">{d.title}</p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      </div>
    </div>
  );
}
