/** A GET form: works without JavaScript and keeps the choice in the URL. */
export function YearSelect({ years, year, extra }: { years: number[]; year: number; extra?: Record<string, string | number | undefined> }) {
  return (
    <form className="flex items-center gap-2 text-sm" method="get">
      {Object.entries(extra ?? {}).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={String(v)} />))}
      <label htmlFor="nam">Năm</label>
      <select id="nam" name="nam" defaultValue={year} className="rounded border px-2 py-1">
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Xem</button>
    </form>
  );
}
