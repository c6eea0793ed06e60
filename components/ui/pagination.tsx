import Link from "next/link";

/** The page numbers shown around the current one: 1 … 4 5 [6] 7 8 … 20. */
function pagesAround(page: number, pageCount: number): (number | "gap")[] {
  const shown = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of sorted) {
    const prev = out.at(-1);
    if (typeof prev === "number" && p - prev > 1) out.push("gap");
    out.push(p);
  }
  return out;
}

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Phân trang" className="mt-6 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? <Link className="rounded border px-3 py-1 hover:bg-gray-50" href={hrefFor(page - 1)} rel="prev">← Trang trước</Link> : null}
      <span className="sr-only">
        Trang {page}/{pageCount}
      </span>
      <ul className="flex flex-wrap items-center gap-1">
        {pagesAround(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-gray-400">…</li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className="block rounded bg-brand-700 px-3 py-1 text-white">{p}</span>
              ) : (
                <Link className="block rounded border px-3 py-1 hover:bg-gray-50" href={hrefFor(p)} aria-label={`Trang ${p}`}>{p}</Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? <Link className="rounded border px-3 py-1 hover:bg-gray-50" href={hrefFor(page + 1)} rel="next">Trang sau →</Link> : null}
    </nav>
  );
}
