// What the unit files write → what the database stores: type labels → UnitType, province → NTM
// region (prisma/data/province_regions.csv), and the ASCII forms (slug, English name) the
// 1/3/2025 files carry and older snapshots do not. Shared by units.ts and units-history.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const DATA = join(process.cwd(), "prisma/data");

export const PROVINCE_TYPE: Record<string, string> = { "Tỉnh": "TINH", "Thành phố": "THANH_PHO_TW" };
export const DISTRICT_TYPE: Record<string, string> = {
  "Huyện": "HUYEN",
  "Quận": "QUAN",
  "Thị xã": "THI_XA",
  "Thành phố thuộc tỉnh": "THANH_PHO_THUOC_TINH",
  "Thành phố thuộc thành phố trực thuộc trung ương": "THANH_PHO_THUOC_TP",
};
export const COMMUNE_TYPE: Record<string, string> = {
  "Xã": "XA",
  "Phường": "PHUONG",
  "Thị trấn": "THI_TRAN",
  "Đặc khu tại hải đảo": "DAC_KHU",
};

/** The prefix of a unit's official name ("Thành phố Thái Nguyên", "Tỉnh Thái Nguyên"). */
export const FULL_NAME_PREFIX: Record<string, string> = {
  TINH: "Tỉnh",
  THANH_PHO_TW: "Thành phố",
  HUYEN: "Huyện",
  QUAN: "Quận",
  THI_XA: "Thị xã",
  THANH_PHO_THUOC_TINH: "Thành phố",
  THANH_PHO_THUOC_TP: "Thành phố",
  XA: "Xã",
  PHUONG: "Phường",
  THI_TRAN: "Thị trấn",
  DAC_KHU: "Đặc khu",
};

export function mapType(table: Record<string, string>, label: string): string {
  const t = table[label];
  if (!t) throw new Error(`Unknown unit type "${label}"`);
  return t;
}

/** Vietnamese without diacritics ("Đắk R'Lấp" → "Dak R'Lap"): the files' name_en. */
export function foldVietnamese(text: string): string {
  return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** The files' code_name: "Đắk R'Lấp" → "dak_rlap", "Bà Rịa - Vũng Tàu" → "ba_ria_vung_tau". */
export function unitSlug(name: string): string {
  return foldVietnamese(name).toLowerCase().replace(/'/g, "").replace(/\s+-\s+/g, " ").trim().replace(/\s+/g, "_");
}

const provinceKey = (name: string) => foldVietnamese(name).toLowerCase().replace(/^tp\.\s*/, "").trim();

/**
 * The NTM region (QĐ 1980/2016, 318/2022) of each pre-2025 province, by province code, from
 * prisma/data/province_regions.csv (by name; Quảng Ninh → DBSH). `names` gives every name a
 * province code has carried (Thừa Thiên Huế and Huế are both 46); a province of the files the
 * CSV does not name, or a CSV row no province matches, stops the seed.
 */
export function provinceRegions(names: Iterable<[code: string, name: string]>): Map<string, string> {
  const csv = readFileSync(join(DATA, "province_regions.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(","));
  const byName = new Map(csv.map(([name, region]) => [provinceKey(name), region]));
  const used = new Set<string>();
  const regions = new Map<string, string>();
  for (const [code, name] of names) {
    const region = byName.get(provinceKey(name));
    if (!region) continue;
    used.add(provinceKey(name));
    const known = regions.get(code);
    if (known && known !== region) throw new Error(`province_regions.csv gives province ${code} two regions`);
    regions.set(code, region);
  }
  const unused = csv.filter(([name]) => !used.has(provinceKey(name))).map(([name]) => name);
  if (unused.length) throw new Error(`province_regions.csv names provinces no unit file has: ${unused.join(", ")}`);
  return regions;
}
