import Link from "next/link";
import { BandChart } from "@/components/dashboard/band-chart";
import { ComparisonChart } from "@/components/dashboard/comparison-chart";
import { DataTable } from "@/components/dashboard/data-table";
import { Heatmap } from "@/components/dashboard/heatmap";
import { ProvinceMapView, type MapValue } from "@/components/dashboard/province-map";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { formatDate, formatNumber } from "@/lib/format";
import { asOfLabel, FIGURE_NAMES, formatRate, outOf, programmeListLabel, recognisedSentence } from "@/lib/figures/definitions";
import { officialBreakdown, type OfficialFigures } from "@/lib/figures/queries";
import { cachedRead } from "@/lib/cache/cached-read";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { provinceMap } from "@/lib/dashboard/map";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { bandsTable, capitalTable, communesTable, comparisonTable, feedbackTable, headlineTable, heatmapTable, notMaintainedTable, ocopTable, planTable, trendTable, whiteDistrictsTable, type TableRequest } from "@/lib/dashboard/tables";
import { CapitalMonthChart } from "@/components/capital/capital-month-chart";
import { REFORM_DATE } from "@/lib/units/rules";

function Change({ now, before, comparable, digits = 0, unit = "" }: { now: number; before: number; comparable: boolean; digits?: number; unit?: string }) {
  if (!comparable) return <span className="text-xs text-gray-500">năm trước áp dụng bộ tiêu chí khác: không so sánh</span>;
  const d = Math.round((now - before) * 10 ** digits) / 10 ** digits;
  if (!before && !now) return null;
  return (
    <span className={`text-xs ${d > 0 ? "text-green-700" : d < 0 ? "text-red-700" : "text-gray-500"}`}>
      {d > 0 ? "▲ " : d < 0 ? "▼ " : ""}
      {d === 0 ? "không đổi" : `${d > 0 ? "+" : ""}${formatNumber(d, digits)}${unit}`} so với năm trước
    </span>
  );
}

