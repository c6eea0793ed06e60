import type { ImportUnit } from "@/lib/imports/queries";

/** Step 1: the template of a unit for the year, as XLSX or CSV (a GET form, works without JS). */
export function TemplateDownload({ units, year, national }: { units: ImportUnit[]; year: number; national: boolean }) {
  return (
    <section aria-labelledby="mau" className="rounded border bg-white p-4">
      <h2 id="mau" className="mb-2 font-semibold">1. Tải tệp mẫu năm {year}</h2>
      <form method="get" action="/api/nhap-lieu/mau" className="flex flex-wrap items-end gap-3 text-sm">
        <input type="hidden" name="nam" value={year} />
        <label className="grid gap-1">
          <span>Đơn vị</span>
          <select name="don-vi" className="min-w-72 rounded border px-2 py-1" defaultValue={units[0]?.id}>
            {national && <option value="">Toàn quốc (tệp lớn)</option>}
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.level === "DISTRICT" ? `${u.name} — ${u.provinceName}` : u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          <span>Định dạng</span>
          <select name="dinh-dang" className="rounded border px-2 py-1">
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV (UTF-8)</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">Tải tệp mẫu</button>
      </form>
      {units.length === 0 && !national && <p className="mt-2 text-sm text-gray-600">Không có đơn vị nào trong phạm vi của bạn ở năm {year}.</p>}
    </section>
  );
}
