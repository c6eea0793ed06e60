import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-20 max-w-lg px-4 text-center">
      <p className="text-5xl font-semibold text-accent">403</p>
      <h1 className="mt-2 text-xl font-semibold">Không có quyền truy cập</h1>
      <p className="mt-2 text-gray-600">Nội dung này nằm ngoài phạm vi quản lý hoặc chức năng của tài khoản bạn.</p>
      <Link href="/quan-ly" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white">Về trang làm việc</Link>
    </main>
  );
}
