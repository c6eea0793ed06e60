// Open data, commune by commune (GET /api/v1/xa): the xã of a province or district standing on a
// day, each with the title it holds that day and its decision, and its latest confirmed report
// of the year. JSON or CSV; the same definitions as /api/v1/thong-ke (lib/figures).
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { communesDay, defaultAsOf, parseAsOf } from "@/lib/figures/definitions";
import { todayInVietnam } from "@/lib/format";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import { LICENCE } from "./open-data";

export const ZCommunesQuery = z.object({
  tinh: z.string().regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số, ví dụ tinh=19.").optional(),
  huyen: z.string().regex(/^\d{3}$/, "Mã huyện gồm 3 chữ số, ví dụ huyen=173.").optional(),
  nam: z.coerce.number({ message: "Tham số nam phải là một năm, ví dụ nam=2024." }).int().min(2016, "Chưa có số liệu trước năm 2016.").max(2035, "Năm không hợp lệ.").optional(),
  "den-ngay": z
    .string()
    .refine((s) => parseAsOf(s) !== null, "Tham số den-ngay là một ngày dạng yyyy-mm-dd, ví dụ den-ngay=2020-06-30.")
    .transform((s) => parseAsOf(s)!)
    .optional(),
  dinh_dang: z.enum(["json", "csv"], { message: "dinh_dang là json hoặc csv." }).optional(),
  phan_cach: z.enum(["phay", "cham-phay"], { message: "phan_cach là phay hoặc cham-phay." }).optional(),
}).refine((q) => q.tinh || q.huyen, { message: "Cần tham số tinh hoặc huyen (danh sách xã của một tỉnh hoặc một huyện)." });
export type TCommunesQuery = z.infer<typeof ZCommunesQuery>;

export const ZCommuneRecord = z.object({
  code: z.string().describe("Mã xã (TCTK), như đơn vị đứng vào ngày báo cáo"),
  name: z.string(),
  district: z.string().nullable(),
  title: z.enum(["NTM", "ADVANCED", "MODEL"]).nullable().describe("Danh hiệu đang giữ vào ngày báo cáo: NTM, NTM nâng cao, NTM kiểu mẫu"),
  decision: z.object({ number: z.string(), date: z.string(), signer: z.string(), criteriaSet: z.string() }).nullable(),
  report: z.object({ year: z.number(), status: z.string(), criteriaMet: z.number(), criteriaTotal: z.number(), confirmedAt: z.string().nullable() }).nullable(),
});
export type TCommuneRecord = z.infer<typeof ZCommuneRecord>;

export const ZCommunesResponse = z.object({
  year: z.number(),
  asOf: z.string().describe("Ngày báo cáo (ISO)"),
  unit: z.object({ level: z.enum(["PROVINCE", "DISTRICT"]), code: z.string(), name: z.string() }),
  communes: z.array(ZCommuneRecord),
  licence: z.string(),
});
export type TCommunesResponse = z.infer<typeof ZCommunesResponse>;

