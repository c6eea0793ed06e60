// The tables behind every dashboard chart, built once and used three ways: shown under the
// chart (accessibility, print), downloaded as CSV and as XLSX — so all three carry the same numbers.
import { capitalSummary, type CapitalSummary } from "@/lib/capital/queries";
import { bandsFor, checkRevocation } from "@/lib/criteria/rules";
import { ocopByStars } from "@/lib/ocop/queries";
import { planVsActual } from "@/lib/plans/queries";
import { shareOfCommunesCollectingFeedback } from "@/lib/surveys/queries";
import { FEEDBACK_TARGET_PERCENT } from "@/lib/surveys/rules";
import { asOfLabel, defaultAsOf, FIGURE_NAMES } from "@/lib/figures/definitions";
import { districtsWithoutTitle, notMaintainedList, officialBreakdown, officialFigures, officialTrend, type OfficialFigures } from "@/lib/figures/queries";
import { todayInVietnam } from "@/lib/format";
import { communesOf, criterionHeatmap } from "./queries";
import type { DashboardUnit } from "./scope";

/** "date" values are calendar dates as ISO strings ("2024-06-26"). */
export type ColumnKind = "text" | "int" | "percent" | "decimal2" | "date";
export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
  /** a shorter header where space is tight (printed reports), the label as its tooltip */
  short?: string;
}
export type TableRow = Record<string, string | number | null>;
export interface TableData {
  name: string;
  title: string;
  /** a line under the title: unit, period, date produced */
  subtitle?: string;
  columns: Column[];
  rows: TableRow[];
  /** the closing "Tổng cộng" row, kept apart so it is never sorted or counted as a row */
  total?: TableRow;
  /** per row, where a click drills down to */
  links?: (string | null)[];
}

export interface TableRequest {
  unit: DashboardUnit;
  year: number;
  /** the day the figures are read as at (titles in force, reports confirmed by then) */
  asOf: Date;
  byTodaysProvinces: boolean;
  publicOnly: boolean;
  /** the dashboard's base path, for drill-down links */
  basePath: string;
}

const pct = (n: number, d: number) => (d ? Math.round((n * 1000) / d) / 10 : 0);

/** The report figures a band table shows. */
export interface BandFigures {
  year: number;
  criteriaTotal: number;
  provisional: boolean;
  confirmed: number;
  bands: Record<string, number>;
}

/**
 * The headline figures with their names and denominators, this year (as at the day) against the
 * previous year (as at its end) — compared only when both years use the same criteria set.
 */
export async function headlineTable(r: TableRequest): Promise<{ table: TableData; official: OfficialFigures; previous: OfficialFigures; comparable: boolean; bands: BandFigures }> {
  const [official, previous] = await Promise.all([
    officialFigures(r.unit.scope, r.year, r.asOf),
    officialFigures(r.unit.scope, r.year - 1, defaultAsOf(r.year - 1, r.asOf)),
  ]);
  const comparable = official.set.code === previous.set.code;
  const total = official.set.total;
  const line = (label: string, now: number, before: number, kind: ColumnKind) => ({
    label,
    now,
    before: comparable ? before : null,
    change: comparable ? Math.round((now - before) * 100) / 100 : null,
    kind,
  });
  const lines = [
    line(`${FIGURE_NAMES.recognised}`, official.recognised, previous.recognised, "int"),
    line(`Tỷ lệ trên danh sách xã thực hiện Chương trình (%)`, official.recognisedPercent, previous.recognisedPercent, "percent"),
    line("Số xã trong danh sách thực hiện Chương trình", official.programme.size, previous.programme.size, "int"),
    line(FIGURE_NAMES.advanced, official.advanced, previous.advanced, "int"),
    line(FIGURE_NAMES.model, official.model, previous.model, "int"),
    line(FIGURE_NAMES.notMaintained, official.notMaintained, previous.notMaintained, "int"),
    line(FIGURE_NAMES.confirmedReports, official.reports.confirmed, previous.reports.confirmed, "int"),
    line(`${FIGURE_NAMES.fullCriteria(total)} (báo cáo đã xác nhận)`, official.reports.fullCriteria, previous.reports.fullCriteria, "int"),
    line(`${FIGURE_NAMES.average} (trên ${total})`, official.reports.averageCriteria, previous.reports.averageCriteria, "decimal2"),
  ];
  return {
    official,
    previous,
    comparable,
    bands: { year: r.year, criteriaTotal: total, provisional: official.set.provisionalBands, confirmed: official.reports.confirmed, bands: official.reports.bands },
    table: {
      name: "tong-hop",
      title: `Số liệu tổng hợp năm ${r.year} (${asOfLabel(r.asOf)})`,
      subtitle: comparable
        ? `So với năm ${r.year - 1} (${asOfLabel(previous.asOf)}), cùng ${official.set.name}.`
        : `Không so sánh với năm ${r.year - 1}: hai năm áp dụng hai bộ tiêu chí khác nhau (${previous.set.decision} và ${official.set.decision}).`,
      columns: [
        { key: "label", label: "Chỉ tiêu", kind: "text" },
        { key: "now", label: `Năm ${r.year}`, kind: "decimal2" },
        { key: "before", label: `Năm ${r.year - 1}`, kind: "decimal2" },
        { key: "change", label: "Tăng/giảm", kind: "decimal2" },
      ],
      rows: lines.map(({ kind: _k, ...l }) => l),
    },
  };
}

