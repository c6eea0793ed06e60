// Authentication (next-auth, credentials). The session token carries only the user id and the
// session version; role and scope are read from the database on every request (lib/users).
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import bcrypt from "bcryptjs";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { hasPermission, type Permission, type Viewer } from "@/lib/authz";
import { findUserByEmail, loadViewer } from "@/lib/users/queries";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await findUserByEmail(parsed.data.email);
        // compare against a dummy hash when the user is unknown, so timing does not reveal it
        const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !user.active || !ok) return null;
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), failedLogins: 0 } });
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};

// a real hash of a random string: unknown e-mails cost the same bcrypt work as known ones
const DUMMY_HASH = bcrypt.hashSync(Math.random().toString(36), 10);

/** The signed-in viewer, or null. Cached for the duration of one request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  return loadViewer(session.uid, session.sv ?? 0);
});

/** For staff pages: the viewer, or a redirect to the login page. */
export async function requirePageViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** For staff pages: the viewer holding a permission; anonymous → login, lacking it → 403. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<Viewer> {
  const viewer = await requirePageViewer(returnTo);
  if (!hasPermission(viewer.role, permission)) forbidden();
  return viewer;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
