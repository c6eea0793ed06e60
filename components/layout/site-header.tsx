import Link from "next/link";

const NAV = [
  { href: "/", label: "Trang chủ" },
  { href: "/tin-tuc", label: "Tin tức" },
  { href: "/thong-bao", label: "Thông báo kết luận" },
  { href: "/van-ban", label: "Văn bản" },
  { href: "/so-lieu", label: "Số liệu" },
  { href: "/ocop", label: "Sản phẩm OCOP" },
  { href: "/gioi-thieu", label: "Giới thiệu" },
];

/** The public header: the same for every visitor (it never shows who is signed in), so pages can be cached. */
export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="no-underline">
          <p className="text-xs uppercase tracking-wider text-brand-100">Chương trình MTQG xây dựng nông thôn mới</p>
          <p className="text-xl font-semibold uppercase sm:text-2xl">{siteName}</p>
        </Link>
        <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
          <form action="/tim-kiem" method="get" role="search" className="flex flex-1 sm:flex-none">
            <label htmlFor="site-search" className="sr-only">
              Tìm kiếm trên cổng thông tin
            </label>
            <input
              id="site-search"
              type="search"
              name="q"
              required
              maxLength={200}
              placeholder="Tìm tin, thông báo, văn bản…"
              className="w-full min-w-0 rounded-l border-0 bg-white px-3 py-1.5 text-sm text-gray-900 placeholder:text-gray-500 sm:w-64"
            />
            <button type="submit" className="rounded-r bg-brand-800 px-3 py-1.5 text-sm hover:bg-brand-600">
              Tìm
            </button>
          </form>
          <Link href="/dang-nhap" className="rounded border border-white/40 px-3 py-1.5 text-sm hover:bg-white/10">
            Đăng nhập cán bộ
          </Link>
        </div>
      </div>
      <nav aria-label="Chuyên mục" className="bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2 text-sm">
          {NAV.map((n) => (
            <li key={n.href}>
              <Link href={n.href} className="block px-3 py-2 hover:bg-white/10">
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
