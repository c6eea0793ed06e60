import { formatCell } from "@/components/dashboard/data-table";
import type { Column, TableData } from "@/lib/dashboard/tables";
import { formatPercent } from "@/lib/format";

/** As reports write it: 5.177 · 58,2% · 17,23 · 26/6/2020. */
function text(v: string | number | null | undefined, c: Column): string {
  if (c.kind === "percent" && typeof v === "number") return formatPercent(v);
  return formatCell(v, c.kind);
}

const align = (c: Column) => (c.kind === "text" ? "text-left" : c.kind === "date" ? "text-center" : "text-right tabular-nums");

/** One table of a printed report: header repeated on every page, the total row once at the end. */
export function ReportTable({ table }: { table: TableData }) {
  const abbreviated = table.columns.filter((c) => c.short);
  return (
    <section className="report-block grid gap-1" aria-label={table.title}>
      <h2 className="font-semibold">{table.title}</h2>
      <div className="overflow-x-auto">
        <table className={`report-table border-collapse text-sm ${table.columns.length > 3 ? "w-full" : "min-w-[50%]"}`} data-testid={`report-table-${table.name}`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className="border border-gray-400 bg-brand-50 px-1.5 py-1 text-center align-middle font-semibold">
                  {c.short ? <abbr title={c.label} className="no-underline">{c.short}</abbr> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {table.columns.map((c) => (
                  <td key={c.key} className={`border border-gray-400 px-1.5 py-0.5 ${align(c)}`}>{text(row[c.key], c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.total && (
            <tfoot>
              <tr className="font-semibold">
                {table.columns.map((c) => (
                  <td key={c.key} className={`border border-gray-400 bg-gray-50 px-1.5 py-1 ${align(c)}`} data-testid={`total-${c.key}`}>
                    {table.total![c.key] == null ? "" : text(table.total![c.key], c)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {table.rows.length === 0 && <p className="text-sm text-gray-600">Không có số liệu.</p>}
      {abbreviated.length > 0 && (
        <p className="text-xs text-gray-700">
          <span className="font-semibold">Ghi chú: </span>
          {abbreviated.map((c) => `${c.short}: ${c.label.replace(/^\d+\.\s*/, "")}`).join("; ")}.
        </p>
      )}
    </section>
  );
}
