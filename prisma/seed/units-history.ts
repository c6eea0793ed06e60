// Administrative units 2015–2025 with the validity of their time, from the GSO snapshots in
// prisma/data/units_history (sources, licences, dates and caveats in its README.md).
//
// A VERSION is one AdminUnit row: a unit as the official list wrote it over an interval.
// - Identity: two snapshots show the same version when level, code, name, type AND parent
//   version are equal (a commune is the same row only under the same district row, a district
//   only under the same province row). The parent belongs to the identity because district and
//   province figures follow parentId/districtId/provinceId: a commune moved to another district,
//   or whose district became a thị xã, is a new row, so each row's parents stand throughout its
//   validity. Names and types are compared exactly as the files write them, so a spelling
//   correction in the list (Nà Pó → Nà Bó) also starts a new version.
// - Validity: a version first seen in snapshot S is valid from S's validity start (README "Which
//   file for which date"); the earliest snapshot's units from 31/08/2015. It ends (validTo,
//   exclusive) at the validity start of the first later snapshot where it is absent or
//   different. A change made between two snapshots is therefore dated at the later one's start
//   (the earliest date the files prove it) — except where the date is known (below).
// - The last snapshot before 1/7/2025 is the 1/3/2025 state already in the database
//   (units_2025-03-01, loaded by units.ts): a 1/3/2025 row identical to a version of the
//   snapshots IS that version — its validFrom moves back, its id stays (users, content and demo
//   data point at it).
// - Succession: where a code continues at a snapshot with another name, type or parent, the old
//   version → the new one (FULL, effective the change date, legal basis naming the GSO list).
//   A code that vanishes (merged into a neighbour) has no successor: the files do not say where
//   it went. Codes corrected by GSO (Cầu Đất 11353 → 11344, README caveat 2) are not linked.
// - 31/12/2024 (no snapshot between 01/11/2024 and 01/01/2025): Thái Nguyên's changes took
//   effect 01/12/2024 (1240/NQ-UBTVQH15, README), so its units of units_2025-01-01 start then.
//   Other provinces that differ between the two files change on 01/01/2025, the bracket the files
//   prove: on 31/12/2024 they show the state of 01/11/2024 (changes of those provinces in force
//   01/12/2024 are not known to the data); the 28 provinces identical in both are established.
// - Island districts without communes (rows with empty commune columns) are districts only.
//
// loadUnitsHistory runs inside the seed's transaction after the 1/3/2025 and 1/7/2025 units,
// and, through ensureUnitsHistory, on a database seeded before this history existed (npm start,
// npm run db:migrate): one code path, idempotent (a database holding any unit valid before
// 1/3/2025 is left alone). Demo assessments already in such a database are not regenerated:
// they stay on the 1/3/2025 rows they were written for.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { insertRows, type Sql } from "./sql.ts";
import { COMMUNE_TYPE, DATA, DISTRICT_TYPE, FULL_NAME_PREFIX, foldVietnamese, mapType, PROVINCE_TYPE, provinceRegions, unitSlug } from "./unit-labels.ts";

/** The first day of the 1/3/2025 units (NQ 1365/NQ-UBTVQH15) and the reform that ended them. */
export const OLD_FROM = "2025-03-01";
const REFORM_DATE = "2025-07-01";

interface SnapshotSpec {
  file: string;
  /** first day its units stand: README "Which file for which date" */
  from: string;
  /** the GSO list date the legal basis of its changes names */
  list: string;
  /** provinces whose changes since the previous snapshot took effect on a known, earlier date */
  knownDates?: Record<string, { from: string; basis: string }>;
}

