import { ASSESSMENT_YEARS, DEFAULT_YEAR } from "@/lib/assessments/years";
import type { Viewer } from "@/lib/authz";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { listReportUnitOptions, type UnitOption } from "@/lib/reports/queries";
import type { TReportQuery } from "@/lib/reports/schemas";

const hidden = (name: string, value: string | number | null | undefined) =>
  value === null || value === undefined ? null : <input type="hidden" name={name} value={String(value)} />;

/**
 * Year and unit choices as GET forms (no JavaScript needed, the URL stays shareable): the year
 * with the province (national viewers; others stay in their own unit), then the districts of
 * that province before 1/7/2025.
 */
export function ReportSelectors({
  years,
  year,
  allowAllYears,
  provinces,
  provinceId,
  districts,
  districtId,
}: {
  years: number[];
  /** null: every year */
  year: number | null;
  allowAllYears: boolean;
  /** offered to national viewers only (empty otherwise) */
  provinces: UnitOption[];
  /** the province being looked at (or around the district being looked at) */
  provinceId: number | null;
  districts: UnitOption[];
  districtId: number | null;
}) {
  return (
    <div className="no-print flex flex-wrap items-center gap-x-6 gap-y-2 rounded border bg-white p-3 text-sm">
      <form method="get" className="flex flex-wrap items-center gap-2" aria-label={provinces.length > 0 ? "Chọn năm, tỉnh" : "Chọn năm"}>
        <label htmlFor="report-year">Năm</label>
        <select id="report-year" name="nam" defaultValue={year ?? ""} className="rounded border px-2 py-1">
          {allowAllYears && <option value="">Tất cả các năm</option>}
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
        {provinces.length > 0 && (
          <>
            <label htmlFor="report-province">Tỉnh, thành phố</label>
            <select id="report-province" name="tinh" defaultValue={provinceId ?? ""} className="rounded border px-2 py-1">
              <option value="">Toàn quốc</option>
              {provinces.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Xem</button>
      </form>
      {districts.length > 0 && (
        <form method="get" className="flex flex-wrap items-center gap-2" aria-label="Chọn huyện">
          {hidden("nam", year)}
          {hidden("tinh", provinceId)}
          <label htmlFor="report-district">Huyện</label>
          <select id="report-district" name="huyen" defaultValue={districtId ?? ""} className="rounded border px-2 py-1">
            <option value="">— Toàn tỉnh —</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Chọn</button>
        </form>
      )}
    </div>
  );
}

/** The selectors of a report page, with the units the viewer may choose for the year shown. */
export async function ReportUnitSelectors({ viewer, unit, query, year, allowAllYears }: {
  viewer: Viewer;
  unit: DashboardUnit;
  query: TReportQuery;
  year: number | null;
  allowAllYears: boolean;
}) {
  const options = await listReportUnitOptions(viewer, unit, year ?? DEFAULT_YEAR);
  const provinceId =
    unit.level === "PROVINCE" ? unit.unitId
    : unit.level !== "DISTRICT" ? null
    : (query.tinh ?? (viewer.unitLevel === "PROVINCE" ? viewer.unitId : (unit.province?.id ?? null)));
  // a province of today looked at in an earlier year is not among that year's provinces: keep it selectable
  const current = unit.level === "PROVINCE" ? unit.name : unit.province?.name;
  const provinces =
    options.provinces.length > 0 && provinceId !== null && current && !options.provinces.some((p) => p.id === provinceId)
      ? [{ id: provinceId, name: current }, ...options.provinces]
      : options.provinces;
  return (
    <ReportSelectors
      years={ASSESSMENT_YEARS}
      year={year}
      allowAllYears={allowAllYears}
      provinces={provinces}
      provinceId={provinceId}
      districts={options.districts}
      districtId={unit.level === "DISTRICT" ? unit.unitId : null}
    />
  );
}
