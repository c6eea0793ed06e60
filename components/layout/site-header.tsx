import Link from "next/link";

const NAV = [
  { href: "/", label: "Trang chủ" },
  { href: "/tin-tuc", label: "Tin tức" },
  { href: "/thong-bao", label: "Thông báo kết luận" },
  { href: "/van-ban", label: "Văn bản" },
  { href: "/so-lieu", label: "Số liệu" },
];

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="no-underline">
          <p className="text-xs uppercase tracking-wider text-brand-100">Chương trình MTQG xây dựng nông thôn mới</p>
          <p className="text-xl font-semibold uppercase sm:text-2xl">{siteName}</p>
        </Link>
        <Link href="/dang-nhap" className="rounded border border-white/40 px-3 py-1.5 text-sm hover:bg-white/10">
          Đăng nhập cán bộ
        </Link>
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
