import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Đăng nhập", description: "Đăng nhập dành cho cán bộ văn phòng điều phối nông thôn mới." };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <Link href="/" className="text-sm text-brand-700 hover:underline">← Về trang chủ</Link>
      <div className="mt-3 rounded border bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold text-brand-800">Đăng nhập</h1>
        <p className="mb-5 text-sm text-gray-600">Dành cho cán bộ văn phòng điều phối, sở, ngành và lãnh đạo.</p>
        <LoginForm callbackUrl={callbackUrl ?? null} />
      </div>
    </main>
  );
}
