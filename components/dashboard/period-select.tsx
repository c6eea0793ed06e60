import { PHASES, type Period } from "@/lib/dashboard/period";

/**
 * Phase, year and reporting day as a GET form (works without JavaScript, keeps the URL
 * shareable): reports say "đến hết tháng 6/2020", so any day can be asked; empty = the default
 * (the year's last day, or today for the year under way).
 */
export function PeriodSelect({ period, keep }: { period: Period; keep: Record<string, string | number | undefined> }) {
  return (
    <form method="get" className="no-print flex flex-wrap items-center gap-2 text-sm">
      {Object.entries(keep).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={String(v)} />))}
      <label htmlFor="giai_doan">Giai đoạn</label>
      <select id="giai_doan" name="giai_doan" defaultValue={period.phase.code} className="rounded border px-2 py-1">
        {PHASES.map((p) => (
          <option key={p.code} value={p.code}>{p.label}</option>
        ))}
      </select>
      <label htmlFor="nam">Năm</label>
      <select id="nam" name="nam" defaultValue={period.year} className="rounded border px-2 py-1">
        {period.years.map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </select>
      <label htmlFor="den-ngay">Đến ngày</label>
      <input id="den-ngay" name="den-ngay" type="date" defaultValue={period.asOfAsked ? period.asOf.toISOString().slice(0, 10) : ""} className="rounded border px-2 py-1" />
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Xem</button>
    </form>
  );
}