export async function openCommunes(q: TCommunesQuery, today = todayInVietnam()): Promise<TCommunesResponse> {
  const asked = q["den-ngay"] ?? null;
  const year = q.nam ?? (asked ? asked.getUTCFullYear() : today.getUTCFullYear());
  const asOf = asked ?? defaultAsOf(year, today);
  const unitsDay = communesDay(year, asOf, unitsDateForYear(year));
  const level = q.huyen ? "DISTRICT" : "PROVINCE";
  const code = (q.huyen ?? q.tinh)!;
  const unit = await db.adminUnit.findFirst({ where: { level, code, ...validOn(unitsDay) }, orderBy: { validFrom: "desc" }, select: { id: true, code: true, fullName: true } });
  if (!unit) throw new AppError("NOT_FOUND", `Không có ${level === "DISTRICT" ? "huyện" : "tỉnh"} mã ${code} vào ngày ${unitsDay.toISOString().slice(0, 10)}.`);
  const scope = level === "DISTRICT" ? Prisma.sql`u."districtId" = ${unit.id}` : Prisma.sql`u."provinceId" = ANY(${await unitWithPredecessors(unit.id)})`;
  const rows = await db.$queryRaw<{ code: string; name: string; district: string | null; level: TCommuneRecord["title"]; number: string | null; date: Date | null; signer: string | null; set: string | null; year: number | null; status: string | null; met: number | null; total: number | null; confirmedAt: Date | null }[]>`
    SELECT u.code, u."fullName" AS name, d."fullName" AS district,
           t.level, t."decisionNumber" AS number, t."decisionDate" AS date, t.signer, t.set,
           a.year, a.status::text AS status, a."criteriaMet" AS met, a."criteriaTotal" AS total, a."confirmedAt"
    FROM "AdminUnit" u
    LEFT JOIN "AdminUnit" d ON d.id = u."districtId"
    LEFT JOIN LATERAL (
      SELECT r.level::text AS level, r."decisionNumber", r."decisionDate", r.signer, s.decision AS set FROM "Recognition" r JOIN "CriteriaSet" s ON s.id = r."setId"
      WHERE r."unitId" = u.id AND r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)
      ORDER BY array_position(ARRAY['NTM', 'ADVANCED', 'MODEL'], r.level::text) DESC LIMIT 1
    ) t ON TRUE
    LEFT JOIN LATERAL (
      SELECT a.year, a.status, a."criteriaMet", a."criteriaTotal", a."confirmedAt" FROM "Assessment" a
      WHERE a."unitId" = u.id AND a.year <= ${year} AND a.status = 'CONFIRMED' AND a."confirmedAt" < ${new Date(asOf.getTime() + 86_400_000)}
      ORDER BY a.year DESC LIMIT 1
    ) a ON TRUE
    WHERE u.level = 'COMMUNE' AND u.type = 'XA' AND u."validFrom" <= ${unitsDay}::date AND (u."validTo" IS NULL OR u."validTo" > ${unitsDay}::date) AND ${scope}
    ORDER BY u.code`;
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    year,
    asOf: asOf.toISOString().slice(0, 10),
    unit: { level, code: unit.code, name: unit.fullName },
    communes: rows.map((r) => ({
      code: r.code,
      name: r.name,
      district: r.district,
      title: r.level,
      decision: r.number ? { number: r.number, date: iso(r.date)!, signer: r.signer!, criteriaSet: r.set! } : null,
      report: r.year ? { year: r.year, status: r.status!, criteriaMet: r.met!, criteriaTotal: r.total!, confirmedAt: iso(r.confirmedAt) } : null,
    })),
    licence: LICENCE,
  };
}

const TITLE_WORDS: Record<string, string> = { NTM: "Đạt chuẩn NTM", ADVANCED: "NTM nâng cao", MODEL: "NTM kiểu mẫu" };

export function communesToCsv(r: TCommunesResponse, delimiter: "," | ";" = ","): string {
  const header = ["ma_xa", "ten_xa", "huyen", "danh_hieu", "so_quyet_dinh", "ngay_quyet_dinh", "nguoi_ky", "bo_tieu_chi", "nam_bao_cao", "tieu_chi_dat", "tong_tieu_chi", "ngay_xac_nhan", "den_ngay", "giay_phep"];
  const rows = r.communes.map((c) => [
    c.code, c.name, c.district ?? "", c.title ? TITLE_WORDS[c.title] : "", c.decision?.number ?? "", c.decision?.date ?? "", c.decision?.signer ?? "", c.decision?.criteriaSet ?? "",
    c.report?.year ?? "", c.report?.criteriaMet ?? "", c.report?.criteriaTotal ?? "", c.report?.confirmedAt ?? "", r.asOf, r.licence,
  ]);
  return `\uFEFF${stringify([header, ...rows], { delimiter, record_delimiter: "windows" })}`;
}
