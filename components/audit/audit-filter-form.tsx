// The audit log's filters: a GET form, so a filtered view is a link that can be shared.
import Link from "next/link";

type Query = Record<string, string | undefined>;

const field = "rounded border border-gray-300 px-2 py-1.5 text-sm";

export function AuditFilterForm({ query, entityTypes, actions, provinces }: {
  query: Query;
  entityTypes: string[];
  actions: string[];
  provinces: { id: number; label: string }[];
}) {
  return (
    <form method="get" className="grid gap-3 rounded border bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Lọc nhật ký">
      <div className="grid gap-1">
        <label htmlFor="loc-nguoi" className="text-sm font-semibold">Người thực hiện</label>
        <input id="loc-nguoi" name="nguoi" defaultValue={query.nguoi} placeholder="email hoặc họ tên" className={field} />
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-tinh" className="text-sm font-semibold">Tỉnh, thành phố</label>
        <select id="loc-tinh" name="tinh" defaultValue={query.tinh ?? ""} className={field}>
          <option value="">Tất cả trong phạm vi</option>
          {provinces.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-don-vi" className="text-sm font-semibold">Đơn vị</label>
        <input id="loc-don-vi" name="don_vi" defaultValue={query.don_vi} placeholder="tên xã, huyện, tỉnh" className={field} />
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-thao-tac" className="text-sm font-semibold">Thao tác</label>
        <select id="loc-thao-tac" name="thao_tac" defaultValue={query.thao_tac ?? ""} className={field}>
          <option value="">Tất cả</option>
          {actions.map((a) => (
            <option key={a} value={a}>{a}</option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-doi-tuong" className="text-sm font-semibold">Loại đối tượng</label>
        <select id="loc-doi-tuong" name="doi_tuong" defaultValue={query.doi_tuong ?? ""} className={field}>
          <option value="">Tất cả</option>
          {entityTypes.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-ma" className="text-sm font-semibold">Mã đối tượng</label>
        <input id="loc-ma" name="ma" defaultValue={query.ma} className={field} />
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-tu" className="text-sm font-semibold">Từ ngày</label>
        <input id="loc-tu" name="tu" type="date" defaultValue={query.tu} className={field} />
      </div>
      <div className="grid gap-1">
        <label htmlFor="loc-den" className="text-sm font-semibold">Đến ngày</label>
        <input id="loc-den" name="den" type="date" defaultValue={query.den} className={field} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">Lọc</button>
        <Link href="/quan-ly/nhat-ky" className="text-sm text-brand-700 hover:underline">Bỏ lọc</Link>
      </div>
    </form>
  );
}
