// Entries of the audit log, newest first, each with the fields it changed (old → new).
import { auditChanges } from "@/lib/audit/filters";
import { formatDateTime } from "@/lib/format";

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  user: { name: string; email: string } | null;
  unit: { fullName: string } | null;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (!rows.length) return <p className="rounded border bg-white p-4 text-sm text-gray-600">Không có mục nào khớp với bộ lọc.</p>;
  return (
    <div className="overflow-x-auto rounded border bg-white">
      <table className="w-full text-sm" data-testid="audit-table">
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="px-3 py-2">Thời gian</th>
            <th scope="col" className="px-3 py-2">Người thực hiện</th>
            <th scope="col" className="px-3 py-2">Thao tác</th>
            <th scope="col" className="px-3 py-2">Đối tượng</th>
            <th scope="col" className="px-3 py-2">Đơn vị</th>
            <th scope="col" className="px-3 py-2">Thay đổi (cũ → mới)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const changes = auditChanges(r.before, r.after);
            return (
              <tr key={r.id} className="border-t align-top">
                <td className="whitespace-nowrap px-3 py-1.5">{formatDateTime(r.at)}</td>
                <td className="px-3 py-1.5">
                  {r.user ? (
                    <>
                      {r.user.name}
                      <span className="block text-xs text-gray-500">{r.user.email}</span>
                    </>
                  ) : (
                    <span className="text-gray-500">hệ thống</span>
                  )}
                </td>
                <td className="px-3 py-1.5 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-1.5">
                  {r.entityType} <span className="text-gray-500">#{r.entityId}</span>
                </td>
                <td className="px-3 py-1.5">{r.unit?.fullName ?? "–"}</td>
                <td className="px-3 py-1.5">
                  {changes.length ? (
                    <ul className="grid gap-0.5 text-xs">
                      {changes.slice(0, 8).map((c) => (
                        <li key={c.field}>
                          {c.field && <span className="font-semibold">{c.field}: </span>}
                          <span className="text-red-800 line-through decoration-red-300">{c.before}</span> → <span className="text-green-800">{c.after}</span>
                        </li>
                      ))}
                      {changes.length > 8 && <li className="text-gray-500">… và {changes.length - 8} trường khác</li>}
                    </ul>
                  ) : (
                    <span className="text-gray-500">–</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
