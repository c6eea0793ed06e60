import Link from "next/link";
import { PUBLISH_STATUS_LABELS, type PublishState } from "@/lib/content/publishing";
import type { PublishStatus } from "@/lib/generated/prisma/enums";
import { ContentStatusBadge } from "./content-status-badge";

export interface ContentTableRow {
  id: number;
  href: string;
  title: string;
  /** a line under the title: number, category, owner */
  detail?: string;
  state: PublishState;
  dateText: string;
  updatedText: string;
}

/** The editor's list of articles, notices or documents, with where each stands. */
export function ContentTable({ rows, caption, dateLabel, empty }: { rows: ContentTableRow[]; caption: string; dateLabel: string; empty: string }) {
  if (rows.length === 0) return <p className="rounded border bg-white p-4 text-gray-600">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded border bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="px-3 py-2">Tiêu đề</th>
            <th scope="col" className="px-3 py-2">Trạng thái</th>
            <th scope="col" className="px-3 py-2">{dateLabel}</th>
            <th scope="col" className="px-3 py-2">Sửa lần cuối</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t align-top">
              <td className="px-3 py-1.5">
                <Link href={r.href} className="font-semibold text-brand-700 hover:underline">{r.title}</Link>
                {r.detail && <span className="block text-xs text-gray-500">{r.detail}</span>}
              </td>
              <td className="px-3 py-1.5"><ContentStatusBadge state={r.state} /></td>
              <td className="px-3 py-1.5 whitespace-nowrap">{r.dateText}</td>
              <td className="px-3 py-1.5 whitespace-nowrap text-gray-600">{r.updatedText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STATUSES: PublishStatus[] = ["DRAFT", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"];

/** Reads ?trang-thai=… safely. */
export function parseStatusFilter(value: string | undefined): PublishStatus | undefined {
  return STATUSES.find((s) => s === value);
}

/** A GET form choosing the status shown (works without JavaScript). */
export function StatusFilter({ value }: { value: PublishStatus | undefined }) {
  return (
    <form method="get" className="flex items-center gap-2 text-sm">
      <label htmlFor="trang-thai">Trạng thái</label>
      <select id="trang-thai" name="trang-thai" defaultValue={value ?? ""} className="rounded border px-2 py-1">
        <option value="">Tất cả</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>{PUBLISH_STATUS_LABELS[s]}</option>
        ))}
      </select>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Lọc</button>
    </form>
  );
}
