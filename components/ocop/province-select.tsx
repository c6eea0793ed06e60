// A national viewer's choice of province (today's 34; figures include the units each succeeded).
// A GET form: works without JavaScript and keeps the choice in the URL.
export function ProvinceSelect({
  provinces,
  value,
  extra,
  allowAll = true,
}: {
  provinces: { id: number; fullName: string }[];
  value: number | undefined;
  extra?: Record<string, string | number | undefined>;
  allowAll?: boolean;
}) {
  return (
    <form method="get" className="flex items-center gap-2 text-sm">
      {Object.entries(extra ?? {}).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={String(v)} />))}
      <label htmlFor="tinh">Tỉnh, thành phố</label>
      <select id="tinh" name="tinh" defaultValue={value ?? ""} className="rounded border px-2 py-1">
        {allowAll ? <option value="">Toàn quốc</option> : <option value="" disabled>— Chọn tỉnh, thành phố —</option>}
        {provinces.map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Chọn</button>
    </form>
  );
}