/** The snapshots in date order (prisma/data/units_history/README.md, table "Snapshots"). */
export const SNAPSHOTS: SnapshotSpec[] = [
  { file: "units_2016-12-27.csv", from: "2015-08-31", list: "31/08/2015" },
  { file: "units_2017-12-13.csv", from: "2017-12-13", list: "13/12/2017" },
  { file: "units_2018-10-16.csv", from: "2018-10-16", list: "16/10/2018" },
  { file: "units_2019-12-01.csv", from: "2019-12-01", list: "01/12/2019" },
  { file: "units_2020-01-01.csv", from: "2020-01-01", list: "01/01/2020" },
  { file: "units_2020-06-01.csv", from: "2020-06-01", list: "01/06/2020" },
  { file: "units_2020-11-01.csv", from: "2020-11-01", list: "01/11/2020" },
  { file: "units_2021-11-01.csv", from: "2021-11-01", list: "01/11/2021" },
  { file: "units_2022-10-01.csv", from: "2022-10-01", list: "01/10/2022" },
  { file: "units_2023-04-10.csv", from: "2023-04-10", list: "10/04/2023" },
  { file: "units_2024-11-01.csv", from: "2024-11-01", list: "01/11/2024" },
  {
    file: "units_2025-01-01.csv",
    from: "2025-01-01",
    list: "01/01/2025",
    knownDates: { "19": { from: "2024-12-01", basis: "NQ 1240/NQ-UBTVQH15 (hiệu lực 01/12/2024)" } },
  },
];
const FINAL_LIST = "01/03/2025 (NQ 1365/NQ-UBTVQH15)";

const HEADER = "province_code,province_name,province_type,district_code,district_name,district_type,commune_code,commune_name,commune_type,commune_full_name";

type Level = "PROVINCE" | "DISTRICT" | "COMMUNE";

interface Listed {
  name: string;
  type: string; // UnitType
  fullName: string;
  parentCode: string | null;
  provinceCode: string;
}

/** One snapshot: the units it lists by level and code. */
interface State {
  PROVINCE: Map<string, Listed>;
  DISTRICT: Map<string, Listed>;
  COMMUNE: Map<string, Listed>;
}

const emptyState = (): State => ({ PROVINCE: new Map(), DISTRICT: new Map(), COMMUNE: new Map() });

/** The files hold no quotes and no commas inside fields (checked): a split is exact and ~10× faster than csv-parse. */
function readSnapshot(file: string): State {
  const lines = readFileSync(join(DATA, "units_history", file), "utf8").split(/\r?\n/).filter((l) => l !== "");
  if (lines[0].replace(/^\uFEFF/, "") !== HEADER) throw new Error(`${file}: unexpected header`);
  const state = emptyState();
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split(",");
    if (f.length !== 10 || lines[i].includes('"')) throw new Error(`${file}:${i + 1}: expected 10 plain fields`);
    const [pCode, pName, pType, dCode, dName, dType, cCode, cName, cType, cFull] = f;
    if (!state.PROVINCE.has(pCode)) {
      const type = mapType(PROVINCE_TYPE, pType);
      state.PROVINCE.set(pCode, { name: pName, type, fullName: `${FULL_NAME_PREFIX[type]} ${pName}`, parentCode: null, provinceCode: pCode });
    }
    if (!state.DISTRICT.has(dCode)) {
      const type = mapType(DISTRICT_TYPE, dType);
      state.DISTRICT.set(dCode, { name: dName, type, fullName: `${FULL_NAME_PREFIX[type]} ${dName}`, parentCode: pCode, provinceCode: pCode });
    }
    if (cCode === "") continue; // an island district without communes
    if (state.COMMUNE.has(cCode)) throw new Error(`${file}: commune ${cCode} listed twice`);
    state.COMMUNE.set(cCode, { name: cName, type: mapType(COMMUNE_TYPE, cType), fullName: cFull, parentCode: dCode, provinceCode: pCode });
  }
  return state;
}

let snapshotsCache: State[] | null = null;
/** Every snapshot file, parsed once per process. */
export function readSnapshots(): State[] {
  snapshotsCache ??= SNAPSHOTS.map((s) => readSnapshot(s.file));
  return snapshotsCache;
}

/** Every (province code, name) the snapshots hold: what provinceRegions matches its CSV against. */
export function snapshotProvinceNames(): [string, string][] {
  return readSnapshots().flatMap((s) => [...s.PROVINCE].map(([code, p]): [string, string] => [code, p.name]));
}

interface Version extends Listed {
  level: Level;
  code: string;
  parent: Version | null;
  validFrom: string;
  validTo: string; // exclusive; the last versions end with the reform
  id?: number;
}

interface Link {
  predecessor: Version;
  successor: Version;
  date: string;
  basis: string;
}

/**
 * Folds the snapshots, then the 1/3/2025 state, into versions and the successions between the
 * versions of one code (see the header for the rules).
 */
