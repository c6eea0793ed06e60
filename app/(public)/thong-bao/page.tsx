import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoticeList } from "@/components/notices/notice-list";
import { Pagination } from "@/components/ui/pagination";
import { listNoticesPage } from "@/lib/notices/queries";
import { pageCount, pageNumber } from "@/lib/paging";
import { pageMetadata } from "@/lib/site/metadata";

const PAGE_SIZE = 10;

type Props = { searchParams: Promise<{ trang?: string | string[] }> };

const hrefFor = (page: number) => (page > 1 ? `/thong-bao?trang=${page}` : "/thong-bao");

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = pageNumber((await searchParams).trang);
  return pageMetadata({
    title: `Thông báo kết luận${page > 1 ? ` – trang ${page}` : ""}`,
    description: "Thông báo kết luận của lãnh đạo về chương trình xây dựng nông thôn mới, các nhiệm vụ được giao và tình hình thực hiện.",
    path: hrefFor(page),
  });
}

export default async function NoticesPage({ searchParams }: Props) {
  const page = pageNumber((await searchParams).trang);
  const { items, total } = await listNoticesPage({ page, pageSize: PAGE_SIZE });
  const pages = pageCount(total, PAGE_SIZE);
  if (page > pages) notFound();
  return (
    <div className="rounded border border-gray-200 bg-white p-4">
      <h1 className="mb-1 text-xl font-semibold text-brand-800">Thông báo kết luận</h1>
      <p className="mb-4 text-sm text-gray-600">Mỗi thông báo kèm các nhiệm vụ được giao, đơn vị chủ trì, thời hạn và tình hình thực hiện.</p>
      <NoticeList notices={items} />
      <Pagination page={page} pageCount={pages} hrefFor={hrefFor} />
    </div>
  );
}
