import type { Metadata } from "next";
import { CorrectionList } from "@/components/corrections/correction-list";
import { requirePagePermission } from "@/lib/auth";
import { listPendingCorrections, listRecentDecisions } from "@/lib/corrections/queries";

export const metadata: Metadata = { title: "Điều chỉnh số liệu đã xác nhận" };

export default async function CorrectionsPage() {
  const viewer = await requirePagePermission("correction.decide", "/quan-ly/dieu-chinh");
  const [pending, decided] = await Promise.all([listPendingCorrections(viewer), listRecentDecisions(viewer)]);
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-brand-800">Điều chỉnh số liệu đã xác nhận</h1>
        <p className="max-w-3xl text-sm text-gray-600">
          Đề nghị điều chỉnh số liệu của các xã trong phạm vi quản lý. Phê duyệt sẽ áp dụng ngay giá trị mới, tính lại kết quả tiêu chí và số liệu tổng hợp; người lập đề nghị không
          được tự phê duyệt. Nếu số liệu đã thay đổi kể từ khi lập đề nghị, việc phê duyệt bị từ chối để tránh ghi đè.
        </p>
      </div>
      <section className="grid gap-2" aria-label="Đề nghị chờ phê duyệt">
        <h2 className="font-semibold">Chờ phê duyệt ({pending.length})</h2>
        <CorrectionList requests={pending} showCommune empty="Không có đề nghị điều chỉnh nào chờ phê duyệt." />
      </section>
      <section className="grid gap-2" aria-label="Đã xử lý gần đây">
        <h2 className="font-semibold">Đã xử lý gần đây</h2>
        <CorrectionList requests={decided} showCommune empty="Chưa có đề nghị nào được xử lý." />
      </section>
    </div>
  );
}
