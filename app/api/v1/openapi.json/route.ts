import { openApiDocument } from "@/lib/stats/openapi";
import { siteUrl } from "@/lib/site/metadata";

// The open data API described for machines (OpenAPI 3.1), from the routes' own zod schemas.
export async function GET() {
  return Response.json(openApiDocument(siteUrl()), { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } });
}
