// The pages' beacon: counts a visit (first page of a browser tab) and a view of the article,
// notice or document shown, and answers the footer's statistics. No personal data is kept
// (lib/visits/rules.ts). Cached pages cannot count during their render: this is where they do.
import { z } from "zod";
import { clientAddress, trustedProxyHops } from "@/lib/users/login-rules";
import { parseViewKey } from "@/lib/visits/rules";
import { recordBeacon } from "@/lib/visits/service";

const ZBeacon = z.object({ visit: z.boolean().default(false), view: z.string().max(220).optional() });

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request) {
  let body: unknown;
  try {
    body = JSON.parse((await request.text()).slice(0, 1000));
  } catch {
    body = null;
  }
  const parsed = ZBeacon.safeParse(body);
  if (!parsed.success) return Response.json({ ok: false, reason: "invalid" }, { status: 400, headers: NO_STORE });
  const result = await recordBeacon({
    // the connection's address, as the sign-in limits read it; hashed, never kept
    address: clientAddress(request.headers.get("x-forwarded-for"), trustedProxyHops()),
    newVisit: parsed.data.visit,
    view: parseViewKey(parsed.data.view),
  });
  return Response.json(result, { status: result.ok ? 200 : 429, headers: NO_STORE });
}
