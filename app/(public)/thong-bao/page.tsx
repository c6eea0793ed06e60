import type { Metadata } from "next";
import { NoticeList } from "@/components/notices/notice-list";
import { listLatestNotices } from "@/lib/notices/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Thông báo kết luận",
  description: "Thông báo kết luận của lãnh đạo về chương trình xây dựng nông thôn mới và các nhiệm vụ được giao.",
};

export default async function NoticesPage() {
  const notices = await listLatestNotices(50);
  return (
    <div className="rounded border bg-white p-4">
      <h1 className="mb-4 text-xl font-semibold text-brand-800">Thông báo kết luận</h1>
      <NoticeList notices={notices} />
    </div>
  );
}
