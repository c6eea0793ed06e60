"use client";

import { deletePlanEntryAction, removeRoadmapItemAction, saveRoadmapItemAction, updatePlanEntryAction } from "@/lib/plans/actions";
import { errorProps, Field, FormStatus, inputClass } from "@/components/ocop/form-field";
import { useFormAction } from "@/components/ocop/use-form-action";

/** The entry's own target date and note, and taking the commune out of the plan. */
export function EntryForm({ entryId, year, targetDate, note }: { entryId: number; year: number; targetDate: string | null; note: string | null }) {
  const { state, pending, formProps } = useFormAction(updatePlanEntryAction);
  const { state: deleted, pending: deleting, formProps: deleteProps } = useFormAction(deletePlanEntryAction, { confirm: "Đưa xã ra khỏi kế hoạch năm này (kể cả lộ trình)?" });
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <div className="grid gap-2 rounded border bg-white p-4">
      <form {...formProps} className="grid gap-3 md:grid-cols-[12rem_1fr_auto] md:items-end" aria-label="Sửa đăng ký">
        <input type="hidden" name="entryId" value={entryId} />
        <Field id="targetDate" label="Ngày dự kiến đạt" errors={errors.targetDate}>
          <input id="targetDate" name="targetDate" type="date" min={`${year}-01-01`} max={`${year}-12-31`} defaultValue={targetDate ?? ""} className={inputClass} {...errorProps("targetDate", errors.targetDate)} />
        </Field>
        <Field id="note" label="Ghi chú" errors={errors.note}>
          <input id="note" name="note" defaultValue={note ?? ""} className={inputClass} {...errorProps("note", errors.note)} />
        </Field>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60">Lưu</button>
      </form>
      <FormStatus state={state} success="Đã lưu." />
      <form {...deleteProps}>
        <input type="hidden" name="entryId" value={entryId} />
        <button type="submit" disabled={deleting} className="text-sm text-red-700 underline disabled:opacity-60">Đưa xã ra khỏi kế hoạch</button>
        <FormStatus state={deleted} />
      </form>
    </div>
  );
}

/** One roadmap item: its due date and note, saved or removed on its own. */
export function RoadmapItemForm({ entryId, itemId, criterionId, targetDate, note, label }: { entryId: number; itemId: number; criterionId: number; targetDate: string; note: string | null; label: string }) {
  const { state, pending, formProps } = useFormAction(saveRoadmapItemAction);
  const { state: removed, pending: removing, formProps: removeProps } = useFormAction(removeRoadmapItemAction);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const id = `item-${itemId}`;
  return (
    <div className="flex flex-wrap items-start gap-2">
      <form {...formProps} className="flex flex-wrap items-start gap-2" aria-label={`Thời hạn ${label}`}>
        <input type="hidden" name="entryId" value={entryId} />
        <input type="hidden" name="criterionId" value={criterionId} />
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-date`} className="sr-only">Thời hạn hoàn thành {label}</label>
          <input id={`${id}-date`} name="targetDate" type="date" required defaultValue={targetDate} className="rounded border px-2 py-1 text-sm" {...errorProps(`${id}-date`, errors.targetDate)} />
          {errors.targetDate && <p id={`${id}-date-err`} className="text-xs text-red-700">{errors.targetDate[0]}</p>}
        </div>
        <label htmlFor={`${id}-note`} className="sr-only">Ghi chú {label}</label>
        <input id={`${id}-note`} name="note" defaultValue={note ?? ""} placeholder="Ghi chú" className="w-40 rounded border px-2 py-1 text-sm" />
        <button type="submit" disabled={pending} className="rounded border px-2 py-1 text-sm hover:bg-gray-50 disabled:opacity-60">Lưu</button>
        {state?.ok && <span role="status" className="text-xs text-green-700">Đã lưu</span>}
        {state && !state.ok && !errors.targetDate && <span role="status" className="text-xs text-red-700">{state.message}</span>}
      </form>
      <form {...removeProps}>
        <input type="hidden" name="itemId" value={itemId} />
        <button type="submit" disabled={removing} className="px-1 py-1 text-sm text-red-700 underline disabled:opacity-60">Bỏ</button>
        {removed && !removed.ok && <span role="status" className="text-xs text-red-700">{removed.message}</span>}
      </form>
    </div>
  );
}

/** Adds a criterion of the plan year's set to the roadmap. */
export function AddRoadmapItemForm({ entryId, criteria, defaultDate }: { entryId: number; criteria: { id: number; number: number; name: string }[]; defaultDate: string }) {
  const { state, pending, formProps } = useFormAction(saveRoadmapItemAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  if (criteria.length === 0) return null;
  return (
    <form {...formProps} className="grid gap-3 rounded border bg-white p-4 md:grid-cols-[1fr_12rem_12rem_auto] md:items-end" aria-label="Thêm tiêu chí vào lộ trình">
      <input type="hidden" name="entryId" value={entryId} />
      <Field id="add-criterion" label="Tiêu chí" errors={errors.criterionId}>
        <select id="add-criterion" name="criterionId" required defaultValue="" className={inputClass} {...errorProps("add-criterion", errors.criterionId)}>
          <option value="">— Chọn tiêu chí —</option>
          {criteria.map((c) => (
            <option key={c.id} value={c.id}>{c.number}. {c.name}</option>
          ))}
        </select>
      </Field>
      <Field id="add-date" label="Thời hạn hoàn thành" errors={errors.targetDate}>
        <input id="add-date" name="targetDate" type="date" required defaultValue={defaultDate} className={inputClass} {...errorProps("add-date", errors.targetDate)} />
      </Field>
      <Field id="add-note" label="Ghi chú" errors={errors.note}>
        <input id="add-note" name="note" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60">Thêm</button>
      <div className="md:col-span-4"><FormStatus state={state} success="Đã thêm vào lộ trình." /></div>
    </form>
  );
}
