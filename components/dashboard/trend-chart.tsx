"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendDatum {
  year: string;
  reached: number;
  percent: number;
}

const fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** Communes reaching the standard (bars) and their share of communes assessed (line), by year. */
export function TrendChart({ data }: { data: TrendDatum[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label="Biểu đồ kết quả qua các năm">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" />
          <YAxis yAxisId="left" allowDecimals={false} tickFormatter={(v: number) => fmt.format(v)} />
          <YAxis yAxisId="right" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip formatter={(v, name) => [fmt.format(Number(v)), name]} />
          <Legend />
          <Bar yAxisId="left" dataKey="reached" name="Số xã đạt chuẩn" fill="#1f7a3a" isAnimationActive={false} />
          <Line yAxisId="right" dataKey="percent" name="Tỷ lệ xã đạt chuẩn (%)" stroke="#c8102e" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
