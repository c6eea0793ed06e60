// GET the assessment spreadsheet of a unit and year: the template, pre-filled (also the export).
import { getViewer } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { ZTemplateRequest } from "@/lib/imports/schemas";
import { assessmentGrid, gridToCsv, gridToXlsx } from "@/lib/imports/template";
import { attachment, errorResponse } from "@/lib/http";

export async function GET(req: Request) {
  try {
    const parsed = ZTemplateRequest.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    const { nam, "dinh-dang": format } = parsed.data;
    const unitId = typeof parsed.data["don-vi"] === "number" ? parsed.data["don-vi"] : null;
    const grid = await assessmentGrid(await getViewer(), unitId, nam);
    if (format === "csv") return new Response(gridToCsv(grid), { headers: attachment(`${grid.fileBase}.csv`, "text/csv; charset=utf-8") });
    return new Response(new Uint8Array(await gridToXlsx(grid)), {
      headers: attachment(`${grid.fileBase}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    });
  } catch (err) {
    return errorResponse(err);
  }
}
