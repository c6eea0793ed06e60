// Real administrative units (prisma/data): every province, district and commune of 1/3/2025
// (thanglequoc/vietnamese-provinces-database, MIT), the 34 provinces and 3,321 communes of
// 1/7/2025, the succession mapping between them (dvhcvn/20250701, MIT), the 30/4/2026 change in
// Đồng Nai, and — through units-history.ts — the units of every GSO snapshot 2015–2025 with the
// validity of their time (the 1/3/2025 rows identical to older versions reach back to them).
// Provinces, districts and pre-reform communes carry the NTM region of province_regions.csv.
// Loaded with bulk inserts (~17,100 units and ~12,450 succession rows in seconds).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { insertRows, type Sql } from "./sql.ts";
import { loadUnitsHistory, OLD_FROM, snapshotProvinceNames } from "./units-history.ts";
import { COMMUNE_TYPE, DATA, DISTRICT_TYPE, mapType, PROVINCE_TYPE, provinceRegions } from "./unit-labels.ts";

export const REFORM_DATE = "2025-07-01";
const DONG_NAI_CITY_DATE = "2026-04-30"; // NQ 30/2026/QH16 + 237/NQ-UBTVQH16
const REFORM_BASIS = "NQ 202/2025/QH15; NQ 1654–1687/NQ-UBTVQH15; QĐ 19/2025/QĐ-TTg";

type Row = Record<string, string>;
const readCsv = (rel: string): Row[] => parse(readFileSync(join(DATA, rel)), { columns: true, skip_empty_lines: true, bom: true });

export interface UnitMaps {
  /** old (1/3/2025) units by code */
  oldProvince: Map<string, number>;
  oldDistrict: Map<string, number>;
  oldCommune: Map<string, number>;
  /** new (1/7/2025) units by code */
  newProvince: Map<string, number>;
  newCommune: Map<string, number>;
  counts: Record<string, number>;
}

const unitColumns = [
  { name: "level", type: "UnitLevel" },
  { name: "type", type: "UnitType" },
  { name: "code", type: "text" },
  { name: "name", type: "text" },
  { name: "fullName", type: "text" },
  { name: "nameEn", type: "text" },
  { name: "slug", type: "text" },
  { name: "validFrom", type: "date" },
  { name: "validTo", type: "date" },
  { name: "parentId", type: "int" },
  { name: "provinceId", type: "int" },
  { name: "districtId", type: "int" },
  { name: "region", type: "NtmRegion" },
  { name: "communeGroup", type: "int" },
  { name: "communeGroupIsSample", type: "boolean" },
];

async function insertUnits(sql: Sql, rows: unknown[][]): Promise<Map<string, number>> {
  const inserted = await insertRows<{ id: number; code: string }>(sql, "AdminUnit", unitColumns, rows, {
    returning: "id, code",
  });
  return new Map(inserted.map((r) => [r.code, r.id]));
}

/**
 * Commune group (1/2/3) of QĐ 51/2025 is set by each province; no official list exists in
 * prisma/data. Sample values, flagged communeGroupIsSample, so that the 2026–2030 thresholds can
 * be shown: xã of the northern mountains and the Central Highlands → group 3, other xã → 2,
 * đặc khu → 3; phường are outside the commune criteria.
 */
function sampleCommuneGroup(type: string, regions: Set<string>): number | null {
  if (type === "PHUONG") return null;
  if (type === "DAC_KHU") return 3;
  return regions.has("TDMNPB") || regions.has("TN") ? 3 : 2;
}

/**
 * `history: false` loads only the units of 1/3/2025 onwards: the database of a seed made before
 * the 2015–2025 history existed (tests of ensureUnitsHistory).
 */
