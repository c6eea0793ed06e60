import { AppError } from "@/lib/errors";
import { badQuery, openDataResponse } from "@/lib/http";
import { openStatistics, statsToCsv, ZStatsQuery } from "@/lib/stats/open-data";

// Open data: the official figures (titles in force, confirmed reports) as at a day. No login.
export async function GET(req: Request) {
  const parsed = ZStatsQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return badQuery(parsed.error.issues);
  try {
    const stats = await openStatistics(parsed.data);
    if (parsed.data.dinh_dang === "csv") {
      const body = statsToCsv(stats, parsed.data.phan_cach === "cham-phay" ? ";" : ",");
      return openDataResponse(req, body, { csvFileName: `thong-ke-${stats.year}-${stats.asOf}-${stats.unit.code ?? "toan-quoc"}.csv` });
    }
    return openDataResponse(req, JSON.stringify(stats), {});
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return Response.json({ error: err.message }, { status: 404 });
    throw err;
  }
}
