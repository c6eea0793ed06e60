// GET /api/health — liveness: the process answers. No database, no session: a probe that restarts
// the server on failure must not restart it for the database's sake (that is /api/ready).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

let buildId: string | null | undefined;
/** The id `next build` wrote for the build this server runs (read once). */
function currentBuildId(): string | null {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      buildId = null;
    }
  }
  return buildId;
}

export function GET() {
  return Response.json({ status: "ok", version: packageJson.version, buildId: currentBuildId() }, { headers: { "Cache-Control": "no-store" } });
}
