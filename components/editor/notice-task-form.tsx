"use client";
// One numbered task of a conclusion notice: number, content, assignee organisation of the
// notice's province, deadline, and the criteria and communes it concerns.
import type { ActionResult } from "@/lib/errors";
import type { Option } from "./article-form";
import { CheckboxList, type CheckboxGroup } from "./checkbox-list";
import { FormMessage, SelectField, TextAreaField, TextField } from "./fields";
import { useFormAction } from "./use-form-action";

type Result = ActionResult<{ version: number }>;

export interface NoticeTaskFormValues {
  id: number;
  version: number;
  number: string;
  content: string;
  assigneeOrgId: number | null;
  assigneeText: string;
  deadline: string;
  criterionIds: number[];
  unitIds: number[];
}

export function NoticeTaskForm({ noticeId, issuedDate, task, organisations, criteria, communes, action, deleteAction }: {
  noticeId: number;
  /** "2020-07-06": no deadline before it */
  issuedDate: string;
  task: NoticeTaskFormValues | null;
  organisations: Option[];
  criteria: CheckboxGroup[];
  communes: CheckboxGroup[];
  action: (prev: Result | null, form: FormData) => Promise<Result>;
  deleteAction?: (prev: Result | null, form: FormData) => Promise<Result>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const del = useFormAction(deleteAction ?? action);
  const version = Math.max(task?.version ?? 0, state?.ok ? state.data.version : 0);
  return (
    <div className="grid gap-4">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 rounded border bg-white p-4" noValidate>
        <input type="hidden" name="noticeId" value={noticeId} />
        {task && <input type="hidden" name="taskId" value={task.id} />}
        <input type="hidden" name="version" value={version} />
        <div key={task?.version ?? 0} className="grid gap-4">
          <div className="grid gap-4 md:grid-cols-[8rem_1fr_12rem]">
            <TextField name="number" label="Số thứ tự" required errors={fieldErrors} defaultValue={task?.number} placeholder="2.1" />
            <SelectField name="assigneeOrgId" label="Đơn vị chủ trì" required errors={fieldErrors} options={organisations} placeholder="— Chọn cơ quan, đơn vị —" defaultValue={task?.assigneeOrgId ?? ""} />
            <TextField name="deadline" label="Thời hạn" type="date" errors={fieldErrors} defaultValue={task?.deadline} min={issuedDate} hint="Để trống nếu thông báo không ghi thời hạn." />
          </div>
          <TextAreaField name="content" label="Nội dung nhiệm vụ" required errors={fieldErrors} defaultValue={task?.content} rows={6} />
          <TextField name="assigneeText" label="Đơn vị thực hiện (như ghi trong thông báo)" errors={fieldErrors} defaultValue={task?.assigneeText} hint="Ví dụ: Sở Kế hoạch và Đầu tư chủ trì, phối hợp Sở Tài chính. Để trống để dùng tên đơn vị chủ trì." />
          <CheckboxList name="criterionIds" legend="Tiêu chí liên quan" groups={criteria} defaultChecked={task?.criterionIds ?? []} errors={fieldErrors} filterLabel="Lọc tiêu chí" />
          <CheckboxList name="unitIds" legend="Xã liên quan" groups={communes} defaultChecked={task?.unitIds ?? []} errors={fieldErrors} filterLabel="Lọc xã" emptyText="Thông báo cấp quốc gia: không gắn xã." />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? "Đang lưu…" : task ? "Lưu nhiệm vụ" : "Thêm nhiệm vụ"}
          </button>
          <FormMessage state={state} success="Đã lưu nhiệm vụ." testId="task-form-message" />
        </div>
      </form>
      {task && deleteAction && (
        <form onSubmit={(e) => (window.confirm(`Xóa nhiệm vụ ${task.number}?`) ? del.onSubmit(e) : e.preventDefault())} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="noticeId" value={noticeId} />
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="version" value={version} />
          <button type="submit" disabled={del.pending} className="rounded border border-red-600 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
            Xóa nhiệm vụ
          </button>
          <FormMessage state={del.state} success="Đã xóa." />
        </form>
      )}
    </div>
  );
}
