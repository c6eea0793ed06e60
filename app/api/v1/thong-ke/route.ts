import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { openStatistics, statsToCsv, ZStatsQuery } from "@/lib/stats/open-data";

// Open data: the official figures (titles in force, confirmed reports) as at a day. No login.
export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = ZStatsQuery.safeParse(params);
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => i.message).join(" ") }, { status: 400 });
  }
  try {
    const stats = await openStatistics(parsed.data);
    const csv = parsed.data.dinh_dang === "csv";
    const body = csv ? statsToCsv(stats, parsed.data.phan_cach === "cham-phay" ? ";" : ",") : JSON.stringify(stats);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    const headers: Record<string, string> = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*", ETag: etag };
    if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    if (csv) {
      return new Response(body, {
        headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="thong-ke-${stats.year}-${stats.asOf}-${stats.unit.code ?? "toan-quoc"}.csv"` },
      });
    }
    return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return Response.json({ error: err.message }, { status: 404 });
    throw err;
  }
}
