import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/news/article-list";
import { Pagination } from "@/components/ui/pagination";
import { listArticlesPage, listCategories } from "@/lib/news/queries";
import { pageCount, pageNumber, queryValue } from "@/lib/paging";
import { pageMetadata } from "@/lib/site/metadata";

const PAGE_SIZE = 10;

type Props = { searchParams: Promise<{ trang?: string | string[]; chuyen_muc?: string | string[] }> };

function hrefFor(categorySlug: string | undefined, page: number): string {
  const params = new URLSearchParams({ ...(categorySlug ? { chuyen_muc: categorySlug } : {}), ...(page > 1 ? { trang: String(page) } : {}) });
  return params.size ? `/tin-tuc?${params}` : "/tin-tuc";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const sp = await searchParams;
  const slug = queryValue(sp.chuyen_muc);
  const page = pageNumber(sp.trang);
  const category = slug ? (await listCategories()).find((c) => c.slug === slug) : undefined;
  const title = `${category ? category.name : "Tin tức"}${page > 1 ? ` – trang ${page}` : ""}`;
  return pageMetadata({
    title,
    description: category ? `Tin bài chuyên mục ${category.name} về xây dựng nông thôn mới.` : "Tin tức, sự kiện và kinh nghiệm xây dựng nông thôn mới ở các địa phương.",
    path: hrefFor(category?.slug, page),
  });
}

export default async function NewsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const slug = queryValue(sp.chuyen_muc);
  const page = pageNumber(sp.trang);
  const categories = await listCategories();
  const category = slug ? categories.find((c) => c.slug === slug) : undefined;
  if (slug && !category) notFound();
  const { items, total } = await listArticlesPage({ page, pageSize: PAGE_SIZE, categorySlug: category?.slug });
  const pages = pageCount(total, PAGE_SIZE);
  if (page > pages) notFound();
  return (
    <div className="grid gap-6 md:grid-cols-4">
      <nav aria-label="Chuyên mục tin" className="md:col-span-1">
        <ul className="rounded border border-gray-200 bg-white text-sm">
          <li>
            <Link href="/tin-tuc" aria-current={!category ? "page" : undefined} className={`block px-3 py-2 ${!category ? "font-semibold text-brand-700" : ""}`}>
              Tất cả
            </Link>
          </li>
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={hrefFor(c.slug, 1)} aria-current={category?.slug === c.slug ? "page" : undefined} className={`block px-3 py-2 ${category?.slug === c.slug ? "font-semibold text-brand-700" : ""}`}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="rounded border border-gray-200 bg-white p-4 md:col-span-3">
        <h1 className="mb-4 text-xl font-semibold text-brand-800">{category ? category.name : "Tin tức"}</h1>
        <ArticleList articles={items} withCategory={!category} />
        <Pagination page={page} pageCount={pages} hrefFor={(p) => hrefFor(category?.slug, p)} />
      </div>
    </div>
  );
}
