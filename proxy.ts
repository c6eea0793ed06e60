// What every request meets before Next.js renders or acts (Next's documented Proxy):
// - a URL with a NUL byte or escapes that do not decode: 400, once, here;
// - a server-action post over the body limit: 413 before Next reads it (lib/security/action-body-limit.ts);
//   a multipart one that cannot be parsed: 400 (Next itself would answer 500);
// - anonymous visitors of staff pages go to the sign-in page (every staff page and server action
//   still checks the session and the user's scope on the server: lib/auth, lib/authz);
// - every page gets a Content-Security-Policy with a nonce of its own, given to Next in the request
//   headers so that it puts the nonce on its scripts (the app's root layout renders per request),
//   and HSTS over HTTPS. Headers that never change are in next.config.js;
// - every request gets an id (lib/ops/request-id.ts), given to the app in the request headers and
//   to the client in the response's, and one JSON log line (lib/ops/log.ts): method, path without
//   the query, id, client address. The proxy never sees the status: the reverse proxy's access log
//   has it (README "Vận hành").
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { checkActionPost, isActionPost } from "@/lib/security/action-body-limit";
import { log } from "@/lib/ops/log";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/ops/request-id";
import { contentSecurityPolicy, HSTS, isHttpsRequest, newNonce } from "@/lib/security/headers";
import { clientAddress, trustedProxyHops } from "@/lib/users/login-rules";

/** An address with no NUL anywhere (PostgreSQL text cannot hold one) and a path whose escapes decode. */
function readableUrl(url: string, pathname: string): boolean {
  if (/%00|\u0000/i.test(url)) return false;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  log.info(
    {
      requestId,
      method: request.method,
      // the query may carry what does not belong in a log (a search, a token in a link)
      path: request.nextUrl.pathname,
      client: clientAddress(request.headers.get("x-forwarded-for"), trustedProxyHops()),
    },
    "request",
  );
  const response = await answer(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/** What the proxy answers or passes on, before the request id goes on it. */
async function answer(request: NextRequest, requestId: string): Promise<Response> {
  if (!readableUrl(request.url, request.nextUrl.pathname)) {
    return new NextResponse("Địa chỉ không hợp lệ.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (isActionPost(request)) {
    const refused = await checkActionPost(request);
    if (refused) return refused;
  }
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/quan-ly")) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const login = new URL("/dang-nhap", request.url);
      login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
      return NextResponse.redirect(login);
    }
  }
  const https = isHttpsRequest(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  if (pathname.startsWith("/api/")) {
    // JSON and files set their own policy
    const response = NextResponse.next({ request: { headers } });
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  }
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https });
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // everything but the build's static files, which carry no script of a page, and the import
  // upload, which authorises before it reads a byte and streams with its own limit (lib/http.ts):
  // a request through the proxy has its body copied for it, which a 500 MB post must not cost;
  // nor the health and readiness probes, asked every few seconds, which need no header of it
  matcher: ["/((?!_next/static|_next/image|api/nhap-lieu|api/health|api/ready).*)"],
};
