"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BandDatum {
  key: string;
  label: string;
  communes: number;
}

const fmt = new Intl.NumberFormat("vi-VN");

/** Communes by number of criteria met (19 · 15–18 · 10–14 · 5–9 · dưới 5). */
export function BandChart({ data }: { data: BandDatum[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label="Biểu đồ số xã theo nhóm số tiêu chí đạt">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => fmt.format(v)} />
          <Tooltip formatter={(v) => [`${fmt.format(Number(v))} xã`, "Số xã"]} />
          <Bar dataKey="communes" fill="#1f7a3a" isAnimationActive={false}>
            <LabelList dataKey="communes" position="top" formatter={(v) => fmt.format(Number(v))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
