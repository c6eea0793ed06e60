import { AppError } from "@/lib/errors";
import { openStatistics, statsToCsv, ZStatsQuery } from "@/lib/stats/open-data";

// Open data: public figures only (reviewed above the commune). No login.
export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = ZStatsQuery.safeParse(params);
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => i.message).join(" ") }, { status: 400 });
  }
  try {
    const stats = await openStatistics(parsed.data);
    const headers = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };
    if (parsed.data.dinh_dang === "csv") {
      return new Response(statsToCsv(stats), {
        headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="thong-ke-${stats.year}-${stats.unit.code ?? "toan-quoc"}.csv"` },
      });
    }
    return Response.json(stats, { headers });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return Response.json({ error: err.message }, { status: 404 });
    throw err;
  }
}
