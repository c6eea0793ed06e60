import { formatDateTime, formatNumber } from "@/lib/format";
import type { ImportReport } from "@/lib/imports/report";

const STATUS: Record<string, string> = { DRY_RUN: "Kiểm tra thử", APPLIED: "Đã ghi", FAILED: "Có lỗi, không ghi" };

interface Job {
  id: number;
  fileName: string;
  status: string;
  createdAt: Date;
  report: unknown;
}

/** The viewer's last import runs: what each found or wrote. */
export function RecentImports({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="lich-su" className="rounded border bg-white p-4">
      <h2 id="lich-su" className="mb-2 font-semibold">Các lần nhập gần đây</h2>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-gray-600">
            <th scope="col" className="py-1">Thời gian</th>
            <th scope="col">Tệp</th>
            <th scope="col">Kết quả</th>
            <th scope="col" className="text-right">Ô mới / thay đổi</th>
            <th scope="col" className="text-right">Lỗi</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const r = j.report as ImportReport;
            return (
              <tr key={j.id} className="border-t">
                <td className="py-1">{formatDateTime(j.createdAt)}</td>
                <td className="max-w-64 truncate">{j.fileName}</td>
                <td>{STATUS[j.status] ?? j.status}</td>
                <td className="text-right tabular-nums">{formatNumber(r.cells?.new ?? 0)} / {formatNumber(r.cells?.changed ?? 0)}</td>
                <td className="text-right tabular-nums">{formatNumber((r.problems?.length ?? 0) + (r.moreProblems ?? 0))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
