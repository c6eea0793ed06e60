// The tables of each report, built from the dashboard reads (lib/dashboard, lib/ocop, lib/capital,
// lib/tasks) so a report and the dashboard of the same unit and year show the same numbers.
import type { Viewer } from "@/lib/authz";
import { criterionOptions } from "@/lib/capital/queries";
import { bandOf, bandsFor } from "@/lib/criteria/rules";
import { breakdown, communesOf, criterionHeatmap, summaryFigures } from "@/lib/dashboard/queries";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { capitalTable, ocopTable, type Column, type TableData, type TableRequest, type TableRow } from "@/lib/dashboard/tables";
import { asOfLabel, defaultAsOf } from "@/lib/figures/definitions";
import { formatNumber } from "@/lib/format";
import { listCertifiedProducts } from "@/lib/ocop/queries";
import { COUNCIL_LEVEL_LABELS, OCOP_GROUP_LABELS } from "@/lib/ocop/rules";
import { TITLE_LABELS } from "@/lib/recognition/rules";
import { getScorecard } from "@/lib/tasks/queries";
import { TASK_CLASS_LABELS } from "@/lib/tasks/rules";
import { REFORM_DATE, unitsDateForYear } from "@/lib/units/rules";
import { listRecognisedCommunes } from "./queries";
import { CHILD_LABELS, childLevel } from "./scope";

