"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoneyMillions, formatNumber } from "@/lib/format";

export interface MonthDatum {
  month: number;
  allocated: number;
  disbursed: number;
  cumulativeDisbursed: number;
}

/** Allocated (the year's plan) against disbursed, month by month and cumulative, in million VND. */
export function CapitalMonthChart({ data, year }: { data: MonthDatum[]; year: number }) {
  const rows = data.map((d) => ({ ...d, label: `T${d.month}` }));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Biểu đồ vốn được giao và giải ngân lũy kế theo tháng năm ${year}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatNumber(v / 1000)} width={56} label={{ value: "tỷ đồng", angle: -90, position: "insideLeft", fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [formatMoneyMillions(Number(v)), String(name)]} />
          <Legend />
          <Bar dataKey="disbursed" name="Giải ngân trong tháng" fill="#9bd3a9" isAnimationActive={false} />
          <Line dataKey="cumulativeDisbursed" name="Giải ngân lũy kế" stroke="#17622e" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="allocated" name="Vốn được giao" stroke="#c8102e" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
