// The open data API (GET /api/v1/thong-ke): the official figures of the nation, a province or a
// district for a year, as at a day (`den-ngay`, default: the end of the year's units, or today for
// the year under way). Codes are read as they stood that day (codes were reused by the 2025
// reform: 44 is Quảng Bình up to 30/6/2025 and the new Quảng Trị after).
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { db } from "@/lib/db";
import { latestCorrectionDate } from "@/lib/corrections/queries";
import { isoDateInVietnam } from "@/lib/corrections/rules";
import type { DashboardScope } from "@/lib/dashboard/queries";
import { AppError } from "@/lib/errors";
import { communesDay, defaultAsOf, FIGURE_NAMES, parseAsOf, programmeListLabel, recognisedSentence } from "@/lib/figures/definitions";
import { officialFigures } from "@/lib/figures/queries";
import { todayInVietnam } from "@/lib/format";
import { REFORM_DATE, unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";

export const LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.vi) — ghi nguồn: Cổng thông tin Nông thôn mới";

const day = z
  .string()
  .refine((s) => parseAsOf(s) !== null, "Tham số den-ngay là một ngày dạng yyyy-mm-dd, ví dụ den-ngay=2020-06-30.")
  .transform((s) => parseAsOf(s)!);

export const ZStatsQuery = z.object({
  nam: z.coerce.number({ message: "Tham số nam phải là một năm, ví dụ nam=2024." }).int("Tham số nam phải là một năm.").min(2016, "Chưa có số liệu trước năm 2016.").max(2035, "Năm không hợp lệ.").optional(),
  "den-ngay": day.optional(),
  tinh: z.string().regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số, ví dụ tinh=19.").optional(),
  huyen: z.string().regex(/^\d{3}$/, "Mã huyện gồm 3 chữ số, ví dụ huyen=173.").optional(),
  dinh_dang: z.enum(["json", "csv"], { message: "dinh_dang là json hoặc csv." }).optional(),
  /** `cham-phay`: a CSV Excel set to Vietnamese opens in columns */
  phan_cach: z.enum(["phay", "cham-phay"], { message: "phan_cach là phay hoặc cham-phay." }).optional(),
});
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

export const ZStatsResponse = z.object({
  year: z.number().describe("Năm của báo cáo"),
  asOf: z.string().describe("Ngày báo cáo (ISO): quyết định còn hiệu lực, báo cáo đã xác nhận đến ngày này"),
  unit: z.object({ level: z.enum(["NATION", "PROVINCE", "DISTRICT"]), code: z.string().nullable(), name: z.string() }),
  criteriaSet: z.object({ code: z.string(), name: z.string(), decision: z.string(), criteria: z.number() }),
  recognised: z.object({
    name: z.string(),
    communes: z.number().describe("Số xã có quyết định công nhận còn hiệu lực"),
    percent: z.number().describe("Tỷ lệ trên danh sách xã thực hiện Chương trình (một chữ số thập phân)"),
    denominator: z.number(),
    denominatorSource: z.string(),
    text: z.string().describe("Câu như báo cáo viết: \"103 xã đạt chuẩn NTM, đạt tỷ lệ 72%\""),
  }),
  advanced: z.number(),
  model: z.number(),
  notMaintained: z.number().describe("Đã đạt chuẩn nhưng chưa duy trì đủ tiêu chí"),
  communesOnDay: z.number().describe("Số xã trong danh mục đơn vị hành chính của năm"),
  reports: z.object({
    confirmed: z.number(),
    fullCriteria: z.number(),
    fullCriteriaPercent: z.number(),
    averageCriteria: z.number(),
    bands: z.record(z.string(), z.number()),
    bandsProvisional: z.boolean().describe("Nhóm của bộ 10 tiêu chí là tạm tính"),
  }),
  correctedAt: z.string().nullable(),
  licence: z.string(),
});
export type OpenStats = z.infer<typeof ZStatsResponse>;

