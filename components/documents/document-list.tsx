import Link from "next/link";
import { formatDate } from "@/lib/format";

export interface DocumentListItem {
  id: number;
  slug: string;
  number: string;
  docType: string;
  title: string;
  issuedDate: Date;
}

/** A short list of documents (văn bản), as the portals' "Văn bản mới" block shows them. */
export function DocumentList({ documents }: { documents: DocumentListItem[] }) {
  if (documents.length === 0) return <p className="text-gray-500">Chưa có văn bản.</p>;
  return (
    <ul className="divide-y divide-gray-100 text-sm">
      {documents.map((d) => (
        <li key={d.id} className="py-2 first:pt-0 last:pb-0">
          <Link href={`/van-ban/${d.slug}`} className="font-semibold hover:text-brand-700">
            {d.docType} số {d.number}
          </Link>
          <span className="text-gray-500"> · {formatDate(d.issuedDate)}</span>
          <p className="line-clamp-2 text-gray-700">{d.title}</p>
        </li>
      ))}
    </ul>
  );
}
