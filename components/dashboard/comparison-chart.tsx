"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ComparisonDatum {
  name: string;
  percent: number;
  reached: number;
  assessed: number;
  href: string | null;
}

const pct = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** % of communes reaching the standard per unit; a click on a bar drills down to that unit. */
export function ComparisonChart({ data, label }: { data: ComparisonDatum[]; label: string }) {
  const router = useRouter();
  const height = Math.max(160, data.length * 22 + 40);
  return (
    <div style={{ height }} className="w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(v, _n, item) => [`${pct.format(Number(v))}% (${(item.payload as ComparisonDatum).reached}/${(item.payload as ComparisonDatum).assessed} xã)`, "Đạt chuẩn"]} />
          <Bar
            dataKey="percent"
            fill="#1f7a3a"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(d) => {
              const href = (d as unknown as { payload?: ComparisonDatum }).payload?.href;
              if (href) router.push(href);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
