import Link from "next/link";
import { PortalNav } from "@/components/portal/portal-nav";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { requirePageViewer } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/authz";

// The session is checked here for the page chrome; each page and action checks it again.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer("/quan-ly");
  return (
    <>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/quan-ly" className="font-semibold uppercase">Quản lý nông thôn mới</Link>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="viewer">
              {viewer.name} · {ROLE_LABELS[viewer.role]} · {viewer.unitName ?? "Toàn quốc"}
            </span>
            <Link href="/quan-ly/tai-khoan" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">Tài khoản</Link>
            <SignOutButton />
          </div>
        </div>
        <PortalNav viewer={viewer} />
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
