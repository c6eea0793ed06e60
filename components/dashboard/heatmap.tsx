import Link from "next/link";
import { formatNumber } from "@/lib/format";
import type { TableData } from "@/lib/dashboard/tables";

const shade = (p: number) => `hsl(140, 45%, ${Math.round(96 - p * 0.6)}%)`;

/** Unit × criterion, each cell the % of communes meeting the criterion. */
export function Heatmap({ table }: { table: TableData }) {
  const [first, ...criteria] = table.columns;
  return (
    <div className="max-h-[32rem] overflow-auto">
      <table className="text-xs" data-testid="heatmap">
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
                  <td key={c.key} className="px-1 py-0.5 text-center tabular-nums" style={{ background: shade(v), color: v > 70 ? "white" : undefined }} title={`${row[first.key]} – ${c.label}: ${formatNumber(v, 1)}%`}>
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