export async function seedUnits(sql: Sql, opts: { history?: boolean } = {}): Promise<UnitMaps> {
  const oldProvinces = readCsv("units_2025-03-01/provinces.csv");
  const oldDistricts = readCsv("units_2025-03-01/districts.csv");
  const oldCommunes = readCsv("units_2025-03-01/communes.csv");
  const newProvinces = readCsv("units_2025-07-01/provinces.csv");
  const newCommunes = readCsv("units_2025-07-01/communes.csv");
  const currentCommunes = new Map(readCsv("units_current/communes.csv").map((r) => [r.code, r]));
  const currentProvinces = new Map(readCsv("units_current/provinces.csv").map((r) => [r.code, r]));
  const communeMapping = readCsv("mapping_2025-07-01/commune_mapping.csv");
  const provinceMapping = readCsv("mapping_2025-07-01/province_mapping.csv");

  // ── before the reform (valid 1/3/2025 – 30/6/2025; loadUnitsHistory below moves back the
  // validFrom of those that stood unchanged before) ──
  const provinceRegion = provinceRegions([...snapshotProvinceNames(), ...oldProvinces.map((p): [string, string] => [p.code, p.name])]);
  const oldProvince = await insertUnits(
    sql,
    oldProvinces.map((p) => {
      const region = provinceRegion.get(p.code);
      if (!region) throw new Error(`province_regions.csv has no region for ${p.name}`);
      return ["PROVINCE", mapType(PROVINCE_TYPE, p.unit_type), p.code, p.name, p.full_name, p.name_en, p.code_name,
        OLD_FROM, REFORM_DATE, null, null, null, region, null, false];
    }),
  );
  const oldDistrict = await insertUnits(
    sql,
    oldDistricts.map((d) => {
      const pid = oldProvince.get(d.province_code)!;
      return ["DISTRICT", mapType(DISTRICT_TYPE, d.unit_type), d.code, d.name, d.full_name, d.name_en, d.code_name,
        OLD_FROM, REFORM_DATE, pid, pid, null, provinceRegion.get(d.province_code), null, false];
    }),
  );
  const oldCommuneRegion = new Map<string, string>();
  const oldCommune = await insertUnits(
    sql,
    oldCommunes.map((c) => {
      const did = oldDistrict.get(c.district_code)!;
      const region = provinceRegion.get(c.province_code)!;
      oldCommuneRegion.set(c.code, region);
      return ["COMMUNE", mapType(COMMUNE_TYPE, c.unit_type), c.code, c.name, c.full_name, c.name_en, c.code_name,
        OLD_FROM, REFORM_DATE, did, oldProvince.get(c.province_code), did, region, null, false];
    }),
  );

  // ── from 1/7/2025: 34 provinces, communes directly under them ──
  const newProvince = await insertUnits(
    sql,
    newProvinces.map((p) => {
      const current = currentProvinces.get(p.code);
      // Đồng Nai became a centrally-run city on 30/4/2026 with the same territory: one row, current type
      const type = mapType(PROVINCE_TYPE, current?.unit_type ?? p.unit_type);
      return ["PROVINCE", type, p.code, p.name, current?.full_name ?? p.full_name, p.name_en, p.code_name,
        REFORM_DATE, null, null, null, null, null, null, false];
    }),
  );
  const predecessorRegions = new Map<string, Set<string>>();
  for (const m of communeMapping) {
    const region = oldCommuneRegion.get(m.old_commune_code);
    if (!region) continue;
    const set = predecessorRegions.get(m.new_commune_code) ?? new Set<string>();
    set.add(region);
    predecessorRegions.set(m.new_commune_code, set);
  }
  const changedLater = newCommunes.filter((c) => currentCommunes.get(c.code)?.unit_type !== c.unit_type);
  const changedCodes = new Set(changedLater.map((c) => c.code));
  const newCommune = await insertUnits(
    sql,
    newCommunes.map((c) => {
      const pid = newProvince.get(c.province_code)!;
      const type = mapType(COMMUNE_TYPE, c.unit_type);
      const group = sampleCommuneGroup(type, predecessorRegions.get(c.code) ?? new Set());
      return ["COMMUNE", type, c.code, c.name, c.full_name, c.name_en, c.code_name,
        REFORM_DATE, changedCodes.has(c.code) ? DONG_NAI_CITY_DATE : null, pid, pid, null, null, group, group !== null];
    }),
  );
  // 30/4/2026: ten xã of Đồng Nai became phường (same territory, new type → a new unit version)
  const becamePhuong = await insertUnits(
    sql,
    changedLater.map((c) => {
      const cur = currentCommunes.get(c.code)!;
      const pid = newProvince.get(c.province_code)!;
      return ["COMMUNE", mapType(COMMUNE_TYPE, cur.unit_type), c.code, cur.name, cur.full_name, cur.name_en, cur.code_name,
        DONG_NAI_CITY_DATE, null, pid, pid, null, null, null, false];
    }),
  );

  // ── succession ──
  const succession: unknown[][] = [];
  for (const p of provinceMapping) {
    succession.push([oldProvince.get(p.old_province_code), newProvince.get(p.new_province_code), "FULL", REFORM_DATE, "NQ 202/2025/QH15"]);
  }
  let skipped = 0;
  for (const m of communeMapping) {
    const successorId = newCommune.get(m.new_commune_code);
    // five island districts (3-digit codes) became special zones
    const predecessorId = m.old_commune_code.length === 3 ? oldDistrict.get(m.old_commune_code) : oldCommune.get(m.old_commune_code);
    if (!successorId || !predecessorId) {
      // 12 old codes of the mapping are not in the 1/3/2025 list (see prisma/data/README.md): communes
      // merged away before 1/3/2025, whose history rows end then; their successor is not linked here
      skipped++;
      continue;
    }
    succession.push([predecessorId, successorId, m.merge_type === "partial" ? "PARTIAL" : "FULL", REFORM_DATE, REFORM_BASIS]);
  }
  for (const c of changedLater) {
    succession.push([newCommune.get(c.code), becamePhuong.get(c.code), "FULL", DONG_NAI_CITY_DATE, "NQ 237/NQ-UBTVQH16"]);
  }
  // the same (predecessor, successor) pair can be listed twice in the source: keep the first
  const seen = new Set<string>();
  const unique = succession.filter((r) => {
    const key = `${r[0]}-${r[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await insertRows(
    sql,
    "UnitSuccession",
    [
      { name: "predecessorId", type: "int" },
      { name: "successorId", type: "int" },
      { name: "kind", type: "SuccessionKind" },
      { name: "effectiveDate", type: "date" },
      { name: "legalBasis", type: "text" },
    ],
    unique,
  );

  // ── 2015–2025: the GSO snapshots (units-history.ts) ──
  const history = opts.history === false ? {} : await loadUnitsHistory(sql);
  if (!history) throw new Error("the units history did not load");

  return {
    oldProvince,
    oldDistrict,
    oldCommune,
    newProvince,
    newCommune,
    counts: {
      oldProvinces: oldProvince.size,
      oldDistricts: oldDistrict.size,
      oldCommunes: oldCommune.size,
      newProvinces: newProvince.size,
      newCommunes: newCommune.size,
      successions: unique.length,
      mappingRowsSkipped: skipped,
      ...history,
    },
  };
}
