import type { Metadata } from "next";
import Link from "next/link";
import { ArticleList } from "@/components/news/article-list";
import { Pagination } from "@/components/ui/pagination";
import { listArticlesPage, listCategories } from "@/lib/news/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tin tức", description: "Tin tức về xây dựng nông thôn mới." };

const PAGE_SIZE = 10;

export default async function NewsPage({ searchParams }: { searchParams: Promise<{ trang?: string; chuyen_muc?: string }> }) {
  const sp = await searchParams;
  const page = Math.max(1, Number.parseInt(sp.trang ?? "1", 10) || 1);
  const [{ items, total }, categories] = await Promise.all([
    listArticlesPage({ page, pageSize: PAGE_SIZE, categorySlug: sp.chuyen_muc }),
    listCategories(),
  ]);
  const href = (p: number) => `/tin-tuc?${new URLSearchParams({ ...(sp.chuyen_muc ? { chuyen_muc: sp.chuyen_muc } : {}), trang: String(p) })}`;
  return (
    <div className="grid gap-6 md:grid-cols-4">
      <nav aria-label="Chuyên mục tin" className="md:col-span-1">
        <ul className="rounded border bg-white text-sm">
          <li><Link href="/tin-tuc" className={`block px-3 py-2 ${!sp.chuyen_muc ? "font-semibold text-brand-700" : ""}`}>Tất cả</Link></li>
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/tin-tuc?chuyen_muc=${c.slug}`} className={`block px-3 py-2 ${sp.chuyen_muc === c.slug ? "font-semibold text-brand-700" : ""}`}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="rounded border bg-white p-4 md:col-span-3">
        <h1 className="mb-4 text-xl font-semibold text-brand-800">Tin tức</h1>
        <ArticleList articles={items} />
        <Pagination page={page} pageCount={Math.ceil(total / PAGE_SIZE)} hrefFor={href} />
      </div>
    </div>
  );
}
