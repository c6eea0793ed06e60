import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/reports/print-button";
import { ReportTable } from "@/components/reports/report-table";
import { ReportUnitSelectors } from "@/components/reports/report-selectors";
import { requirePageViewer } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { findReport } from "@/lib/reports/catalogue";
import { generateReport, reportSearch } from "@/lib/reports/generate";
import { reportPageError } from "@/lib/reports/page-errors";

type Params = { params: Promise<{ report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Params, "params">): Promise<Metadata> {
  return { title: findReport((await params).report)?.title ?? "Báo cáo" };
}

// A4 landscape, the report alone: the portal's header and the page's controls are not printed,
// the header row repeats on every page and the total row appears once, at the end.
const PRINT_CSS = `
@page { size: A4 landscape; margin: 10mm 10mm 12mm; }
@media print {
  body > header { display: none !important; }
  body > main { max-width: none; padding: 0; }
  .report-sheet { border: 0 !important; padding: 0 !important; font-size: 9pt; }
  .report-sheet table { font-size: 8pt; }
  .report-sheet thead { display: table-header-group; }
  .report-sheet tfoot { display: table-row-group; }
  .report-sheet tr { break-inside: avoid; }
  .report-sheet th, .report-sheet td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .report-sheet .overflow-x-auto { overflow: visible; }
}`;

export default async function ReportPage({ params, searchParams }: Params) {
  const { report: key } = await params;
  const viewer = await requirePageViewer(`/quan-ly/bao-cao/${key}`);
  const sp = await searchParams;
  const report = await generateReport(viewer, key, sp).catch((err: unknown) => ({ error: reportPageError(err) }));
  if ("error" in report) {
    return (
      <div className="grid gap-3">
        <Link href="/quan-ly/bao-cao" className="text-sm text-brand-700 underline">← Danh sách báo cáo</Link>
        <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="report-error">{report.error}</p>
      </div>
    );
  }
  const { definition, unit, year, query } = report;
  const search = reportSearch(query);
  return (
    <div className="grid gap-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/quan-ly/bao-cao${reportSearch({ ...query, nam: year ?? undefined })}`} className="text-sm text-brand-700 underline">← Danh sách báo cáo</Link>
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton />
          <a href={`/api/bao-cao/${definition.key}${search}`} className="rounded border border-brand-700 px-4 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50" download>
            Tải Excel (XLSX)
          </a>
        </div>
      </div>
      <ReportUnitSelectors viewer={viewer} unit={unit} query={query} year={year} allowAllYears={definition.period === "any-year"} />
      <article className="report-sheet grid gap-4 rounded border bg-white p-6" data-testid="report-sheet">
        <header className="flex flex-wrap justify-between gap-2 text-sm">
          <p className="font-semibold uppercase">Cổng thông tin Nông thôn mới</p>
          <p>Ngày lập: <span data-testid="report-date">{formatDate(report.producedOn)}</span></p>
        </header>
        <div className="text-center">
          <h1 className="text-lg font-bold uppercase text-brand-800">{definition.title}</h1>
          <p className="text-sm">
            Đơn vị: <span className="font-semibold" data-testid="report-unit">{unit.name}</span>
            {" · "}
            {year === null ? `Tất cả các năm, tình hình tính đến ngày ${formatDate(report.producedOn)}` : <>Năm <span data-testid="report-year">{year}</span></>}
          </p>
          {report.note && <p className="text-xs italic text-gray-700">{report.note}</p>}
        </div>
        {report.tables.map((t) => (
          <ReportTable key={t.name} table={t} />
        ))}
        <footer className="flex flex-wrap justify-between gap-2 text-xs text-gray-600">
          <p>Nguồn: Cổng thông tin Nông thôn mới, số liệu tại thời điểm lập báo cáo.</p>
          <p>Người lập: {viewer.name}</p>
        </footer>
      </article>
    </div>
  );
}