export interface ReportParams {
  unit: DashboardUnit;
  /** the report's year (the default reporting year when none was chosen) */
  year: number;
  /** false when the viewer chose no year: reports without a year of their own cover every year */
  yearChosen: boolean;
  /** the calendar date in Vietnam the report is produced on */
  today: Date;
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");
const STT: Column = { key: "stt", label: "STT", kind: "int" };
const numbered = (rows: TableRow[]) => rows.map((r, i) => ({ stt: i + 1, ...r }));

function request(p: ReportParams): TableRequest {
  return { unit: p.unit, year: p.year, asOf: defaultAsOf(p.year, p.today), byTodaysProvinces: false, publicOnly: false, basePath: "" };
}

/** (1) Communes by number of criteria met (19 · 15–18 · 10–14 · 5–9 · <5), per unit one level down. */
export async function bandsByUnitTables(_viewer: Viewer, p: ReportParams): Promise<TableData[]> {
  const level = childLevel(p.unit, p.year);
  const total = await summaryFigures(p.year, p.unit.scope);
  const bands = bandsFor(total.criteriaTotal);
  let rows: TableRow[];
  if (level === "commune") {
    const communes = (await communesOf(p.year, p.unit.scope)).sort(byName);
    rows = communes.map((c) => {
      const band = bandOf(c.criteriaMet, bands).key;
      return { name: c.name, assessed: 1, ...Object.fromEntries(bands.map((b) => [`band:${b.key}`, b.key === band ? 1 : 0])), average: c.criteriaMet };
    });
  } else {
    // summaries keep a zero row where every assessment of a unit was deleted: not a unit to report
    const units = (await breakdown(p.year, p.unit.scope, { by: level })).filter((u) => u.communesAssessed > 0).sort(byName);
    rows = units.map((u) => ({ name: u.name, assessed: u.communesAssessed, ...Object.fromEntries(bands.map((b) => [`band:${b.key}`, u.bands[b.key] ?? 0])), average: u.averageCriteria }));
  }
  return [
    {
      name: "xa-theo-nhom-tieu-chi",
      title: `Số xã theo nhóm số tiêu chí đạt năm ${p.year}`,
      columns: [
        STT,
        { key: "name", label: CHILD_LABELS[level], kind: "text" },
        { key: "assessed", label: "Số xã được đánh giá", kind: "int" },
        ...bands.map((b): Column => ({ key: `band:${b.key}`, label: b.label, kind: "int" })),
        { key: "average", label: "Bình quân tiêu chí/xã", kind: "decimal2" },
      ],
      rows: numbered(rows),
      total: {
        name: "Tổng cộng",
        assessed: total.communesAssessed,
        ...Object.fromEntries(bands.map((b) => [`band:${b.key}`, total.bands[b.key] ?? 0])),
        average: total.averageCriteria,
      },
    },
  ];
}

/** (2) Communes holding a recognition decision in force at the end of the year (or today for the current year). */
export async function recognisedCommunesTables(_viewer: Viewer, p: ReportParams): Promise<TableData[]> {
  const asOf = defaultAsOf(p.year, p.today);
  const communes = await listRecognisedCommunes(p.year, p.unit.scope, asOf);
  const withDistrict = p.unit.level !== "DISTRICT" && unitsDateForYear(p.year) < REFORM_DATE;
  const withProvince = p.unit.level === "NATION";
  return [
    {
      name: "xa-dat-chuan",
      title: `Danh sách xã đạt chuẩn nông thôn mới (có quyết định công nhận) ${asOfLabel(asOf)}`,
      columns: [
        STT,
        { key: "commune", label: "Xã", kind: "text" },
        ...(withDistrict ? [{ key: "district", label: "Huyện", kind: "text" } as const] : []),
        ...(withProvince ? [{ key: "province", label: "Tỉnh, thành phố", kind: "text" } as const] : []),
        { key: "level", label: "Danh hiệu", kind: "text" },
        { key: "decisionNumber", label: "Số quyết định công nhận", kind: "text" },
        { key: "decisionDate", label: "Ngày quyết định", kind: "date" },
        { key: "signer", label: "Người ký", kind: "text" },
        { key: "met", label: "Tiêu chí đạt (báo cáo gần nhất)", kind: "text" },
      ],
      rows: numbered(
        communes.map((c) => ({
          commune: c.commune,
          district: c.district,
          province: c.province,
          level: TITLE_LABELS[c.level],
          decisionNumber: c.decisionNumber,
          decisionDate: isoDate(c.decisionDate),
          signer: c.signer,
          met: c.reportYear === null ? "Chưa có báo cáo" : `${c.criteriaMet}/${c.criteriaTotal} (năm ${c.reportYear})`,
        })),
      ),
      total: { commune: `Tổng cộng: ${formatNumber(communes.length)} xã` },
    },
  ];
}

/** (3) Units one level down × criteria: communes not meeting each criterion (cơ bản đạt counts as not met). */
export async function unmetCriteriaTables(_viewer: Viewer, p: ReportParams): Promise<TableData[]> {
  const level = childLevel(p.unit, p.year);
  let criteria: { number: number; name: string }[];
  let rows: TableRow[];
  if (level === "commune") {
    const [list, communes] = await Promise.all([criterionOptions(p.year), communesOf(p.year, p.unit.scope)]);
    criteria = list;
    rows = communes.sort(byName).map((c) => ({
      name: c.name,
      assessed: 1,
      ...Object.fromEntries(criteria.map((k) => [`c${k.number}`, c.metMask & (1 << (k.number - 1)) ? 0 : 1])),
    }));
  } else {
    const heat = await criterionHeatmap(p.year, p.unit.scope, level);
    criteria = heat.criteria;
    rows = heat.rows.filter((u) => u.assessed > 0).sort(byName).map((u) => ({
      name: u.name,
      assessed: u.assessed,
      ...Object.fromEntries(criteria.map((k) => [`c${k.number}`, u.assessed - (u.met[k.number] ?? 0)])),
    }));
  }
  const sum = (key: string) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
  return [
    {
      name: "tieu-chi-chua-dat",
      title: `Số xã chưa đạt từng tiêu chí năm ${p.year}`,
      columns: [
        STT,
        { key: "name", label: CHILD_LABELS[level], kind: "text" },
        { key: "assessed", label: "Số xã được đánh giá", kind: "int" },
        ...criteria.map((k): Column => ({ key: `c${k.number}`, label: `${k.number}. ${k.name}`, short: `TC\u00a0${k.number}`, kind: "int" })),
      ],
      rows: numbered(rows),
      total: { name: "Tổng cộng", assessed: sum("assessed"), ...Object.fromEntries(criteria.map((k) => [`c${k.number}`, sum(`c${k.number}`)])) },
    },
  ];
}

/** (4) OCOP products holding a certificate in force on 31/12 of the year, with the deciding council, and the count by stars. */
export async function ocopListTables(_viewer: Viewer, p: ReportParams): Promise<TableData[]> {
  const asOf = new Date(Date.UTC(p.year, 11, 31));
  const area = p.unit.level === "PROVINCE" ? { provinceId: p.unit.unitId! } : p.unit.level === "DISTRICT" ? { districtId: p.unit.unitId! } : {};
  const [products, byStars] = await Promise.all([listCertifiedProducts({ ...area, asOf }), ocopTable(request(p))]);
  return [
    {
      name: "san-pham-ocop",
      title: `Danh sách sản phẩm OCOP còn hiệu lực đến 31/12/${p.year}`,
      columns: [
        STT,
        { key: "name", label: "Tên sản phẩm", kind: "text" },
        { key: "group", label: "Nhóm sản phẩm", kind: "text" },
        { key: "producer", label: "Chủ thể", kind: "text" },
        { key: "commune", label: "Xã", kind: "text" },
        { key: "area", label: p.unit.level === "DISTRICT" ? "Huyện" : "Huyện, tỉnh", kind: "text" },
        { key: "stars", label: "Hạng sao", kind: "int" },
        { key: "score", label: "Điểm", kind: "decimal2" },
        { key: "council", label: "Hội đồng đánh giá", kind: "text" },
        { key: "decisionNo", label: "Số quyết định", kind: "text" },
        { key: "decisionDate", label: "Ngày quyết định", kind: "date" },
        { key: "expiresAt", label: "Hết hiệu lực từ ngày", kind: "date" },
      ],
      rows: numbered(
        products.map((x) => ({
          name: x.name,
          group: OCOP_GROUP_LABELS[x.group],
          producer: x.producer,
          commune: x.commune,
          area: [x.district, x.province].filter(Boolean).join(", "),
          stars: x.stars,
          score: x.totalScore,
          council: COUNCIL_LEVEL_LABELS[x.councilLevel as keyof typeof COUNCIL_LEVEL_LABELS] ?? x.councilLevel,
          decisionNo: x.decisionNo,
          decisionDate: isoDate(x.decisionDate),
          expiresAt: isoDate(x.expiresAt),
        })),
      ),
      total: { name: `Tổng cộng: ${formatNumber(products.length)} sản phẩm` },
    },
    byStars,
  ];
}

/** (5) Capital allocated and disbursed in the year by source (million VND), with the rate. */
export async function capitalTables(_viewer: Viewer, p: ReportParams): Promise<TableData[]> {
  return [(await capitalTable(request(p))).table];
}

/** (6) Notice tasks per assignee organisation: done on time, done late, overdue, in progress, as of today. */
export async function taskScorecardTables(viewer: Viewer, p: ReportParams): Promise<TableData[]> {
  const area = p.unit.level === "PROVINCE" ? { provinceIds: p.unit.scope.provinceIds } : p.unit.level === "DISTRICT" ? { districtId: p.unit.unitId! } : undefined;
  const period = p.yearChosen ? { from: new Date(Date.UTC(p.year, 0, 1)), to: new Date(Date.UTC(p.year, 11, 31)) } : {};
  const { rows, total } = await getScorecard(viewer, { ...period, area }, p.today);
  const rate = (r: number | null) => (r === null ? null : Math.round(r * 10) / 10);
  return [
    {
      name: "thuc-hien-nhiem-vu",
      title: p.yearChosen ? `Kết quả thực hiện nhiệm vụ có thời hạn trong năm ${p.year}` : "Kết quả thực hiện nhiệm vụ tại các thông báo kết luận",
      columns: [
        STT,
        { key: "organisation", label: "Đơn vị chủ trì", kind: "text" },
        { key: "unit", label: "Địa bàn", kind: "text" },
        { key: "total", label: "Tổng số nhiệm vụ", kind: "int" },
        { key: "onTime", label: TASK_CLASS_LABELS.DONE_ON_TIME, kind: "int" },
        { key: "late", label: TASK_CLASS_LABELS.DONE_LATE, kind: "int" },
        { key: "overdue", label: `${TASK_CLASS_LABELS.OVERDUE} (chưa hoàn thành)`, kind: "int" },
        { key: "inProgress", label: TASK_CLASS_LABELS.IN_PROGRESS, kind: "int" },
        { key: "rate", label: "Tỷ lệ hoàn thành đúng hạn (%)", kind: "percent" },
      ],
      rows: numbered(
        rows.map((r) => ({
          organisation: r.organisation.name,
          unit: r.organisation.unitName,
          total: r.tally.total,
          onTime: r.tally.DONE_ON_TIME,
          late: r.tally.DONE_LATE,
          overdue: r.tally.OVERDUE,
          inProgress: r.tally.IN_PROGRESS,
          rate: rate(r.tally.onTimeRate),
        })),
      ),
      total: { organisation: "Tổng cộng", total: total.total, onTime: total.DONE_ON_TIME, late: total.DONE_LATE, overdue: total.OVERDUE, inProgress: total.IN_PROGRESS, rate: rate(total.onTimeRate) },
    },
  ];
}