export async function comparisonTable(r: TableRequest): Promise<TableData> {
  const by = r.unit.level === "NATION" ? "province" : "district";
  const rows = r.unit.level === "DISTRICT" ? [] : await officialBreakdown(r.unit.scope, r.year, r.asOf, { by, byTodaysProvinces: r.byTodaysProvinces && by === "province" });
  rows.sort((a, b) => b.recognisedPercent - a.recognisedPercent || a.name.localeCompare(b.name, "vi"));
  const param = by === "province" ? "tinh" : "huyen";
  return {
    name: "so-sanh",
    title: `So sánh các ${by === "province" ? "tỉnh, thành phố" : "huyện"} năm ${r.year} (${asOfLabel(r.asOf)})`,
    columns: [
      { key: "name", label: by === "province" ? "Tỉnh, thành phố" : "Huyện", kind: "text" },
      { key: "programme", label: "Số xã thực hiện Chương trình", kind: "int" },
      { key: "recognised", label: "Số xã đạt chuẩn (có quyết định)", kind: "int" },
      { key: "percent", label: "Tỷ lệ (%)", kind: "percent" },
      { key: "confirmed", label: "Số xã có báo cáo đã xác nhận", kind: "int" },
      { key: "full", label: "Số xã đạt đủ tiêu chí", kind: "int" },
      { key: "average", label: "Bình quân tiêu chí/xã", kind: "decimal2" },
    ],
    rows: rows.map((u) => ({ unitId: u.unitId, code: u.code, name: u.name, programme: u.programme, recognised: u.recognised, percent: u.recognisedPercent, confirmed: u.confirmed, full: u.fullCriteria, average: u.averageCriteria })),
    links: rows.map((u) => (u.unitId ? `${r.basePath}?nam=${r.year}&${param}=${u.unitId}` : null)),
  };
}

export function bandsTable(f: BandFigures): TableData {
  return {
    name: "nhom-tieu-chi",
    title: `Số xã theo số tiêu chí đạt năm ${f.year} (báo cáo đã xác nhận)${f.provisional ? " — nhóm tạm tính" : ""}`,
    subtitle: f.provisional ? "Bộ tiêu chí 2026–2030 có 10 tiêu chí; cách chia nhóm là tạm tính, chưa có văn bản chính thức." : undefined,
    columns: [
      { key: "label", label: "Nhóm", kind: "text" },
      { key: "communes", label: "Số xã", kind: "int" },
      { key: "percent", label: "Tỷ lệ (%)", kind: "percent" },
    ],
    rows: bandsFor(f.criteriaTotal).map((b) => ({ key: b.key, label: b.label, communes: f.bands[b.key] ?? 0, percent: pct(f.bands[b.key] ?? 0, f.confirmed) })),
  };
}

/**
 * Year by year, one series per criteria set: a year's row carries its set, the change of set is
 * marked, and a year without confirmed reports has no figures (a gap, never a zero).
 */
