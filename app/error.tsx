"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto mt-20 max-w-lg px-4 text-center">
      <h1 className="text-xl font-semibold">Đã có lỗi xảy ra</h1>
      <p className="mt-2 text-gray-600">Vui lòng thử lại. {error.digest ? `(mã ${error.digest})` : ""}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">Thử lại</button>
    </main>
  );
}
