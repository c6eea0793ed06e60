/** Filters of the scorecard as a GET form: notice, organisation, deadline period (works without JavaScript). */
export function ScorecardFilters({ notices, organisations, values }: {
  notices: { id: number; label: string }[];
  organisations: { id: number; label: string }[];
  values: { noticeId?: number; organisationId?: number; from?: string; to?: string };
}) {
  const box = "rounded border border-gray-300 px-2 py-1 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded border bg-white p-3 text-sm" aria-label="Lọc bảng theo dõi">
      <div className="grid gap-1">
        <label htmlFor="thong-bao">Thông báo</label>
        <select id="thong-bao" name="thong-bao" defaultValue={values.noticeId ?? ""} className={box}>
          <option value="">Tất cả thông báo</option>
          {notices.map((n) => (
            <option key={n.id} value={n.id}>{n.label}</option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="don-vi">Đơn vị</label>
        <select id="don-vi" name="don-vi" defaultValue={values.organisationId ?? ""} className={`${box} max-w-xs`}>
          <option value="">Tất cả đơn vị</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </select>
      </div>
      <fieldset className="flex items-end gap-2">
        <legend className="mb-1">Thời hạn trong khoảng</legend>
        <label htmlFor="tu" className="sr-only">Từ ngày</label>
        <input id="tu" name="tu" type="date" defaultValue={values.from} className={box} aria-label="Thời hạn từ ngày" />
        <span aria-hidden="true">–</span>
        <label htmlFor="den" className="sr-only">Đến ngày</label>
        <input id="den" name="den" type="date" defaultValue={values.to} className={box} aria-label="Thời hạn đến ngày" />
      </fieldset>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">Xem</button>
      <a href="?" className="text-brand-700 underline">Bỏ lọc</a>
    </form>
  );
}
