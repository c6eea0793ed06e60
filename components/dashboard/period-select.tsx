import { PHASES, type Period } from "@/lib/dashboard/period";

/** Phase and year selectors as a GET form (works without JavaScript, keeps the URL shareable). */
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
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Xem</button>
    </form>
  );
}