export async function trendTable(r: TableRequest, from: number, to: number): Promise<TableData> {
  const years = await officialTrend(r.unit.scope, from, to, todayInVietnam());
  return {
    name: "xu-huong",
    title: `Kết quả qua các năm ${from}–${to}`,
    subtitle: "Số xã đạt chuẩn tính đến cuối mỗi năm; mỗi bộ tiêu chí một chuỗi số liệu, không so sánh số tiêu chí giữa hai bộ. Năm chưa có báo cáo được xác nhận để trống.",
    columns: [
      { key: "year", label: "Năm", kind: "text" },
      { key: "set", label: "Bộ tiêu chí", kind: "text" },
      { key: "recognised", label: "Số xã đạt chuẩn (có quyết định)", kind: "int" },
      { key: "percent", label: "Tỷ lệ (%)", kind: "percent" },
      { key: "confirmed", label: "Số xã có báo cáo đã xác nhận", kind: "int" },
      { key: "full", label: "Số xã đạt đủ tiêu chí", kind: "int" },
      { key: "average", label: "Bình quân tiêu chí/xã", kind: "decimal2" },
    ],
    rows: years.map((y) => {
      const reported = y.confirmed > 0;
      return {
        year: String(y.year),
        set: y.set,
        recognised: y.programme ? y.recognised : null,
        percent: y.programme ? y.recognisedPercent : null,
        confirmed: reported ? y.confirmed : null,
        full: reported ? y.fullCriteria : null,
        average: reported ? y.averageCriteria : null,
      };
    }),
  };
}

/**
 * Communes holding the title on the day whose latest confirmed report does not meet every
 * criterion, with QĐ 18/2022's test (≥ 50% not met, or 30–50% including a key criterion).
 */
export async function notMaintainedTable(r: TableRequest): Promise<TableData> {
  const rows = await notMaintainedList(r.unit.scope, r.year, r.asOf);
  return {
    name: "chua-duy-tri",
    title: `${FIGURE_NAMES.notMaintained} (${asOfLabel(r.asOf)})`,
    columns: [
      { key: "name", label: "Xã", kind: "text" },
      { key: "decision", label: "Quyết định công nhận", kind: "text" },
      { key: "decisionDate", label: "Ngày quyết định", kind: "date" },
      { key: "report", label: "Báo cáo gần nhất", kind: "text" },
      { key: "revocation", label: "Theo QĐ 18/2022/QĐ-TTg", kind: "text" },
    ],
    rows: rows.map((c) => {
      const failing = c.criteriaTotal - c.criteriaMet;
      const check = checkRevocation({
        recognised: true,
        criteria: Array.from({ length: c.criteriaTotal }, (_, i) => ({ status: i < failing ? "NOT_MET" : "MET", isKey: i === 0 && c.keyFailing })),
      });
      return {
        name: c.name,
        decision: c.decisionNumber,
        decisionDate: c.decisionDate.toISOString().slice(0, 10),
        report: `${c.criteriaMet}/${c.criteriaTotal} tiêu chí (năm ${c.reportYear})`,
        revocation: check.flagged ? "Thuộc diện xem xét thu hồi" : "Chưa thuộc diện thu hồi",
      };
    }),
  };
}

export async function heatmapTable(r: TableRequest): Promise<TableData> {
  const by = r.unit.level === "NATION" ? "province" : "district";
  const { criteria, rows } = await criterionHeatmap(r.year, r.unit.scope, by, r.publicOnly);
  return {
    name: "ban-do-nhiet",
    title: `Tỷ lệ xã đạt từng tiêu chí năm ${r.year} (%)`,
    columns: [{ key: "name", label: by === "province" ? "Tỉnh, thành phố" : "Huyện", kind: "text" }, ...criteria.map((c) => ({ key: `c${c.number}`, label: `${c.number}. ${c.name}`, kind: "percent" as const }))],
    rows: rows.map((row) => ({ name: row.name, ...Object.fromEntries(criteria.map((c) => [`c${c.number}`, pct(row.met[c.number] ?? 0, row.assessed)])) })),
    links: rows.map((row) => `${r.basePath}?nam=${r.year}&${by === "province" ? "tinh" : "huyen"}=${row.unitId}`),
  };
}

export async function whiteDistrictsTable(r: TableRequest): Promise<TableData> {
  const rows = r.unit.level === "DISTRICT" ? [] : await districtsWithoutTitle(r.unit.scope, r.year, r.asOf);
  return {
    name: "huyen-trang",
    title: `Huyện chưa có xã đạt chuẩn (có quyết định công nhận) năm ${r.year}, ${asOfLabel(r.asOf)}`,
    columns: [
      { key: "name", label: "Huyện", kind: "text" },
      { key: "communes", label: "Số xã", kind: "int" },
    ],
    rows: rows.map((d) => ({ name: d.name, communes: d.communes })),
    links: rows.map((d) => `${r.basePath}?nam=${r.year}&huyen=${d.id}`),
  };
}

