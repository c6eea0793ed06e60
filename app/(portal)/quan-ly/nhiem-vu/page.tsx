import type { Metadata } from "next";
import Link from "next/link";
import { TaskStatusBadge } from "@/components/notices/task-table";
import { requirePagePermission } from "@/lib/auth";
import { formatDate, todayInVietnam } from "@/lib/format";
import { classifyTask } from "@/lib/tasks/rules";
import { listTasksOfViewer } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Nhiệm vụ của tôi" };

export default async function MyTasksPage() {
  const viewer = await requirePagePermission("task.update", "/quan-ly/nhiem-vu");
  const tasks = await listTasksOfViewer(viewer);
  const today = todayInVietnam();
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Nhiệm vụ của tôi</h1>
      {tasks.length === 0 ? (
        <p className="text-gray-600">Đơn vị của bạn chưa được giao nhiệm vụ nào.</p>
      ) : (
        <ul className="grid gap-3">
          {tasks.map((t) => {
            const cls = classifyTask(t, today);
            return (
              <li key={t.id} className={`rounded border bg-white p-4 ${cls === "OVERDUE" ? "border-red-300" : ""}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/thong-bao/${t.notice.slug}`} className="text-sm font-semibold text-brand-700 hover:underline">
                    Thông báo số {t.notice.number} · nhiệm vụ {t.number}
                  </Link>
                  <TaskStatusBadge cls={cls} />
                </div>
                <p className="mt-2 text-sm">{t.content}</p>
                <p className="mt-1 text-xs text-gray-600">Thời hạn: {t.deadline ? formatDate(t.deadline) : "không ghi thời hạn"}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