export function buildVersions(snapshots: State[], final: State): { versions: Version[]; open: Version[]; links: Link[] } {
  const versions: Version[] = [];
  const links: Link[] = [];
  // by level and code: the version in the last snapshot folded
  const open: Record<Level, Map<string, Version>> = { PROVINCE: new Map(), DISTRICT: new Map(), COMMUNE: new Map() };
  const steps = [
    ...SNAPSHOTS.map((spec, i) => ({ state: snapshots[i], spec })),
    { state: final, spec: { from: OLD_FROM, list: FINAL_LIST, knownDates: undefined } as Pick<SnapshotSpec, "from" | "list" | "knownDates"> },
  ];
  for (const { state, spec } of steps) {
    const start = (provinceCode: string) => spec.knownDates?.[provinceCode]?.from ?? spec.from;
    const basis = (provinceCode: string) => spec.knownDates?.[provinceCode]?.basis ?? `Danh mục đơn vị hành chính của Tổng cục Thống kê ngày ${spec.list}`;
    for (const level of ["PROVINCE", "DISTRICT", "COMMUNE"] as const) {
      const parents = level === "COMMUNE" ? open.DISTRICT : open.PROVINCE;
      const current = open[level];
      for (const [code, v] of current) {
        if (!state[level].has(code)) {
          v.validTo = start(v.provinceCode);
          current.delete(code);
        }
      }
      for (const [code, u] of state[level]) {
        const parent = u.parentCode === null ? null : parents.get(u.parentCode)!;
        const was = current.get(code);
        if (was && was.name === u.name && was.type === u.type && was.parent === parent) continue;
        const from = start(u.provinceCode);
        // built field by field: object spread here costs seconds (V8's slow path for these records)
        const version: Version = {
          level, code, name: u.name, type: u.type, fullName: u.fullName, parentCode: u.parentCode, provinceCode: u.provinceCode,
          parent, validFrom: from, validTo: REFORM_DATE,
        };
        if (was) {
          was.validTo = from;
          links.push({ predecessor: was, successor: version, date: from, basis: basis(u.provinceCode) });
        }
        versions.push(version);
        current.set(code, version);
      }
    }
  }
  for (const v of versions) {
    if (v.validFrom >= v.validTo) throw new Error(`unit ${v.level} ${v.code} ${v.name}: empty validity ${v.validFrom}–${v.validTo}`);
  }
  return { versions, open: [...open.PROVINCE.values(), ...open.DISTRICT.values(), ...open.COMMUNE.values()], links };
}

interface StoredUnit {
  id: number;
  level: Level;
  code: string;
  name: string;
  type: string;
  parentId: number | null;
  provinceCode: string;
  parentCode: string | null;
  fullName: string;
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
];

export interface HistoryCounts {
  historyProvinces: number;
  historyDistricts: number;
  historyCommunes: number;
  /** 1/3/2025 rows whose validFrom moved back to an earlier snapshot */
  unitsExtended: number;
  historySuccessions: number;
}

/**
 * Adds the units of 2015–2025 to a database holding the 1/3/2025 units: older versions inserted,
 * 1/3/2025 rows extended back, successions between versions of one code. Runs in the caller's
 * transaction; returns null (and changes nothing) when the history is already there or the
 * database has no units yet.
 */
