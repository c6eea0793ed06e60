import type { Metadata } from "next";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cổng thông tin Nông thôn mới", template: "%s · Cổng thông tin Nông thôn mới" },
  description:
    "Cổng thông tin Chương trình mục tiêu quốc gia xây dựng nông thôn mới: tin tức, thông báo kết luận, văn bản và số liệu thực hiện bộ tiêu chí.",
  openGraph: { siteName: "Cổng thông tin Nông thôn mới", locale: "vi_VN", type: "website" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
