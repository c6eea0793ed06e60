import type { Metadata } from "next";
import Link from "next/link";
import { ProductTable } from "@/components/ocop/product-table";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth";
import { hasPermission } from "@/lib/authz";
import { formatNumber } from "@/lib/format";
import { listProductsForViewer, ocopSummaryForViewer, PAGE_SIZE } from "@/lib/ocop/queries";
import { CERTIFICATE_STATE_LABELS, EXPIRING_SOON_DAYS, OCOP_GROUP_LABELS, OCOP_GROUPS, type CertificateState } from "@/lib/ocop/rules";
import { ZProductFilter } from "@/lib/ocop/schemas";

export const metadata: Metadata = { title: "Sản phẩm OCOP" };

type Search = { q?: string; nhom?: string; sao?: string; gcn?: string; trang?: string };

export default async function OcopRegistryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/ocop");
  const sp = await searchParams;
  const filter = ZProductFilter.parse({ q: sp.q || undefined, group: sp.nhom || undefined, stars: sp.sao || undefined, state: sp.gcn || undefined, page: sp.trang ?? 1 });
  const [summary, list] = await Promise.all([ocopSummaryForViewer(viewer), listProductsForViewer(viewer, filter)]);
  const pageCount = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const hrefFor = (page: number) => {
    const q = new URLSearchParams(Object.entries({ ...sp, trang: String(page) }).filter((e): e is [string, string] => !!e[1]));
    return `/quan-ly/ocop?${q}`;
  };
  const figures = [
    { key: "products", value: formatNumber(summary.products), label: "sản phẩm trong danh mục" },
    { key: "certified", value: formatNumber(summary.byStars.reduce((s, b) => s + b.products, 0)), label: "sản phẩm OCOP còn hiệu lực (3 sao trở lên)" },
    ...summary.byStars.map((b) => ({ key: `stars-${b.stars}`, value: formatNumber(b.products), label: `sản phẩm ${b.stars} sao` })),
    { key: "expiring", value: formatNumber(summary.expiringSoon), label: `giấy chứng nhận sắp hết hạn (${EXPIRING_SOON_DAYS} ngày)` },
    { key: "expired", value: formatNumber(summary.expired), label: "sản phẩm đã hết hạn công nhận" },
  ];
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Sản phẩm OCOP</h1>
          <p className="text-sm text-gray-600">{viewer.unitName ?? "Toàn quốc"} · chương trình Mỗi xã một sản phẩm (QĐ 148/QĐ-TTg)</p>
        </div>
        {hasPermission(viewer.role, "ocop.edit") && (
          <Link href="/quan-ly/ocop/moi" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
            Đăng ký sản phẩm
          </Link>
        )}
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        {figures.map((f) => (
          <div key={f.key} className="rounded bg-brand-50 p-3">
            <dt className="sr-only">{f.label}</dt>
            <dd>
              <span className="block text-2xl font-semibold text-brand-800" data-testid={`ocop-${f.key}`}>{f.value}</span>
              <span className="text-sm text-gray-700">{f.label}</span>
            </dd>
          </div>
        ))}
      </dl>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border bg-white p-3 text-sm" aria-label="Lọc sản phẩm">
        <label className="grid gap-0.5">
          Tên sản phẩm, chủ thể
          <input name="q" defaultValue={filter.q ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="grid gap-0.5">
          Nhóm
          <select name="nhom" defaultValue={filter.group ?? ""} className="rounded border px-2 py-1">
            <option value="">Tất cả</option>
            {OCOP_GROUPS.map((g) => (
              <option key={g} value={g}>{OCOP_GROUP_LABELS[g]}</option>
            ))}
          </select>
        </label>
        <label className="grid gap-0.5">
          Hạng sao
          <select name="sao" defaultValue={filter.stars ?? ""} className="rounded border px-2 py-1">
            <option value="">Tất cả</option>
            {[5, 4, 3, 2, 1].map((s) => (
              <option key={s} value={s}>{s} sao</option>
            ))}
          </select>
        </label>
        <label className="grid gap-0.5">
          Giấy chứng nhận
          <select name="gcn" defaultValue={filter.state ?? ""} className="rounded border px-2 py-1">
            <option value="">Tất cả</option>
            {(Object.keys(CERTIFICATE_STATE_LABELS) as CertificateState[]).map((s) => (
              <option key={s} value={s}>{CERTIFICATE_STATE_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Lọc</button>
      </form>

      <section className="rounded border bg-white" aria-label="Danh mục sản phẩm">
        <p className="border-b px-4 py-2 text-sm text-gray-600">{formatNumber(list.total)} sản phẩm</p>
        <ProductTable items={list.items} />
      </section>
      <Pagination page={filter.page} pageCount={pageCount} hrefFor={hrefFor} />
    </div>
  );
}
