// Which unit a report covers: the one asked for in the URL (tinh, huyen) when it lies in the
// viewer's scope — refused with 403 otherwise, never silently replaced — or the viewer's own unit.
import { isUnitInScope, type Viewer } from "@/lib/authz";
import { NATION, toDashboardUnit, type DashboardUnit } from "@/lib/dashboard/scope";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { unitVersionOn } from "@/lib/units/queries";
import { REFORM_DATE, unitsDateForYear, validOn } from "@/lib/units/rules";
import type { TReportQuery } from "./schemas";

const unitInclude = { province: { select: { id: true, fullName: true } } } as const;

/** Units one level below the report's unit, as they stood in the report's year. */
export type ChildLevel = "province" | "district" | "commune";

export function childLevel(unit: DashboardUnit, year: number): ChildLevel {
  if (unit.level === "NATION") return "province";
  if (unit.level === "PROVINCE" && unitsDateForYear(year) < REFORM_DATE) return "district";
  return "commune"; // a district, or a province after 1/7/2025 (no districts)
}

export const CHILD_LABELS: Record<ChildLevel, string> = { province: "Tỉnh, thành phố", district: "Huyện", commune: "Xã" };

const isValidOn = (u: { validFrom: Date; validTo: Date | null }, d: Date) => u.validFrom <= d && (u.validTo === null || u.validTo > d);

/**
 * The report's unit. `year` (null when the report has none) checks that a unit asked for existed
 * then: districts end on 1/7/2025, and a province merged on that day has no later figures. A
 * district is shown as it stood in the year (its version of that year when its name, type or
 * province changed since: the communes of the year sit under that version). A province of today
 * asked for an earlier year covers the provinces it succeeded.
 */
export async function resolveReportUnit(viewer: Viewer, query: Pick<TReportQuery, "tinh" | "huyen">, year: number | null): Promise<DashboardUnit> {
  if (viewer.unitId !== null && viewer.unitLevel !== "PROVINCE" && viewer.unitLevel !== "DISTRICT") {
    throw forbidden("Báo cáo tổng hợp dành cho cán bộ cấp tỉnh, cấp huyện và trung ương.");
  }
  const wanted = query.huyen ?? query.tinh;
  if (wanted === undefined) {
    if (viewer.unitId === null) return NATION;
    const own = await db.adminUnit.findUniqueOrThrow({ where: { id: viewer.unitId }, include: unitInclude });
    if (own.level === "DISTRICT" && year !== null) {
      // the district as it stood that year; none (after 1/7/2025): unitsOfTheTimeNote says so
      const version = await unitVersionOn(own.id, unitsDateForYear(year));
      if (version) return toDashboardUnit({ ...version, level: "DISTRICT" });
    }
    return toDashboardUnit({ ...own, level: own.level === "DISTRICT" ? "DISTRICT" : "PROVINCE" });
  }
  const level = query.huyen !== undefined ? "DISTRICT" : "PROVINCE";
  const unit = await db.adminUnit.findUnique({ where: { id: wanted }, include: unitInclude });
  if (!unit || unit.level !== level) {
    throw new AppError("VALIDATION", level === "DISTRICT" ? `Không có huyện mã số ${wanted}.` : `Không có tỉnh, thành phố mã số ${wanted}.`);
  }
  if (!isUnitInScope(viewer, unit)) {
    throw forbidden(`${unit.fullName} nằm ngoài phạm vi quản lý của bạn (${viewer.unitName ?? "toàn quốc"}).`);
  }
  const date = year === null ? null : unitsDateForYear(year);
  if (date !== null && !isValidOn(unit, date)) {
    if (unit.level === "DISTRICT") {
      const version = await unitVersionOn(unit.id, date);
      if (version && isUnitInScope(viewer, version)) return toDashboardUnit({ ...version, level: "DISTRICT" });
      if (date >= REFORM_DATE) throw new AppError("VALIDATION", `Từ 1/7/2025 không còn cấp huyện: ${unit.fullName} chỉ có số liệu đến năm 2025.`);
      throw new AppError(
        "VALIDATION",
        unit.validFrom > date
          ? `${unit.fullName} có trong danh mục đơn vị hành chính từ ${formatDate(unit.validFrom)}: chưa có số liệu năm ${year}.`
          : `${unit.fullName} không còn trong danh mục đơn vị hành chính năm ${year}.`,
      );
    }
    if (date >= REFORM_DATE) {
      throw new AppError("VALIDATION", `${unit.fullName} không còn từ 1/7/2025: chọn năm 2025 trở về trước, hoặc tỉnh, thành phố hiện nay.`);
    }
  }
  return toDashboardUnit({ ...unit, level });
}

/**
 * A line saying which units a year's figures use when they differ from the unit's name: a
 * province of today shown for a year before 1/7/2025 covers the provinces of that year it
 * succeeded (as they stood at the year's units date); a unit that ended on 1/7/2025 has no
 * figures after.
 */
export async function unitsOfTheTimeNote(unit: DashboardUnit, year: number): Promise<string | null> {
  const date = unitsDateForYear(year);
  if (unit.unitId === null) return null;
  if (date >= REFORM_DATE) {
    // a viewer's own unit that ended on 1/7/2025 (asked for explicitly, it is refused instead)
    const own = await db.adminUnit.findUniqueOrThrow({ where: { id: unit.unitId }, select: { validFrom: true, validTo: true } });
    return isValidOn(own, date) ? null : `${unit.name} không còn từ 1/7/2025 nên không có số liệu năm ${year}.`;
  }
  if (unit.level !== "PROVINCE" || !unit.scope.provinceIds) return null;
  const old = await db.adminUnit.findMany({ where: { id: { in: unit.scope.provinceIds }, ...validOn(date) }, select: { id: true, fullName: true } });
  if (old.length === 1 && old[0].id === unit.unitId) return null;
  const names = old.map((o) => o.fullName).sort((a, b) => a.localeCompare(b, "vi"));
  return `Số liệu năm ${year} theo đơn vị hành chính tại ngày ${formatDate(date)} (trước 1/7/2025): ${names.join(", ")}.`;
}
