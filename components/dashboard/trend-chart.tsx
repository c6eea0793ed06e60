"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendDatum {
  year: string;
  /** the criteria set of the year's reports (its decision) */
  set: string;
  recognised: number | null;
  percent: number | null;
}

const fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const COLOURS = ["#c8102e", "#1d4ed8", "#7c3aed"];

/**
 * Communes holding the title (bars) and their rate (a line per criteria set: never joined across
 * two sets), by year; a year without figures is a gap, and the change of set is marked.
 */
export function TrendChart({ data }: { data: TrendDatum[] }) {
  const sets = [...new Set(data.map((d) => d.set))];
  const rows = data.map((d) => ({ ...d, ...Object.fromEntries(sets.map((s) => [`p:${s}`, d.set === s ? d.percent : null])) }));
  const changes = data.filter((d, i) => i > 0 && d.set !== data[i - 1].set).map((d) => d.year);
  return (
    <div className="h-72 w-full" role="img" aria-label="Biểu đồ kết quả qua các năm">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" />
          <YAxis yAxisId="left" allowDecimals={false} tickFormatter={(v: number) => fmt.format(v)} />
          <YAxis yAxisId="right" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip formatter={(v, name) => [v === null ? "—" : fmt.format(Number(v)), name]} />
          <Legend />
          {changes.map((y) => (
            <ReferenceLine key={y} yAxisId="left" x={y} stroke="#6b7280" strokeDasharray="4 2" label={{ value: "Đổi bộ tiêu chí", fontSize: 10, position: "top" }} />
          ))}
          <Bar yAxisId="left" dataKey="recognised" name="Số xã đạt chuẩn (có quyết định)" fill="#1f7a3a" isAnimationActive={false} />
          {sets.map((s, i) => (
            <Line key={s} yAxisId="right" dataKey={`p:${s}`} name={`Tỷ lệ đạt chuẩn (%) — ${s}`} stroke={COLOURS[i % COLOURS.length]} connectNulls={false} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
