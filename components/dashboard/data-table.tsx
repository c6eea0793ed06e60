import Link from "next/link";
import { formatDate, formatNumber } from "@/lib/format";
import type { ColumnKind, TableData } from "@/lib/dashboard/tables";

/** A table cell as text, vi-VN (percent columns carry "(%)" in their header, so no sign here). */
export function formatCell(v: string | number | null | undefined, kind: ColumnKind): string {
  if (v === null || v === undefined) return "–";
  if (kind === "date" && typeof v === "string") return formatDate(v);
  if (typeof v === "string") return v;
  switch (kind) {
    case "int":
      return formatNumber(v);
    case "percent":
      return formatNumber(v, 1);
    case "decimal2":
      return formatNumber(v, Number.isInteger(v) ? 0 : 2);
    default:
      return String(v);
  }
}

/** Cells are styled from the table's class (app/globals.css, `.data`): a number column's cells carry only "n". */
const numeric = (kind: ColumnKind) => (kind === "text" ? undefined : "n");

/** The numbers of a chart as a table, with CSV and XLSX downloads of exactly the same numbers. */
export function DataTable({ table, downloadHref, maxHeight, testId }: { table: TableData; downloadHref?: string; maxHeight?: boolean; testId?: string }) {
  return (
    <div>
      <div className={maxHeight ? "max-h-96 overflow-auto" : "overflow-x-auto"}>
        <table className="data w-full text-sm" data-testid={testId ?? `table-${table.name}`}>
          <caption className="text-left text-sm text-gray-600">{table.title}</caption>
          <thead className="sticky top-0 bg-brand-50">
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={numeric(c.kind)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i} className="border-t">
                {table.columns.map((c, j) => (
                  <td key={c.key} className={numeric(c.kind)}>
                    {j === 0 && table.links?.[i] ? (
                      <Link href={table.links[i]!} className="text-brand-700 hover:underline">
                        {formatCell(row[c.key], c.kind)}
                      </Link>
                    ) : (
                      formatCell(row[c.key], c.kind)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.total && (
            <tfoot>
              <tr className="border-t-2 font-semibold">
                {table.columns.map((c) => (
                  <td key={c.key} className={numeric(c.kind)}>
                    {table.total![c.key] == null ? "" : formatCell(table.total![c.key], c.kind)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
        {table.rows.length === 0 && <p className="py-2 text-sm text-gray-500">Chưa có số liệu.</p>}
      </div>
      {downloadHref && table.rows.length > 0 && (
        <p className="no-print mt-1 flex gap-3 text-xs">
          <a href={`${downloadHref}&dinh_dang=csv`} className="text-brand-700 underline">Tải CSV</a>
          <a href={`${downloadHref}&dinh_dang=xlsx`} className="text-brand-700 underline">Tải Excel (XLSX)</a>
        </p>
      )}
    </div>
  );
}