export async function openStatistics(q: TStatsQuery, today = todayInVietnam()): Promise<OpenStats> {
  const asked = q["den-ngay"] ?? null;
  const year = q.nam ?? (asked ? asked.getUTCFullYear() : today.getUTCFullYear());
  const asOf = asked ?? defaultAsOf(year, today);
  let unit: OpenStats["unit"] = { level: "NATION", code: null, name: "Toàn quốc" };
  let scope: DashboardScope = {};
  const code = q.huyen ?? q.tinh;
  if (code) {
    const level = q.huyen ? "DISTRICT" : "PROVINCE";
    const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
    const found = await db.adminUnit.findFirst({ where: { level, code, ...validOn(unitsDay) }, orderBy: { validFrom: "desc" }, select: { id: true, code: true, fullName: true } });
    if (!found) {
      const noDistricts = level === "DISTRICT" && unitsDay >= REFORM_DATE ? " (từ 1/7/2025 không còn cấp huyện)" : "";
      throw new AppError("NOT_FOUND", `Không có ${level === "DISTRICT" ? "huyện" : "tỉnh"} mã ${code} trong năm ${year}${noDistricts}.`);
    }
    unit = { level, code: found.code, name: found.fullName };
    scope = level === "DISTRICT" ? { districtId: found.id } : { provinceIds: await unitWithPredecessors(found.id) };
  }
  const [f, correctedAt] = await Promise.all([officialFigures(scope, year, asOf), latestCorrectionDate(year, scope)]);
  return {
    year,
    asOf: asOf.toISOString().slice(0, 10),
    unit,
    criteriaSet: { code: f.set.code, name: f.set.name, decision: f.set.decision, criteria: f.set.total },
    recognised: {
      name: FIGURE_NAMES.recognised,
      communes: f.recognised,
      percent: f.recognisedPercent,
      denominator: f.programme.size,
      denominatorSource: programmeListLabel({ source: f.programme.sources.join("; ") || null, size: f.programme.size, phase: f.programme.phase, isDefault: f.programme.isDefault, on: f.programme.start }),
      text: recognisedSentence(f.recognised, f.recognisedPercent),
    },
    advanced: f.advanced,
    model: f.model,
    notMaintained: f.notMaintained,
    communesOnDay: f.communesOnDay,
    reports: {
      confirmed: f.reports.confirmed,
      fullCriteria: f.reports.fullCriteria,
      fullCriteriaPercent: f.reports.fullCriteriaPercent,
      averageCriteria: f.reports.averageCriteria,
      bands: f.reports.bands,
      bandsProvisional: f.set.provisionalBands,
    },
    correctedAt: isoDateInVietnam(correctedAt),
    licence: LICENCE,
  };
}

/** One row per request, Vietnamese headers; `;` for Excel set to Vietnamese (its list separator). */
export function statsToCsv(s: OpenStats, delimiter: "," | ";" = ","): string {
  const bandKeys = Object.keys(s.reports.bands);
  const header = [
    "nam", "den_ngay", "cap", "ma", "don_vi", "bo_tieu_chi",
    "so_xa_dat_chuan_co_quyet_dinh", "ty_le_dat_chuan", "so_xa_danh_sach_chuong_trinh", "nguon_danh_sach",
    "so_xa_nang_cao", "so_xa_kieu_mau", "so_xa_chua_duy_tri", "so_xa_danh_muc_ngay",
    "so_xa_co_bao_cao_xac_nhan", "so_xa_dat_du_tieu_chi", "binh_quan_tieu_chi",
    ...bandKeys.map((k) => `so_xa_${k}`), "ngay_dieu_chinh", "giay_phep",
  ];
  const row = [
    s.year, s.asOf, s.unit.level, s.unit.code ?? "", s.unit.name, s.criteriaSet.decision,
    s.recognised.communes, s.recognised.percent, s.recognised.denominator, s.recognised.denominatorSource,
    s.advanced, s.model, s.notMaintained, s.communesOnDay,
    s.reports.confirmed, s.reports.fullCriteria, s.reports.averageCriteria,
    ...bandKeys.map((k) => s.reports.bands[k]), s.correctedAt ?? "", s.licence,
  ];
  // with ";" the file is for Excel set to Vietnamese, which also reads "," as the decimal mark
  const number = (v: number) => (delimiter === ";" ? String(v).replace(".", ",") : String(v));
  return `\uFEFF${stringify([header, row], { delimiter, record_delimiter: "windows", cast: { number } })}`;
}
