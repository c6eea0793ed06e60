// Fixtures shared by the OCOP, capital, plan and survey integration tests: the places they write
// to, a snapshot of every table these areas own (a refused call must leave it as it was) and the
// smallest real images.
import { db } from "@/lib/db";
import { communeByCode, onDate } from "./helpers";

/** The first bytes of a real 1×1 PNG (the upload check reads the content, not the name). */
export const PNG_1x1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);
/** A PDF header: a real file, but not an image. */
export const PDF_HEAD = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

const TABLES = ["OcopProducer", "OcopProduct", "OcopEvaluation", "CapitalLine", "CapitalDisbursement", "PlanEntry", "RoadmapItem", "Survey", "SurveyResponse", "StoredFile", "StoredFileChunk"] as const;
/** the order of a table's rows: by id, or by its key when it has no id */
const ORDER: Partial<Record<(typeof TABLES)[number], string>> = { StoredFileChunk: `t."fileId", t.seq` };

/** A fingerprint of every row of the tables these areas write, and the audit log's length. */
export async function snapshotProgramme(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const t of TABLES) {
    const [row] = await db.$queryRawUnsafe<{ n: number; h: string | null }[]>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY ${ORDER[t] ?? "t.id"})) AS h FROM "${t}" t`);
    out[t] = `${row.n}:${row.h ?? ""}`;
  }
  out.audit = await db.auditLog.count();
  return out;
}

export interface Places {
  /** Xã Tân Thành, Huyện Phú Bình, Thái Nguyên (before 1/7/2025) */
  tanThanh: number;
  /** a xã of another district of Thái Nguyên (before 1/7/2025) */
  otherDistrict: number;
  /** a xã of Cao Bằng (before 1/7/2025) */
  caoBang: number;
  /** Xã Tân Thành of today's Thái Nguyên (no district) */
  newTanThanh: number;
  /** the province of Thái Nguyên before 1/7/2025 (capital lines at province level) */
  province: number;
}

export async function loadPlaces(): Promise<Places> {
  const tanThanh = await communeByCode("05923", "2025-03-01");
  const otherDistrict = await db.adminUnit.findFirstOrThrow({
    where: { level: "COMMUNE", type: "XA", provinceId: tanThanh.provinceId, districtId: { not: tanThanh.districtId }, ...onDate("2025-03-01") },
    orderBy: { code: "asc" },
  });
  const caoBang = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", province: { code: "04" }, ...onDate("2025-03-01") }, orderBy: { code: "asc" } });
  return {
    tanThanh: tanThanh.id,
    otherDistrict: otherDistrict.id,
    caoBang: caoBang.id,
    newTanThanh: (await communeByCode("05923", "2025-07-01")).id,
    province: tanThanh.provinceId!,
  };
}

/** Plan, capital and survey years that fit a place: its units' years (up to 2025 before the reform). */
export const yearsOf = (place: keyof Places) =>
  place === "newTanThanh" ? { plan: 2026, capital: 2026, survey: 2026 } : { plan: 2023, capital: 2024, survey: 2025 };
