import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { formatDate, formatNumber } from "@/lib/format";
import { pageCount, pageNumber, queryValue } from "@/lib/paging";
import { searchPublic, type SearchKind } from "@/lib/search/queries";
import { pageMetadata } from "@/lib/site/metadata";

const PAGE_SIZE = 10;

// URL values of the kind filter (Vietnamese, without diacritics) and their labels
const KINDS: { kind: SearchKind; param: string; label: string }[] = [
  { kind: "article", param: "tin-tuc", label: "Tin tức" },
  { kind: "notice", param: "thong-bao", label: "Thông báo" },
  { kind: "document", param: "van-ban", label: "Văn bản" },
];
const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.kind, k.label])) as Record<SearchKind, string>;

type Query = { q?: string | string[]; loai?: string | string[]; trang?: string | string[] };
type Props = { searchParams: Promise<Query> };

function hrefFor(q: string, param: string | undefined, page: number): string {
  const params = new URLSearchParams({ q, ...(param ? { loai: param } : {}), ...(page > 1 ? { trang: String(page) } : {}) });
  return `/tim-kiem?${params}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryValue((await searchParams).q);
  return pageMetadata({
    title: q ? `Tìm kiếm: ${q.slice(0, 80)}` : "Tìm kiếm",
    description: "Tìm tin tức, thông báo kết luận và văn bản về xây dựng nông thôn mới, gõ có dấu hay không dấu đều được.",
    path: "/tim-kiem",
    noIndex: true,
  });
}

// Searches are not cached (each query is a few index lookups): see lib/search/queries.ts.
export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams;
  const kindParam = queryValue(sp.loai);
  const kind = KINDS.find((k) => k.param === kindParam);
  const page = pageNumber(sp.trang);
  const result = await searchPublic({ q: sp.q, kind: kind?.kind, page, pageSize: PAGE_SIZE });
  const q = result.query.text;
  const all = result.counts.article + result.counts.notice + result.counts.document;
  return (
    <div className="rounded border border-gray-200 bg-white p-4">
      <h1 className="mb-4 text-xl font-semibold text-brand-800">Tìm kiếm</h1>
      <form action="/tim-kiem" method="get" role="search" className="mb-4 flex max-w-2xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">Từ khóa</label>
        <input id="search-page-q" type="search" name="q" defaultValue={q} maxLength={200} className="min-w-0 flex-1 rounded border px-3 py-2" placeholder="Ví dụ: nong thon moi, 318/QĐ-TTg, kế hoạch và đầu tư" />
        {kind && <input type="hidden" name="loai" value={kind.param} />}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white">Tìm</button>
      </form>
      {!q ? (
        <p className="text-gray-600">Nhập từ khóa để tìm tin tức, thông báo kết luận và văn bản. Có thể gõ không dấu: “nong thon moi” tìm được “nông thôn mới”.</p>
      ) : (
        <>
          <nav aria-label="Loại kết quả" className="mb-4 flex flex-wrap gap-2 text-sm">
            <Link href={hrefFor(q, undefined, 1)} aria-current={!kind ? "page" : undefined} className={`rounded border px-3 py-1 ${!kind ? "bg-brand-700 text-white" : ""}`}>
              Tất cả ({formatNumber(all)})
            </Link>
            {KINDS.map((k) => (
              <Link key={k.kind} href={hrefFor(q, k.param, 1)} aria-current={kind?.kind === k.kind ? "page" : undefined} className={`rounded border px-3 py-1 ${kind?.kind === k.kind ? "bg-brand-700 text-white" : ""}`}>
                {k.label} ({formatNumber(result.counts[k.kind])})
              </Link>
            ))}
          </nav>
          {result.results.length === 0 ? (
            <div role="status" className="rounded bg-gray-50 p-4">
              <p className="font-semibold">Không tìm thấy kết quả</p>
              <p className="mt-1 text-sm text-gray-600">
                Không có {kind ? KIND_LABEL[kind.kind].toLowerCase() : "tin tức, thông báo hay văn bản"} nào chứa đủ các từ “{q}”. Hãy thử ít từ hơn, hoặc từ khác.
              </p>
              {result.suggestion && (
                <p className="mt-2">
                  Có phải bạn muốn tìm: <Link href={hrefFor(result.suggestion, kind?.param, 1)} className="font-semibold text-brand-700 underline">{result.suggestion}</Link>?
                </p>
              )}
            </div>
          ) : (
            <>
              <p role="status" className="mb-3 text-sm text-gray-600">
                {formatNumber(result.total)} kết quả cho “{q}”
              </p>
              <ol className="divide-y divide-gray-100" data-testid="search-results">
                {result.results.map((r) => (
                  <li key={`${r.kind}-${r.id}`} className="py-3">
                    <p className="text-xs text-gray-500">
                      <span className="font-semibold text-brand-700">{KIND_LABEL[r.kind]}</span>
                      {r.labelHtml && (
                        <>
                          {" · "}
                          <span dangerouslySetInnerHTML={{ __html: r.labelHtml }} />
                        </>
                      )}
                      {" · "}
                      {formatDate(r.date)}
                    </p>
                    {/* titleHtml and snippetHtml are escaped by lib/search/rules.ts; the only markup is <mark> */}
                    <Link href={r.href} className="font-semibold text-gray-900 hover:text-brand-700" dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                    <p className="mt-1 text-sm text-gray-700" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                  </li>
                ))}
              </ol>
              <Pagination page={page} pageCount={pageCount(result.total, PAGE_SIZE)} hrefFor={(p) => hrefFor(q, kind?.param, p)} />
            </>
          )}
        </>
      )}
    </div>
  );
}
