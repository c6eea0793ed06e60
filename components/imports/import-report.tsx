import { formatNumber } from "@/lib/format";
import { problemLocation, type ImportReport } from "@/lib/imports/report";

/** What a dry run found, or what an apply wrote: counts, problems by row and column, changes. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const problems = report.problems.length + report.moreProblems;
  const changes = report.cells.new + report.cells.changed;
  return (
    <div className="grid gap-3 text-sm" data-testid="import-report">
      <p className={`rounded border p-2 ${problems ? "border-red-300 bg-red-50 text-red-800" : report.applied ? "border-green-300 bg-green-50 text-green-800" : "border-gray-300 bg-gray-50"}`}>
        {problems
          ? `Có ${formatNumber(problems)} lỗi: chưa ghi gì. Hãy sửa tệp rồi kiểm tra lại.`
          : report.applied
            ? changes
              ? `Đã ghi ${formatNumber(changes)} ô số liệu của ${formatNumber(report.assessments.created + report.assessments.changed)} xã.`
              : "Không có thay đổi nào: số liệu trong tệp trùng với số liệu trên cổng."
            : changes
              ? "Kiểm tra thử xong, chưa ghi gì."
              : "Không có thay đổi nào: số liệu trong tệp trùng với số liệu trên cổng."}
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
        <Figure label="Dòng số liệu" value={report.rows} />
        <Figure label="Ô mới" value={report.cells.new} />
        <Figure label="Ô thay đổi" value={report.cells.changed} />
        <Figure label="Ô không đổi" value={report.cells.unchanged} />
        <Figure label="Xã mở hồ sơ mới" value={report.assessments.created} />
        <Figure label="Xã có thay đổi" value={report.assessments.changed} />
        <Figure label="Xã không đổi" value={report.assessments.unchanged} />
        <Figure label="Hồ sơ đã khóa (không ghi)" value={report.assessments.locked} />
      </dl>

      {problems > 0 && (
        <details open className="rounded border">
          <summary className="cursor-pointer bg-red-50 px-3 py-1.5 font-semibold">Lỗi ({formatNumber(problems)})</summary>
          <table className="w-full">
            <thead>
              <tr className="text-left text-gray-600">
                <th scope="col" className="px-3 py-1">Vị trí</th>
                <th scope="col" className="px-3 py-1">Nội dung</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i} className="border-t align-top">
                  <td className="whitespace-nowrap px-3 py-1">{problemLocation(p) || "Tệp"}</td>
                  <td className="px-3 py-1">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.moreProblems > 0 && <p className="px-3 py-1 text-gray-600">… và {formatNumber(report.moreProblems)} lỗi khác.</p>}
        </details>
      )}

      {report.locked.length > 0 && (
        <details className="rounded border">
          <summary className="cursor-pointer bg-amber-50 px-3 py-1.5 font-semibold">Hồ sơ đã khóa, không ghi ({formatNumber(report.locked.length)})</summary>
          <ul className="px-3 py-1">
            {report.locked.map((l) => (
              <li key={l.row}>Dòng {l.row}: {l.communeCode} {l.communeName} — {l.status}</li>
            ))}
          </ul>
        </details>
      )}

      {report.changes.length > 0 && (
        <details open={!problems} className="rounded border">
          <summary className="cursor-pointer bg-gray-50 px-3 py-1.5 font-semibold">
            Thay đổi{changes > report.changes.length ? ` (${formatNumber(report.changes.length)} đầu tiên trong ${formatNumber(changes)})` : ` (${formatNumber(changes)})`}
          </summary>
          <table className="w-full">
            <thead>
              <tr className="text-left text-gray-600">
                <th scope="col" className="px-3 py-1">Dòng</th>
                <th scope="col" className="px-3 py-1">Xã</th>
                <th scope="col" className="px-3 py-1">Cột</th>
                <th scope="col" className="px-3 py-1 text-right">Trên cổng</th>
                <th scope="col" className="px-3 py-1 text-right">Trong tệp</th>
              </tr>
            </thead>
            <tbody>
              {report.changes.map((c, i) => (
                <tr key={i} className="border-t">
                  <td className="px-3 py-1 tabular-nums">{c.row}</td>
                  <td className="px-3 py-1">{c.communeCode} {c.communeName}</td>
                  <td className="px-3 py-1">{c.column}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{c.before}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-gray-600">{label}</dt>
      <dd className="text-base font-semibold tabular-nums">{formatNumber(value)}</dd>
    </div>
  );
}