export async function loadUnitsHistory(sql: Sql): Promise<HistoryCounts | null> {
  const { rows: before } = await sql.query(`SELECT 1 FROM "AdminUnit" WHERE "validFrom" < $1::date LIMIT 1`, [OLD_FROM]);
  if (before.length) return null;
  const { rows: stored } = await sql.query<StoredUnit>(
    `SELECT u.id, u.level::text AS level, u.code, u.name, u.type::text AS type, u."parentId", u."fullName",
            COALESCE(p.code, u.code) AS "provinceCode", parent.code AS "parentCode"
       FROM "AdminUnit" u
       LEFT JOIN "AdminUnit" p ON p.id = u."provinceId"
       LEFT JOIN "AdminUnit" parent ON parent.id = u."parentId"
      WHERE u."validFrom" = $1::date AND u."validTo" = $2::date`,
    [OLD_FROM, REFORM_DATE],
  );
  if (stored.length === 0) return null;

  // the 1/3/2025 state as the database holds it: the last step of the fold
  const final = emptyState();
  const storedByKey = new Map<string, StoredUnit>();
  for (const u of stored) {
    final[u.level].set(u.code, { name: u.name, type: u.type, fullName: u.fullName, parentCode: u.parentCode, provinceCode: u.provinceCode });
    storedByKey.set(`${u.level}:${u.code}`, u);
  }
  const { versions, open, links } = buildVersions(readSnapshots(), final);
  for (const v of open) v.id = storedByKey.get(`${v.level}:${v.code}`)!.id;
  for (const v of open) {
    if ((v.parent?.id ?? null) !== storedByKey.get(`${v.level}:${v.code}`)!.parentId) {
      throw new Error(`unit ${v.level} ${v.code}: its 1/3/2025 parent is not the version the history found`);
    }
  }

  const extended = open.filter((v) => v.validFrom < OLD_FROM);
  await sql.query(
    `UPDATE "AdminUnit" u SET "validFrom" = x.valid_from FROM unnest($1::int[], $2::date[]) AS x(id, valid_from) WHERE u.id = x.id`,
    [extended.map((v) => v.id), extended.map((v) => v.validFrom)],
  );

  const regions = provinceRegions(snapshotProvinceNames());
  const counts: HistoryCounts = { historyProvinces: 0, historyDistricts: 0, historyCommunes: 0, unitsExtended: extended.length, historySuccessions: 0 };
  const countKey = { PROVINCE: "historyProvinces", DISTRICT: "historyDistricts", COMMUNE: "historyCommunes" } as const;
  for (const level of ["PROVINCE", "DISTRICT", "COMMUNE"] as const) {
    const todo = versions.filter((v) => v.level === level && v.id === undefined);
    const rows = todo.map((v) => {
      const province = level === "PROVINCE" ? null : level === "DISTRICT" ? v.parent! : v.parent!.parent!;
      const region = regions.get(v.provinceCode);
      if (!region) throw new Error(`no NTM region for province ${v.provinceCode}`);
      return [level, v.type, v.code, v.name, v.fullName, foldVietnamese(v.name), unitSlug(v.name), v.validFrom, v.validTo,
        v.parent?.id ?? null, province?.id ?? null, level === "COMMUNE" ? v.parent!.id : null, region];
    });
    const inserted = await insertRows<{ id: number; code: string; validFrom: string }>(sql, "AdminUnit", unitColumns, rows, {
      returning: `id, code, "validFrom"::text AS "validFrom"`,
    });
    const idOf = new Map(inserted.map((r) => [`${r.code}|${r.validFrom}`, r.id]));
    for (const v of todo) v.id = idOf.get(`${v.code}|${v.validFrom}`)!;
    counts[countKey[level]] = inserted.length;
  }

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
    links.map((l) => [l.predecessor.id, l.successor.id, "FULL", l.date, l.basis]),
  );
  counts.historySuccessions = links.length;
  return counts;
}

/** Serialises two processes bringing the history into one database (npm start beside db:migrate). */
const LOCK_ID = 72707371;

/**
 * npm start / npm run db:migrate: brings the 2015–2025 units into a database seeded before they
 * existed, in one transaction; does nothing on an empty database (the seed loads them) or one
 * that has them.
 */
export async function ensureUnitsHistory(url: string, log: (m: string) => void = (m) => console.log(m)): Promise<HistoryCounts | null> {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query("BEGIN");
    await sql.query("SELECT pg_advisory_xact_lock($1)", [LOCK_ID]);
    const counts = await loadUnitsHistory(sql);
    await sql.query("COMMIT");
    if (counts) {
      await sql.query(`ANALYZE "AdminUnit"`);
      await sql.query(`ANALYZE "UnitSuccession"`);
      const n = (v: number) => v.toLocaleString("vi-VN");
      log(
        `Đã nạp đơn vị hành chính 2015–2025: thêm ${n(counts.historyProvinces)} tỉnh, ${n(counts.historyDistricts)} huyện, ` +
          `${n(counts.historyCommunes)} xã/phường/thị trấn; ${n(counts.unitsExtended)} đơn vị của ngày 1/3/2025 nay có hiệu lực từ ngày sớm hơn.`,
      );
    }
    return counts;
  } catch (err) {
    await sql.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await sql.end();
  }
}
