import Link from "next/link";
import type { TSite } from "@/lib/site/queries";
import { VisitCounter } from "./visit-counter";

export function SiteFooter({ site }: { site: TSite }) {
  return (
    <footer className="mt-12 border-t-4 border-brand-700 bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 text-sm text-gray-700 md:grid-cols-[1fr_auto]">
        <div data-testid="site-office">
          <p className="font-semibold uppercase text-brand-800">{site.name}</p>
          <p>Chịu trách nhiệm nội dung: {site.office}</p>
          {site.address && <p>Địa chỉ: {site.address}</p>}
          {(site.phone || site.email) && (
            <p>
              {site.phone && (
                <>
                  Điện thoại: <a href={`tel:${site.phone.replace(/[^0-9+]/g, "")}`}>{site.phone}</a>
                </>
              )}
              {site.phone && site.email && " · "}
              {site.email && (
                <>
                  Email: <a href={`mailto:${site.email}`}>{site.email}</a>
                </>
              )}
            </p>
          )}
          <p className="mt-2 flex flex-wrap gap-x-3 text-brand-700">
            <Link href="/gioi-thieu" className="hover:underline">Giới thiệu</Link>
            <a href="/rss.xml" className="hover:underline">RSS</a>
            <a href="/sitemap.xml" className="hover:underline">Sơ đồ cổng</a>
          </p>
          {site.isDemo && (
            <p className="mt-2 text-xs text-amber-700">
              Bản trình diễn: số liệu đánh giá, sản phẩm OCOP và nguồn vốn là dữ liệu mẫu được sinh tự động.
            </p>
          )}
        </div>
        <VisitCounter />
      </div>
    </footer>
  );
}
