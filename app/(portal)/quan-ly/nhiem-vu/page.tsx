import type { Metadata } from "next";
import { MyTaskList } from "@/components/tasks/my-task-list";
import { TaskTallyCards } from "@/components/tasks/task-tally";
import { requirePagePermission } from "@/lib/auth";
import { todayInVietnam } from "@/lib/format";
import { classifyTask, tallyTasks } from "@/lib/tasks/rules";
import { listTasksOfViewer } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Nhiệm vụ của tôi" };

export default async function MyTasksPage() {
  const viewer = await requirePagePermission("task.update", "/quan-ly/nhiem-vu");
  const tasks = await listTasksOfViewer(viewer);
  const today = todayInVietnam();
  const tally = tallyTasks(tasks.map((t) => classifyTask(t, today)));
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-brand-800">Nhiệm vụ của tôi</h1>
        <p className="text-sm text-gray-600">Nhiệm vụ tại các thông báo kết luận giao cho đơn vị của bạn. Nhiệm vụ quá hạn được đưa lên đầu.</p>
      </div>
      {tasks.length === 0 ? (
        <p className="text-gray-600">Đơn vị của bạn chưa được giao nhiệm vụ nào.</p>
      ) : (
        <>
          <TaskTallyCards tally={tally} testId="my-tally" />
          <MyTaskList tasks={tasks} today={today} />
        </>
      )}
    </div>
  );
}
