import Link from "next/link";
import { formatDate, formatNumber } from "@/lib/format";

export interface NoticeListItem {
  id: number;
  slug: string;
  number: string;
  title: string;
  issuedDate: Date;
  issuingBody: string;
  _count?: { tasks: number };
}

export function NoticeList({ notices }: { notices: NoticeListItem[] }) {
  if (notices.length === 0) return <p className="text-gray-500">Chưa có thông báo.</p>;
  return (
    <ul className="divide-y divide-gray-100">
      {notices.map((n) => (
        <li key={n.id} className="py-3 first:pt-0 last:pb-0">
          <p className="text-xs font-semibold text-accent">
            Số {n.number} · {formatDate(n.issuedDate)}
          </p>
          <Link href={`/thong-bao/${n.slug}`} className="line-clamp-3 text-sm font-semibold text-gray-900 hover:text-brand-700">
            {n.title}
          </Link>
          <p className="text-xs text-gray-500">
            {n.issuingBody}
            {n._count?.tasks ? ` · ${formatNumber(n._count.tasks)} nhiệm vụ được giao` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
