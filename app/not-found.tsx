import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Không tìm thấy trang",
  description: "Trang bạn tìm không tồn tại hoặc đã được gỡ khỏi Cổng thông tin Nông thôn mới.",
  robots: { index: false },
};

export default function NotFound() {
  return (
    <main className="mx-auto mt-20 max-w-lg px-4 text-center">
      <p className="text-5xl font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-xl font-semibold">Không tìm thấy trang</h1>
      <p className="mt-2 text-gray-600">Trang bạn tìm không tồn tại hoặc đã được gỡ.</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white">Về trang chủ</Link>
    </main>
  );
}
