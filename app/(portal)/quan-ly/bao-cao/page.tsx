import type { Metadata } from "next";
import Link from "next/link";
import { ReportUnitSelectors } from "@/components/reports/report-selectors";
import { requirePagePermission } from "@/lib/auth";
import { reportsForRole } from "@/lib/reports/catalogue";
import { reportSearch, resolveReportContext } from "@/lib/reports/generate";
import { reportPageError } from "@/lib/reports/page-errors";

export const metadata: Metadata = { title: "Báo cáo" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/bao-cao");
  const sp = await searchParams;
  // a bad query string is shown above the list, which then falls back to the viewer's own unit
  const { query, year, unit, error } = await resolveReportContext(viewer, sp, "year").then(
    (context) => ({ ...context, error: null as string | null }),
    async (err: unknown) => {
      const error = reportPageError(err);
      return { ...(await resolveReportContext(viewer, {}, "year")), error };
    },
  );
  const search = reportSearch(query);
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-brand-800">Báo cáo</h1>
        <p className="text-sm text-gray-600">
          Các biểu báo cáo gửi cấp trên: xem và in (hoặc lưu PDF) trên khổ A4 ngang, tải tệp Excel làm phụ lục. {unit.name} · năm {year}.
        </p>
      </div>
      {error && <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="report-error">{error}</p>}
      <ReportUnitSelectors viewer={viewer} unit={unit} query={query} year={year} allowAllYears={false} />
      <ul className="grid gap-3 md:grid-cols-2" aria-label="Danh sách báo cáo">
        {reportsForRole(viewer.role).map((r) => (
          <li key={r.key} className="grid gap-2 rounded border bg-white p-4" data-testid={`report-${r.key}`}>
            <h2 className="font-semibold text-brand-800">{r.title}</h2>
            <p className="text-sm text-gray-700">{r.description}</p>
            <p className="flex flex-wrap gap-4 text-sm">
              <Link href={`/quan-ly/bao-cao/${r.key}${search}`} className="font-semibold text-brand-700 underline">Xem và in</Link>
              <a href={`/api/bao-cao/${r.key}${search}`} className="text-brand-700 underline" download>Tải Excel (XLSX)</a>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