/** Communes of a district (or of a province after 1/7/2025) with their criteria met. */
export async function communesTable(r: TableRequest, communeHref?: (id: number) => string): Promise<TableData> {
  const rows = await communesOf(r.year, r.unit.scope, r.publicOnly);
  return {
    name: "xa",
    title: `Kết quả các xã năm ${r.year}`,
    columns: [
      { key: "name", label: "Xã", kind: "text" },
      { key: "met", label: "Số tiêu chí đạt", kind: "int" },
      { key: "total", label: "Tổng số tiêu chí", kind: "int" },
      { key: "reached", label: "Đạt chuẩn", kind: "text" },
    ],
    rows: rows.map((c) => ({ name: c.name, met: c.criteriaMet, total: c.criteriaTotal, reached: c.reached ? "Đạt" : "Chưa đạt" })),
    links: communeHref ? rows.map((c) => communeHref(c.communeId)) : undefined,
  };
}

// ───────────── programme figures beside the criteria (issue 7 data) ─────────────

const PLAN_LABELS: Record<string, string> = { NTM: "Đạt chuẩn NTM", ADVANCED: "NTM nâng cao", MODEL: "NTM kiểu mẫu" };

/** The province of a dashboard unit for the programme queries (districts have none). */
function provinceOf(r: TableRequest): number | undefined {
  return r.unit.level === "PROVINCE" ? (r.unit.unitId ?? undefined) : undefined;
}

/** The district of a dashboard unit, for the programme figures that can be narrowed to one. */
function districtOf(r: TableRequest): number | undefined {
  return r.unit.level === "DISTRICT" ? (r.unit.unitId ?? undefined) : undefined;
}

export async function planTable(r: TableRequest): Promise<TableData> {
  const rows = await planVsActual({ year: r.year, provinceId: provinceOf(r) });
  return {
    name: "ke-hoach",
    title: `Kế hoạch đăng ký và kết quả năm ${r.year}`,
    columns: [
      { key: "target", label: "Mục tiêu", kind: "text" },
      { key: "registered", label: "Số xã đăng ký", kind: "int" },
      { key: "reached", label: "Số xã đạt", kind: "int" },
      { key: "percent", label: "Tỷ lệ hoàn thành (%)", kind: "percent" },
    ],
    rows: rows.map((p) => ({ target: PLAN_LABELS[p.target], registered: p.registered, reached: p.reached, percent: pct(p.reached, p.registered) })),
  };
}

export async function ocopTable(r: TableRequest): Promise<TableData> {
  const rows = await ocopByStars({ provinceId: provinceOf(r), districtId: districtOf(r), asOf: new Date(Date.UTC(r.year, 11, 31)) });
  return {
    name: "ocop",
    title: `Sản phẩm OCOP còn hiệu lực đến 31/12/${r.year} theo hạng sao`,
    columns: [
      { key: "stars", label: "Hạng", kind: "text" },
      { key: "products", label: "Số sản phẩm", kind: "int" },
    ],
    rows: rows.map((s) => ({ stars: `${s.stars} sao`, products: s.products })),
    total: { stars: "Tổng cộng", products: rows.reduce((n, s) => n + s.products, 0) },
  };
}

export async function capitalTable(r: TableRequest): Promise<{ table: TableData; summary: CapitalSummary }> {
  const summary = await capitalSummary({ year: r.year, provinceId: provinceOf(r), districtId: districtOf(r) });
  return {
    summary,
    table: {
      name: "von",
      title: `Vốn được giao và giải ngân năm ${r.year} theo nguồn (triệu đồng)`,
      columns: [
        { key: "label", label: "Nguồn vốn", kind: "text" },
        { key: "allocated", label: "Được giao", kind: "int" },
        { key: "disbursed", label: "Đã giải ngân", kind: "int" },
        { key: "rate", label: "Tỷ lệ giải ngân (%)", kind: "percent" },
      ],
      rows: summary.bySource.map((s) => ({ label: s.label, allocated: s.allocated, disbursed: s.disbursed, rate: s.rate })),
      total: { label: "Tổng cộng", allocated: summary.allocated, disbursed: summary.disbursed, rate: summary.rate },
    },
  };
}

export async function feedbackTable(r: TableRequest): Promise<TableData> {
  const f = await shareOfCommunesCollectingFeedback({ year: r.year, provinceId: provinceOf(r) });
  return {
    name: "y-kien",
    title: `Xã lấy ý kiến người dân trực tuyến năm ${r.year} (mục tiêu ≥ ${FEEDBACK_TARGET_PERCENT}%)`,
    columns: [
      { key: "communes", label: "Số xã", kind: "int" },
      { key: "collecting", label: "Số xã có khảo sát trực tuyến", kind: "int" },
      { key: "share", label: "Tỷ lệ (%)", kind: "percent" },
    ],
    rows: [{ communes: f.communes, collecting: f.collecting, share: f.share }],
  };
}
