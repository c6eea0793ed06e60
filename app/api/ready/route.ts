// GET /api/ready — readiness: 200 while this process should get requests; 503 while it stops
// (SIGTERM heard, requests in flight still answered) or while the database does not answer
// SELECT 1 within a second, or another check registered in lib/ops/readiness.ts fails.
import { db } from "@/lib/db";
import { log } from "@/lib/ops/log";
import { checkReadiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET() {
  const readiness = await checkReadiness({ database: () => db.$queryRaw`SELECT 1`.then(() => undefined) });
  if (readiness.ready) return Response.json({ status: "ready", checks: readiness.checks }, { headers: NO_STORE });
  if (readiness.draining) {
    return Response.json(
      { status: "draining", message: `Máy chủ đang dừng (tín hiệu ${readiness.signal}): không nhận yêu cầu mới.` },
      { status: 503, headers: NO_STORE },
    );
  }
  // the reason in the log, not in an answer anyone may read
  log.warn({ checks: readiness.checks, errors: readiness.errors }, "not ready");
  return Response.json(
    { status: "not-ready", checks: readiness.checks, message: `Chưa sẵn sàng: ${readiness.failing.join(", ")} không trả lời.` },
    { status: 503, headers: NO_STORE },
  );
}
