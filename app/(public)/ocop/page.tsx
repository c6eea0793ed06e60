import type { Metadata } from "next";
import { ProductCard } from "@/components/ocop/product-card";
import { Pagination } from "@/components/ui/pagination";
import { formatNumber, todayInVietnam } from "@/lib/format";
import { listPublicProducts } from "@/lib/ocop/queries";
import { MIN_CERTIFIED_STARS, OCOP_GROUP_LABELS, OCOP_GROUPS } from "@/lib/ocop/rules";
import { ZProductFilter } from "@/lib/ocop/schemas";
import { listProvinces } from "@/lib/units/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Sản phẩm OCOP",
  description: "Danh mục sản phẩm OCOP (Mỗi xã một sản phẩm) được công nhận từ 3 sao trở lên, theo tỉnh, hạng sao và nhóm sản phẩm.",
};

type Search = { tinh?: string; sao?: string; nhom?: string; q?: string; hethan?: string; trang?: string };

export default async function OcopDirectoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const filter = ZProductFilter.parse({ q: sp.q || undefined, group: sp.nhom || undefined, stars: sp.sao || undefined, page: sp.trang ?? 1 });
  const provinces = await listProvinces(todayInVietnam());
  const provinceId = provinces.find((p) => String(p.id) === sp.tinh)?.id;
  const includeExpired = sp.hethan === "1";
  const stars = filter.stars && filter.stars >= MIN_CERTIFIED_STARS ? filter.stars : undefined;
  const { items, total } = await listPublicProducts({ provinceId, stars, group: filter.group, q: filter.q, includeExpired, page: filter.page });
  const pageCount = Math.max(1, Math.ceil(total / 24));
  const hrefFor = (page: number) => {
    const q = new URLSearchParams(Object.entries({ ...sp, trang: String(page) }).filter((e): e is [string, string] => !!e[1]));
    return `/ocop?${q}`;
  };
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-brand-800">Sản phẩm OCOP</h1>
        <p className="text-sm text-gray-600">
          Sản phẩm của chương trình Mỗi xã một sản phẩm được công nhận từ 3 sao trở lên (QĐ 148/QĐ-TTg). Giấy chứng nhận có hiệu lực 36 tháng.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border bg-white p-3 text-sm" aria-label="Lọc sản phẩm OCOP">
        <label className="grid gap-0.5">
          Tỉnh, thành phố
          <select name="tinh" defaultValue={provinceId ?? ""} className="rounded border px-2 py-1">
            <option value="">Cả nước</option>
            {provinces.map((p) => (
              <option key={p.id} value={p.id}>{p.fullName}</option>
            ))}
          </select>
        </label>
        <label className="grid gap-0.5">
          Hạng sao
          <select name="sao" defaultValue={stars ?? ""} className="rounded border px-2 py-1">
            <option value="">Tất cả</option>
            {[5, 4, 3].map((s) => (
              <option key={s} value={s}>{s} sao</option>
            ))}
          </select>
        </label>
        <label className="grid gap-0.5">
          Nhóm sản phẩm
          <select name="nhom" defaultValue={filter.group ?? ""} className="rounded border px-2 py-1">
            <option value="">Tất cả</option>
            {OCOP_GROUPS.map((g) => (
              <option key={g} value={g}>{OCOP_GROUP_LABELS[g]}</option>
            ))}
          </select>
        </label>
        <label className="grid gap-0.5">
          Tên sản phẩm, chủ thể
          <input name="q" defaultValue={filter.q ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" name="hethan" value="1" defaultChecked={includeExpired} /> Gồm cả sản phẩm đã hết hạn công nhận
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Lọc</button>
      </form>
      <p className="text-sm text-gray-600" data-testid="ocop-count">{formatNumber(total)} sản phẩm</p>
      {items.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-600">Không có sản phẩm nào khớp bộ lọc.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </ul>
      )}
      <Pagination page={filter.page} pageCount={pageCount} hrefFor={hrefFor} />
    </div>
  );
}
