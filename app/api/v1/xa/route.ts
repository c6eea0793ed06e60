import { AppError } from "@/lib/errors";
import { badQuery, openDataResponse } from "@/lib/http";
import { communesToCsv, openCommunes, ZCommunesQuery } from "@/lib/stats/communes";

// Open data, commune by commune: title held and latest confirmed report, as at a day. No login.
export async function GET(req: Request) {
  const parsed = ZCommunesQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return badQuery(parsed.error.issues);
  try {
    const data = await openCommunes(parsed.data);
    if (parsed.data.dinh_dang === "csv") {
      const body = communesToCsv(data, parsed.data.phan_cach === "cham-phay" ? ";" : ",");
      return openDataResponse(req, body, { csvFileName: `xa-${data.unit.code}-${data.asOf}.csv` });
    }
    return openDataResponse(req, JSON.stringify(data), {});
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return Response.json({ error: err.message }, { status: 404 });
    throw err;
  }
}
