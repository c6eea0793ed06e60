import Link from "next/link";
import { formatNumber } from "@/lib/format";
import type { TableData } from "@/lib/dashboard/tables";

/** The shade class of a percentage: h0 … h10 in steps of 10 (app/globals.css, `.heat`). */
const shade = (p: number) => `h${Math.min(10, Math.max(0, Math.round(p / 10)))}`;

/**
 * Unit × criterion, each cell the % of communes meeting the criterion. Cells carry only a shade
 * class and the rounded figure (the row and column headers name them); the figures to one
 * decimal are in its CSV and XLSX download.
 */
export function Heatmap({ table }: { table: TableData }) {
  const [first, ...criteria] = table.columns;
  return (
    <div className="max-h-[32rem] overflow-auto">
      <table className="heat text-xs" data-testid="heatmap">
        <caption className="text-left text-sm text-gray-600">{table.title}</caption>
        <thead className="sticky top-0 bg-white">
          <tr>
            <th scope="col" className="px-1 py-1 text-left">{first.label}</th>
            {criteria.map((c) => (
              <th key={c.key} scope="col" title={c.label} className="px-1 py-1 text-center">
                {c.key.slice(1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              <th scope="row" className="whitespace-nowrap px-1 py-0.5 text-left font-normal">
                {table.links?.[i] ? <Link href={table.links[i]!} className="hover:underline">{row[first.key]}</Link> : row[first.key]}
              </th>
              {criteria.map((c) => {
                const v = Number(row[c.key] ?? 0);
                return (
                  <td key={c.key} className={shade(v)}>
                    {formatNumber(v, 0)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
