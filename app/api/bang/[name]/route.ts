import { getViewer } from "@/lib/auth";
import { hasPermission } from "@/lib/authz";
import { parsePeriod } from "@/lib/dashboard/period";
import { resolveDashboardUnit } from "@/lib/dashboard/scope";
import { bandsTable, capitalTable, communesTable, comparisonTable, feedbackTable, headlineTable, heatmapTable, notMaintainedTable, ocopTable, planTable, trendTable, whiteDistrictsTable, type TableData, type TableRequest } from "@/lib/dashboard/tables";
import { tablesToXlsx, tableToCsv } from "@/lib/exports/table-file";

const BUILDERS: Record<string, (r: TableRequest) => Promise<TableData>> = {
  "tong-hop": async (r) => (await headlineTable(r)).table,
  "so-sanh": comparisonTable,
  "nhom-tieu-chi": async (r) => bandsTable((await headlineTable(r)).bands),
  "xu-huong": (r) => trendTable(r, 2016, Math.max(r.year, 2026)),
  "ban-do-nhiet": heatmapTable,
  "huyen-trang": whiteDistrictsTable,
  "chua-duy-tri": notMaintainedTable,
  xa: (r) => communesTable(r),
  "ke-hoach": planTable,
  ocop: ocopTable,
  von: async (r) => (await capitalTable(r)).table,
  "y-kien": feedbackTable,
};

/** A dashboard table as CSV or XLSX: public figures for anyone, all figures for staff in scope. */
export async function GET(req: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const build = BUILDERS[name];
  if (!build) return new Response("Không có bảng số liệu này.", { status: 404 });
  const sp = Object.fromEntries(new URL(req.url).searchParams);
  const publicOnly = sp.cong_khai === "1";
  const viewer = publicOnly ? null : await getViewer();
  if (!publicOnly && (!viewer || !hasPermission(viewer.role, "dashboard.view"))) {
    return new Response("Cần đăng nhập với quyền xem số liệu tổng hợp.", { status: 403 });
  }
  const period = parsePeriod(sp);
  const unit = await resolveDashboardUnit(viewer, sp);
  const table = await build({ unit, year: period.year, asOf: period.asOf, byTodaysProvinces: sp.xem === "hien-nay", publicOnly, basePath: "" });
  const file = `${name}-${period.year}-${unit.unitId ?? "toan-quoc"}`;
  if (sp.dinh_dang === "xlsx") {
    return new Response(new Uint8Array(await tablesToXlsx([table])), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${file}.xlsx"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  return new Response(tableToCsv(table), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file}.csv"`, "Cache-Control": "private, no-store" },
  });
}
