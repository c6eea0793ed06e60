import Link from "next/link";
import { formatNumber, formatPercent } from "@/lib/format";
import type { ProvinceMap } from "@/lib/dashboard/map";

const STEPS = [
  { min: 80, color: "#124d25", label: "từ 80%" },
  { min: 60, color: "#1f7a3a", label: "60–<80%" },
  { min: 40, color: "#58a66b", label: "40–<60%" },
  { min: 20, color: "#a7d3ae", label: "20–<40%" },
  { min: 0, color: "#e3f1e5", label: "dưới 20%" },
];
const colorOf = (percent: number) => STEPS.find((s) => percent >= s.min)!.color;

export interface MapValue {
  percent: number;
  reached: number;
  assessed: number;
  href: string;
}

/** The 34 provinces coloured by the share of communes reaching the standard; each links down. */
export function ProvinceMapView({ map, values, year }: { map: ProvinceMap; values: Map<string, MapValue>; year: number }) {
  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} className="mx-auto h-auto w-full max-w-sm" role="img" aria-label={`Bản đồ tỷ lệ xã đạt chuẩn nông thôn mới theo tỉnh, năm ${year}`}>
        {map.regions.map((r) => {
          const v = values.get(r.code);
          const title = v ? `${r.name}: ${formatNumber(v.reached)}/${formatNumber(v.assessed)} xã (${formatPercent(v.percent)})` : `${r.name}: chưa có số liệu`;
          const path = <path d={r.d} fill={v ? colorOf(v.percent) : "#f3f4f6"} stroke="#fff" strokeWidth={0.6} />;
          return v ? (
            <Link key={r.code} href={v.href} aria-label={title} data-province={r.code}>
              <title>{title}</title>
              {path}
            </Link>
          ) : (
            <g key={r.code}>
              <title>{title}</title>
              {path}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap justify-center gap-3 text-xs" aria-label="Chú giải">
          {STEPS.map((s) => (
            <li key={s.label} className="flex items-center gap-1">
              <span className="inline-block h-3 w-4 rounded-sm border" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
          <li className="flex items-center gap-1">
            <span className="inline-block h-3 w-4 rounded-sm border bg-gray-100" />
            chưa có số liệu
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
