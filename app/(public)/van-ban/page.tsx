import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { listDocumentFacets, listDocumentsPage, type DocumentFilter } from "@/lib/documents/queries";
import { formatDate } from "@/lib/format";
import { pageCount, pageNumber, queryValue } from "@/lib/paging";
import { pageMetadata } from "@/lib/site/metadata";

const PAGE_SIZE = 20;

type Query = { loai?: string | string[]; co_quan?: string | string[]; nam?: string | string[]; trang?: string | string[] };
type Props = { searchParams: Promise<Query> };

function readFilter(sp: Query): DocumentFilter {
  const year = queryValue(sp.nam);
  return { docType: queryValue(sp.loai), issuer: queryValue(sp.co_quan), year: year && /^\d{4}$/.test(year) ? Number(year) : undefined };
}

function hrefFor(f: DocumentFilter, page: number): string {
  const params = new URLSearchParams({
    ...(f.docType ? { loai: f.docType } : {}),
    ...(f.issuer ? { co_quan: f.issuer } : {}),
    ...(f.year ? { nam: String(f.year) } : {}),
    ...(page > 1 ? { trang: String(page) } : {}),
  });
  return params.size ? `/van-ban?${params}` : "/van-ban";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const sp = await searchParams;
  const f = readFilter(sp);
  const page = pageNumber(sp.trang);
  const parts = [f.docType, f.issuer, f.year ? `năm ${f.year}` : null].filter(Boolean);
  return pageMetadata({
    title: `Văn bản${parts.length ? ` – ${parts.join(", ")}` : ""}${page > 1 ? ` – trang ${page}` : ""}`,
    description: "Thư viện văn bản chỉ đạo, điều hành, bộ tiêu chí và hướng dẫn thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
    path: hrefFor(f, page),
  });
}

export default async function DocumentsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filter = readFilter(sp);
  const page = pageNumber(sp.trang);
  const [facets, { items, total }] = await Promise.all([listDocumentFacets(), listDocumentsPage({ ...filter, page, pageSize: PAGE_SIZE })]);
  const pages = pageCount(total, PAGE_SIZE);
  if (page > pages) notFound();
  const filtered = Boolean(filter.docType || filter.issuer || filter.year);
  const select = "mt-1 block w-full rounded border border-gray-200 bg-white px-2 py-1.5";
  return (
    <div className="rounded border border-gray-200 bg-white p-4">
      <h1 className="mb-4 text-xl font-semibold text-brand-800">Văn bản</h1>
      <form method="get" action="/van-ban" className="mb-4 grid gap-3 text-sm sm:grid-cols-[1fr_1fr_8rem_auto] sm:items-end" aria-label="Lọc văn bản">
        <label>
          Loại văn bản
          <select name="loai" defaultValue={filter.docType ?? ""} className={select}>
            <option value="">Tất cả</option>
            {facets.docTypes.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Cơ quan ban hành
          <select name="co_quan" defaultValue={filter.issuer ?? ""} className={select}>
            <option value="">Tất cả</option>
            {facets.issuers.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Năm ban hành
          <select name="nam" defaultValue={filter.year ? String(filter.year) : ""} className={select}>
            <option value="">Tất cả</option>
            {facets.years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white">Lọc</button>
          {filtered && <Link href="/van-ban" className="rounded border px-3 py-1.5">Bỏ lọc</Link>}
        </div>
      </form>
      <p className="mb-2 text-sm text-gray-600" role="status">
        {total} văn bản{filtered ? " phù hợp" : ""}
      </p>
      {items.length === 0 ? (
        <p className="text-gray-500">Không có văn bản phù hợp.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Danh sách văn bản</caption>
            <thead>
              <tr className="bg-brand-50 text-left">
                <th scope="col" className="border px-2 py-1.5">Số hiệu</th>
                <th scope="col" className="border px-2 py-1.5 whitespace-nowrap">Ngày ban hành</th>
                <th scope="col" className="border px-2 py-1.5">Trích yếu</th>
                <th scope="col" className="border px-2 py-1.5">Cơ quan ban hành</th>
                <th scope="col" className="border px-2 py-1.5">Tải về</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} id={d.slug}>
                  <td className="border px-2 py-1.5 align-top whitespace-nowrap font-semibold">
                    <Link href={`/van-ban/${d.slug}`} className="hover:text-brand-700">{d.number}</Link>
                  </td>
                  <td className="border px-2 py-1.5 align-top whitespace-nowrap">{formatDate(d.issuedDate)}</td>
                  <td className="border px-2 py-1.5 align-top">
                    <Link href={`/van-ban/${d.slug}`} className="hover:text-brand-700">
                      {d.docType} {d.title}
                    </Link>
                    <p className="line-clamp-3 text-gray-600">{d.summary}</p>
                  </td>
                  <td className="min-w-36 border px-2 py-1.5 align-top">{d.issuer}</td>
                  <td className="border px-2 py-1.5 align-top whitespace-nowrap">
                    {d.fileId ? (
                      <a className="text-brand-700 underline" href={`/api/tep/${d.fileId}`} download>Tải tệp</a>
                    ) : d.sourceUrl ? (
                      <a className="text-brand-700 underline" href={d.sourceUrl} rel="noopener noreferrer" target="_blank">Toàn văn (nguồn ngoài)</a>
                    ) : (
                      <span className="text-gray-400">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pages} hrefFor={(p) => hrefFor(filter, p)} />
    </div>
  );
}
