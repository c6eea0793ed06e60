import { getViewer } from "@/lib/auth";
import { attachment, errorResponse } from "@/lib/http";
import { generateReport, queryObject, reportFileName, reportToXlsx, XLSX_CONTENT_TYPE } from "@/lib/reports/generate";

/** A report as an Excel file: GET /api/bao-cao/<report>?nam=2024&tinh=…&huyen=… (staff, within their scope). */
export async function GET(req: Request, { params }: { params: Promise<{ report: string }> }) {
  const { report: key } = await params;
  try {
    const report = await generateReport(await getViewer(), key, queryObject(new URL(req.url).searchParams));
    return new Response(new Uint8Array(await reportToXlsx(report)), { headers: attachment(reportFileName(report), XLSX_CONTENT_TYPE) });
  } catch (err) {
    return errorResponse(err);
  }
}
