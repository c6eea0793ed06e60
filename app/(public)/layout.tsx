import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getSiteSettings } from "@/lib/site/queries";

// The same for every visitor (no session is read here): public pages can be cached whole.
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const site = await getSiteSettings();
  return (
    <>
      <SiteHeader siteName={site.name} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      <SiteFooter site={site} />
    </>
  );
}
