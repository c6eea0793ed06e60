import type { TSite } from "@/lib/site/queries";

export function SiteFooter({ site }: { site: TSite }) {
  return (
    <footer className="mt-12 border-t-4 border-brand-700 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-gray-700">
        <p className="font-semibold uppercase text-brand-800">{site.name}</p>
        <p>Chịu trách nhiệm nội dung: {site.office}</p>
        {site.address && <p>Địa chỉ: {site.address}</p>}
        {(site.phone || site.email) && (
          <p>
            {site.phone && <>Điện thoại: {site.phone}</>}
            {site.phone && site.email && " · "}
            {site.email && <>Email: {site.email}</>}
          </p>
        )}
        {site.isDemo && (
          <p className="mt-2 text-xs text-amber-700">
            Bản trình diễn: số liệu đánh giá, sản phẩm OCOP và nguồn vốn là dữ liệu mẫu được sinh tự động.
          </p>
        )}
      </div>
    </footer>
  );
}
