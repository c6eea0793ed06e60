// The open data API (GET /api/v1/thong-ke): public figures of the nation, a province or a
// district for a year. Codes are read as they stood that year (codes were reused by the 2025
// reform: 44 is Quảng Bình up to 30/6/2025 and the new Quảng Trị after).
import { z } from "zod";
import { db } from "@/lib/db";
import { latestCorrectionDate } from "@/lib/corrections/queries";
import { isoDateInVietnam } from "@/lib/corrections/rules";
import { summaryFigures, type DashboardScope } from "@/lib/dashboard/queries";
import { AppError } from "@/lib/errors";
import { REFORM_DATE, unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/users/queries";

export const ZStatsQuery = z.object({
  nam: z.coerce.number({ message: "Tham số nam phải là một năm, ví dụ nam=2024." }).int("Tham số nam phải là một năm.").min(2010, "Chưa có số liệu trước năm 2010.").max(2035, "Năm không hợp lệ."),
  tinh: z.string().regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số, ví dụ tinh=19.").optional(),
  huyen: z.string().regex(/^\d{3}$/, "Mã huyện gồm 3 chữ số, ví dụ huyen=173.").optional(),
  dinh_dang: z.enum(["json", "csv"], { message: "dinh_dang là json hoặc csv." }).optional(),
});
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

export interface OpenStats {
  year: number;
  unit: { level: "NATION" | "PROVINCE" | "DISTRICT"; code: string | null; name: string };
  communesAssessed: number;
  communesReached: number;
  reachedPercent: number;
  averageCriteria: number;
  bands: Record<string, number>;
  /** the day (ISO, Vietnam) of the latest approved correction of these figures; null when never corrected */
  correctedAt: string | null;
}

export async function openStatistics(q: TStatsQuery): Promise<OpenStats> {
  let unit: OpenStats["unit"] = { level: "NATION", code: null, name: "Toàn quốc" };
  let scope: DashboardScope = {};
  const code = q.huyen ?? q.tinh;
  if (code) {
    const level = q.huyen ? "DISTRICT" : "PROVINCE";
    const found = await db.adminUnit.findFirst({ where: { level, code, ...validOn(unitsDateForYear(q.nam)) }, select: { id: true, code: true, fullName: true } });
    if (!found) {
      const noDistricts = level === "DISTRICT" && unitsDateForYear(q.nam) >= REFORM_DATE ? " (từ 1/7/2025 không còn cấp huyện)" : "";
      throw new AppError("NOT_FOUND", `Không có ${level === "DISTRICT" ? "huyện" : "tỉnh"} mã ${code} trong năm ${q.nam}${noDistricts}.`);
    }
    unit = { level, code: found.code, name: found.fullName };
    scope = level === "DISTRICT" ? { districtId: found.id } : { provinceIds: await unitWithPredecessors(found.id) };
  }
  const [f, correctedAt] = await Promise.all([summaryFigures(q.nam, scope, true), latestCorrectionDate(q.nam, scope)]);
  return {
    year: q.nam,
    unit,
    communesAssessed: f.communesAssessed,
    communesReached: f.communesReached,
    reachedPercent: f.reachedPercent,
    averageCriteria: f.averageCriteria,
    bands: f.bands,
    correctedAt: isoDateInVietnam(correctedAt),
  };
}

export function statsToCsv(s: OpenStats): string {
  const bandKeys = Object.keys(s.bands);
  // ngay_dieu_chinh last: columns only ever added at the end, so existing readers keep working
  const header = ["nam", "cap", "ma", "don_vi", "so_xa_danh_gia", "so_xa_dat_chuan", "ty_le_dat_chuan", "binh_quan_tieu_chi", ...bandKeys.map((k) => `so_xa_${k}`), "ngay_dieu_chinh"];
  const row = [s.year, s.unit.level, s.unit.code ?? "", `"${s.unit.name}"`, s.communesAssessed, s.communesReached, s.reachedPercent, s.averageCriteria, ...bandKeys.map((k) => s.bands[k]), s.correctedAt ?? ""];
  return `\uFEFF${header.join(",")}\r\n${row.join(",")}\r\n`;
}
