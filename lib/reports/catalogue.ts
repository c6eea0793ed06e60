// The reports coordination offices send upward as Excel annexes: one entry each, with the
// permission it needs and the function that builds its tables (lib/reports/tables.ts).
import { hasPermission, type Permission, type Viewer } from "@/lib/authz";
import type { TableData } from "@/lib/dashboard/tables";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  bandsByUnitTables,
  capitalTables,
  ocopListTables,
  recognisedCommunesTables,
  taskScorecardTables,
  unmetCriteriaTables,
  type ReportParams,
} from "./tables";

export interface ReportDefinition {
  /** the URL segment: /quan-ly/bao-cao/<key>, /api/bao-cao/<key> */
  key: string;
  title: string;
  description: string;
  permission: Permission;
  /** "year": the figures of one year (the default reporting year when none is chosen); "any-year": every year unless one is chosen */
  period: "year" | "any-year";
  build: (viewer: Viewer, params: ReportParams) => Promise<TableData[]>;
}

export const REPORTS: readonly ReportDefinition[] = [
  {
    key: "xa-theo-nhom-tieu-chi",
    title: "Số xã theo nhóm tiêu chí",
    description: "Số xã đạt 19, 15–18, 10–14, 5–9 và dưới 5 tiêu chí của từng đơn vị cấp dưới, bình quân tiêu chí/xã, có dòng tổng cộng.",
    permission: "dashboard.view",
    period: "year",
    build: bandsByUnitTables,
  },
  {
    key: "xa-dat-chuan",
    title: "Danh sách xã đạt chuẩn nông thôn mới",
    description: "Các xã đang giữ quyết định công nhận đạt chuẩn: số quyết định, ngày quyết định, người ký, mức đạt.",
    permission: "dashboard.view",
    period: "year",
    build: recognisedCommunesTables,
  },
  {
    key: "tieu-chi-chua-dat",
    title: "Số xã chưa đạt từng tiêu chí",
    description: "Đơn vị cấp dưới × từng tiêu chí của bộ tiêu chí: số xã chưa đạt (kể cả cơ bản đạt).",
    permission: "dashboard.view",
    period: "year",
    build: unmetCriteriaTables,
  },
  {
    key: "san-pham-ocop",
    title: "Danh sách sản phẩm OCOP",
    description: "Sản phẩm OCOP còn hiệu lực đến 31/12 của năm: chủ thể, hạng sao, xã, quyết định công nhận; số sản phẩm theo hạng sao.",
    permission: "dashboard.view",
    period: "year",
    build: ocopListTables,
  },
  {
    key: "von-giai-ngan",
    title: "Phân bổ và giải ngân vốn",
    description: "Vốn được giao và đã giải ngân trong năm theo nguồn vốn (triệu đồng), tỷ lệ giải ngân.",
    permission: "dashboard.view",
    period: "year",
    build: capitalTables,
  },
  {
    key: "thuc-hien-nhiem-vu",
    title: "Kết quả thực hiện nhiệm vụ theo thông báo kết luận",
    description: "Theo từng sở, ngành, đơn vị chủ trì: số nhiệm vụ, hoàn thành đúng hạn, hoàn thành quá hạn, quá hạn, đang thực hiện; tính đến ngày lập.",
    permission: "task.scorecard",
    period: "any-year",
    build: taskScorecardTables,
  },
];

export function findReport(key: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.key === key);
}

/** The reports a role may open, in catalogue order. */
export function reportsForRole(role: Role): ReportDefinition[] {
  return REPORTS.filter((r) => hasPermission(role, r.permission));
}
