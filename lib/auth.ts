// Authentication (next-auth, credentials). The session token carries only the user id, the
// session version and the time of sign-in; role and scope are read from the database on every
// request (lib/users). A session ends SESSION_MAX_AGE_SECONDS after its sign-in, when the account
// is disabled, or when its session version is bumped (sign out everywhere, password change).
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { canActNationally, hasPermission, type Permission, type Viewer } from "@/lib/authz";
import { signInWithPassword } from "@/lib/users/login";
import { clientAddress, SESSION_MAX_AGE_SECONDS, sessionIsCurrent, trustedProxyHops } from "@/lib/users/login-rules";
import { loadSessionUser, type SessionUser } from "@/lib/users/queries";

export { SESSION_MAX_AGE_SECONDS };

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

/** What authorize() throws when the limits refuse an attempt; the login form shows the minutes. */
export const RATE_LIMITED_PREFIX = "RATE_LIMITED:";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth marks its cookies Secure (and __Secure- prefixed) when NEXTAUTH_URL is https://
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        let result;
        try {
          const address = clientAddress(req?.headers?.["x-forwarded-for"] as string | undefined, trustedProxyHops());
          result = await signInWithPassword({ ...parsed.data, address });
        } catch (err) {
          // never send an internal message through next-auth's error URL
          const eventId = Math.random().toString(36).slice(2, 10).toUpperCase();
          console.error(`[error ${eventId}] sign-in`, err);
          throw new Error("INTERNAL");
        }
        if (result.ok) return { id: String(result.user.id), name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion };
        if (result.reason === "RATE_LIMITED") throw new Error(`${RATE_LIMITED_PREFIX}${result.retryMinutes}`);
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.at = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, at: token.at };
    },
  },
};

/**
 * The signed-in user of this request, or null (no session, expired, signed out everywhere,
 * disabled). Cached for the duration of one request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number; at?: number } | null;
  if (!session?.uid || !sessionIsCurrent(session.at, Math.floor(Date.now() / 1000))) return null;
  return loadSessionUser(session.uid, session.sv ?? 0);
});

/**
 * The signed-in viewer, or null. A user who must first change their password has no viewer:
 * every page, action and route refuses them until they do (fail closed).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const user = await getSessionUser();
  return user && !user.mustChangePassword ? user.viewer : null;
});

export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";

/** For staff pages: the viewer, or a redirect to the login page (or to the password change). */
export async function requirePageViewer(returnTo: string): Promise<Viewer> {
  const user = await getSessionUser();
  if (!user) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user.viewer;
}

/**
 * For staff pages: the viewer holding a permission; anonymous → login, lacking it → 403.
 * `national`: the page changes objects of the whole country (lib/authz.ts canActNationally).
 */
export async function requirePagePermission(permission: Permission, returnTo: string, opts: { national?: boolean } = {}): Promise<Viewer> {
  const viewer = await requirePageViewer(returnTo);
  if (!(opts.national ? canActNationally(viewer, permission) : hasPermission(viewer.role, permission))) forbidden();
  return viewer;
}
