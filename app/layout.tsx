import type { Metadata } from "next";
import { connection } from "next/server";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";
import { FEED_ALTERNATES, SITE_NAME, siteUrl } from "@/lib/site/metadata";

export const metadata: Metadata = {
  // relative canonical and og:url addresses are resolved against the portal's public address
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description:
    "Cổng thông tin Chương trình mục tiêu quốc gia xây dựng nông thôn mới: tin tức, thông báo kết luận, văn bản và số liệu thực hiện bộ tiêu chí.",
  openGraph: { siteName: SITE_NAME, locale: "vi_VN", type: "website" },
  alternates: { types: FEED_ALTERNATES },
};

// Every page is rendered per request: proxy.ts gives each one a Content-Security-Policy nonce, which
// Next puts on its scripts only when it renders for that request. Data stays cached
// (lib/cache/cached-read.ts); only the render is per request.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