function Headline({ official: f, previous, comparable, whiteDistricts, showDistricts }: { official: OfficialFigures; previous: OfficialFigures; comparable: boolean; whiteDistricts: number; showDistricts: boolean }) {
  const total = f.set.total;
  const items = [
    {
      key: "recognised",
      value: `${formatNumber(f.recognised)} xã`,
      label: `${FIGURE_NAMES.recognised}, đạt tỷ lệ ${formatRate(f.recognisedPercent)} (${outOf(f.recognised, f.programme.size)})`,
      change: <Change now={f.recognised} before={previous.recognised} comparable unit=" xã" />,
    },
    {
      key: "full",
      value: outOf(f.reports.fullCriteria, f.reports.confirmed),
      label: `${FIGURE_NAMES.fullCriteria(total).toLowerCase().replace(/^xã /, "")} (báo cáo năm ${f.year} đã xác nhận)`,
      change: <Change now={f.reports.fullCriteria} before={previous.reports.fullCriteria} comparable={comparable} unit=" xã" />,
    },
    {
      key: "average",
      value: formatNumber(f.reports.averageCriteria, 2),
      label: `${FIGURE_NAMES.average.toLowerCase()} (trên ${total})`,
      change: <Change now={f.reports.averageCriteria} before={previous.reports.averageCriteria} comparable={comparable} digits={2} />,
    },
    { key: "advanced", value: `${formatNumber(f.advanced)} xã`, label: `NTM nâng cao · ${formatNumber(f.model)} xã kiểu mẫu (có quyết định)`, change: null },
    { key: "not-maintained", value: `${formatNumber(f.notMaintained)} xã`, label: FIGURE_NAMES.notMaintained.toLowerCase(), change: null },
    ...(showDistricts ? [{ key: "white", value: `${formatNumber(whiteDistricts)} huyện`, label: "chưa có xã đạt chuẩn (huyện “trắng”)", change: null }] : []),
  ];
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-6">
        {items.map((i) => (
          <div key={i.key} className="rounded bg-brand-50 p-3" data-testid={`figure-${i.key}`}>
            <dt className="sr-only">{i.label}</dt>
            <dd>
              <span className="block text-2xl font-semibold text-brand-800">{i.value}</span>
              <span className="block text-sm text-gray-700">{i.label}</span>
              {i.change}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 font-semibold text-brand-800" data-testid="figures-sentence">
        {recognisedSentence(f.recognised, f.recognisedPercent)} ({outOf(f.recognised, f.programme.size)}), {asOfLabel(f.asOf)}.
      </p>
      <p className="mt-1 text-xs text-gray-600" data-testid="figures-basis">
        Số liệu {asOfLabel(f.asOf)}. Tỷ lệ đạt chuẩn chia cho {programmeListLabel({ source: f.programme.sources.join("; ") || null, size: f.programme.size, phase: f.programme.phase, isDefault: f.programme.isDefault, on: f.programme.start })}
        {!f.programme.isDefault && f.programme.withList < f.programme.provinces ? ` (${f.programme.withList}/${f.programme.provinces} tỉnh có danh sách riêng, các tỉnh khác theo danh mục đơn vị hành chính)` : ""}. Danh mục đơn vị hành chính ngày {formatDate(f.unitsDay)}: {formatNumber(f.communesOnDay)} xã. Bộ tiêu chí: {f.set.name} ({f.set.decision}).
      </p>
    </>
  );
}

export interface DashboardViewProps {
  unit: DashboardUnit;
  year: number;
  /** the day figures are read as at */
  asOf: Date;
  byTodaysProvinces: boolean;
  publicOnly: boolean;
  basePath: string;
  /** where a commune row links to (staff: the commune's page); none on public pages */
  communeHref?: (communeId: number) => string;
  /** extra sections (OCOP, capital, plans…) placed after the criteria sections */
  children?: React.ReactNode;
}

/** The leadership dashboard of one unit and year; the public statistics page uses it too. */
export async function DashboardView({ unit, year, asOf, byTodaysProvinces, publicOnly, basePath, communeHref, children }: DashboardViewProps) {
  const req: TableRequest = { unit, year, asOf, byTodaysProvinces, publicOnly, basePath };
  const beforeReform = new Date(Date.UTC(year, 0, 1)) < REFORM_DATE;
  const showCommunes = unit.level === "DISTRICT" || (unit.level === "PROVINCE" && !beforeReform);
  const programme = unit.level !== "DISTRICT";
  // the same unit, year and view give the same figures to every viewer allowed to see them
  const key = JSON.stringify(["dashboard", unit.level, unit.unitId, year, asOf.toISOString(), byTodaysProvinces, publicOnly, basePath, communeHref?.(0) ?? null]);
  const [headline, comparison, trendRows, heat, white, mapRows, communes, plans, ocop, capital, feedback, notMaintained] = await cachedRead([key], () => Promise.all([
    headlineTable(req),
    comparisonTable(req),
    trendTable(req, 2016, Math.max(year, 2026)),
    unit.level === "DISTRICT" ? null : heatmapTable(req),
    beforeReform && unit.level !== "DISTRICT" ? whiteDistrictsTable(req) : null,
    unit.level === "NATION" ? officialBreakdown({}, year, asOf, { by: "province", byTodaysProvinces: true }) : null,
    showCommunes ? communesTable(req, communeHref ? (id) => `${communeHref(id)}?nam=${year}` : undefined) : null,
    programme ? planTable(req) : null,
    programme ? ocopTable(req) : null,
    programme ? capitalTable(req) : null,
    programme ? feedbackTable(req) : null,
    notMaintainedTable(req),
  ]), { tags: [CACHE_TAGS.figures] });
  const bands = bandsTable(headline.bands);
  const q = new URLSearchParams({ nam: String(year), "den-ngay": asOf.toISOString().slice(0, 10), ...(unit.level === "PROVINCE" ? { tinh: String(unit.unitId) } : {}), ...(unit.level === "DISTRICT" ? { huyen: String(unit.unitId) } : {}), ...(byTodaysProvinces ? { xem: "hien-nay" } : {}), ...(publicOnly ? { cong_khai: "1" } : {}) });
  const dl = (name: string) => `/api/bang/${name}?${q}`;
  const mapValues = new Map<string, MapValue>(
    (mapRows ?? []).map((r) => [r.code, { percent: r.recognisedPercent, reached: r.recognised, assessed: r.programme, href: `${basePath}?nam=${year}&tinh=${r.unitId}` }]),
  );
  const childLabel = unit.level === "NATION" ? "tỉnh, thành phố" : "huyện";
  return (
    <div className="grid gap-4">
      <section className="rounded border bg-white p-4" aria-label="Số liệu chính">
        <Headline official={headline.official} previous={headline.previous} comparable={headline.comparable} whiteDistricts={white?.rows.length ?? 0} showDistricts={!!white} />
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-brand-700">Bảng số liệu tổng hợp</summary>
          <DataTable table={headline.table} downloadHref={dl("tong-hop")} />
        </details>
      </section>

      {notMaintained.rows.length > 0 && (
        <section className="rounded border bg-white p-4" aria-label={FIGURE_NAMES.notMaintained}>
          <h2 className="mb-2 font-semibold">{FIGURE_NAMES.notMaintained} ({notMaintained.rows.length})</h2>
          <DataTable table={notMaintained} downloadHref={dl("chua-duy-tri")} maxHeight />
        </section>
      )}

      {unit.level === "NATION" && (
        <section className="grid gap-4 rounded border bg-white p-4 lg:grid-cols-[22rem_1fr]" aria-label="Bản đồ và so sánh">
          <div>
            <h2 className="mb-2 font-semibold">Tỷ lệ xã đạt chuẩn theo tỉnh (34 tỉnh, thành phố hiện nay)</h2>
            <ProvinceMapView map={provinceMap()} values={mapValues} year={year} />
            {beforeReform && <p className="mt-2 text-xs text-gray-600">Năm {year} trước sắp xếp đơn vị hành chính: số liệu của 63 tỉnh cũ được cộng vào tỉnh mới mà tỉnh cũ sáp nhập trọn vẹn (mọi tỉnh cũ đều nhập trọn vào một tỉnh mới), nên mỗi xã được tính đúng một lần.</p>}
          </div>
          <div>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 className="font-semibold">So sánh các {childLabel}</h2>
              {beforeReform && (
                <p className="no-print text-sm">
                  {byTodaysProvinces ? (
                    <Link className="text-brand-700 underline" href={`${basePath}?nam=${year}`}>Xem theo 63 tỉnh năm {year}</Link>
                  ) : (
                    <Link className="text-brand-700 underline" href={`${basePath}?nam=${year}&xem=hien-nay`}>Xem theo 34 tỉnh hiện nay</Link>
                  )}
                </p>
              )}
            </div>
            <ComparisonChart label={`Biểu đồ tỷ lệ xã đạt chuẩn theo ${childLabel}`} data={comparison.rows.map((r, i) => ({ name: String(r.name), percent: Number(r.percent), reached: Number(r.recognised), assessed: Number(r.programme), href: comparison.links?.[i] ?? null }))} />
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">Bảng số liệu của biểu đồ</summary>
              <DataTable table={comparison} downloadHref={dl("so-sanh")} maxHeight />
            </details>
          </div>
        </section>
      )}

      {unit.level === "PROVINCE" && (
        <section className="rounded border bg-white p-4" aria-label="So sánh các huyện">
          <h2 className="mb-2 font-semibold">So sánh các {beforeReform ? "huyện" : "đơn vị"}</h2>
          {comparison.rows.length > 0 && beforeReform ? (
            <>
              <ComparisonChart label="Biểu đồ tỷ lệ xã đạt chuẩn theo huyện" data={comparison.rows.map((r, i) => ({ name: String(r.name), percent: Number(r.percent), reached: Number(r.recognised), assessed: Number(r.programme), href: comparison.links?.[i] ?? null }))} />
              <DataTable table={comparison} downloadHref={dl("so-sanh")} maxHeight />
            </>
          ) : (
            <p className="text-sm text-gray-600">Từ 1/7/2025 không còn cấp huyện: các xã được so sánh trực tiếp ở bảng dưới.</p>
          )}
        </section>
      )}

      {communes && (
        <section className="rounded border bg-white p-4" aria-label="Kết quả các xã">
          <h2 className="mb-2 font-semibold">Kết quả các xã ({communes.rows.length})</h2>
          <DataTable table={communes} downloadHref={dl("xa")} maxHeight />
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded border bg-white p-4" aria-label="Số xã theo số tiêu chí đạt">
          <h2 className="mb-2 font-semibold">Số xã theo số tiêu chí đạt</h2>
          <BandChart data={bands.rows.map((r) => ({ key: String(r.key), label: String(r.label), communes: Number(r.communes) }))} />
          <DataTable table={bands} downloadHref={dl("nhom-tieu-chi")} testId="band-table" />
        </section>
        <section className="rounded border bg-white p-4" aria-label="Kết quả qua các năm">
          <h2 className="mb-2 font-semibold">Kết quả qua các năm</h2>
          <TrendChart data={trendRows.rows.map((r) => ({ year: String(r.year), set: String(r.set), recognised: r.recognised === null ? null : Number(r.recognised), percent: r.percent === null ? null : Number(r.percent) }))} />
          <details>
            <summary className="cursor-pointer text-sm text-brand-700">Bảng số liệu của biểu đồ</summary>
            <DataTable table={trendRows} downloadHref={dl("xu-huong")} />
          </details>
        </section>
      </div>

      {heat && (
        <section className="rounded border bg-white p-4" aria-label="Tỷ lệ đạt từng tiêu chí">
          <h2 className="mb-2 font-semibold">Tỷ lệ xã đạt từng tiêu chí theo {childLabel}</h2>
          <Heatmap table={heat} />
          <p className="no-print mt-1 flex gap-3 text-xs">
            <a href={`${dl("ban-do-nhiet")}&dinh_dang=csv`} className="text-brand-700 underline">Tải CSV</a>
            <a href={`${dl("ban-do-nhiet")}&dinh_dang=xlsx`} className="text-brand-700 underline">Tải Excel (XLSX)</a>
          </p>
        </section>
      )}

      {white && white.rows.length > 0 && (
        <section className="rounded border bg-white p-4" aria-label="Huyện chưa có xã đạt chuẩn">
          <h2 className="mb-2 font-semibold">Huyện chưa có xã đạt chuẩn ({white.rows.length})</h2>
          <DataTable table={white} downloadHref={dl("huyen-trang")} maxHeight />
        </section>
      )}
      {plans && ocop && capital && feedback && (
        <div className="grid gap-4 lg:grid-cols-2">
          <section className="rounded border bg-white p-4" aria-label="Kế hoạch và kết quả">
            <h2 className="mb-2 font-semibold">Mục tiêu đăng ký và kết quả</h2>
            <DataTable table={plans} downloadHref={dl("ke-hoach")} />
          </section>
          <section className="rounded border bg-white p-4" aria-label="Sản phẩm OCOP">
            <h2 className="mb-2 font-semibold">Sản phẩm OCOP theo hạng sao</h2>
            <DataTable table={ocop} downloadHref={dl("ocop")} />
          </section>
          <section className="rounded border bg-white p-4 lg:col-span-2" aria-label="Vốn và giải ngân">
            <h2 className="mb-2 font-semibold">Vốn được giao và giải ngân năm {year}</h2>
            <CapitalMonthChart data={capital.summary.byMonth} year={year} />
            <DataTable table={capital.table} downloadHref={dl("von")} />
          </section>
          <section className="rounded border bg-white p-4" aria-label="Lấy ý kiến người dân">
            <h2 className="mb-2 font-semibold">Lấy ý kiến sự hài lòng của người dân</h2>
            <DataTable table={feedback} downloadHref={dl("y-kien")} />
          </section>
        </div>
      )}
      {children}
    </div>
  );
}
