// Redirects only: anonymous visitors of staff pages go to the login page. Every staff page and
// server action still checks the session and the user's scope on the server (lib/auth, lib/authz).
// And one refusal: a server-action post over the body limit is answered 413 here, before Next
// reads it (lib/security/action-body-limit.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isActionPost, refuseOversizedAction } from "@/lib/security/action-body-limit";

export async function proxy(request: NextRequest) {
  if (isActionPost(request)) {
    const refused = await refuseOversizedAction(request);
    if (refused) return refused;
  }
  if (!request.nextUrl.pathname.startsWith("/quan-ly")) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token) {
    const login = new URL("/dang-nhap", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/quan-ly/:path*",
    // server actions post to any page: a fetch action names itself in this header
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
