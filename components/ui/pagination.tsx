import Link from "next/link";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Phân trang" className="mt-6 flex items-center gap-3 text-sm">
      {page > 1 ? <Link className="rounded border px-3 py-1 hover:bg-gray-50" href={hrefFor(page - 1)}>← Trang trước</Link> : null}
      <span>
        Trang {page}/{pageCount}
      </span>
      {page < pageCount ? <Link className="rounded border px-3 py-1 hover:bg-gray-50" href={hrefFor(page + 1)}>Trang sau →</Link> : null}
    </nav>
  );
}
