import Link from "next/link";

/** A titled block, as portal home pages group "Tin mới", "Thông báo mới", "Văn bản mới". */
export function Section({ title, moreHref, children, className = "" }: { title: string; moreHref?: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded border border-gray-200 bg-white ${className}`} aria-label={title}>
      <div className="flex items-center justify-between border-b-2 border-brand-600 px-4 py-2">
        <h2 className="text-base font-semibold uppercase text-brand-800">{title}</h2>
        {moreHref && (
          <Link href={moreHref} className="text-sm text-brand-700 hover:underline">
            Xem tất cả
          </Link>
        )}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}
