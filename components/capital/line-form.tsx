"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { createLineAction, updateLineAction } from "@/lib/capital/actions";
import { CAPITAL_SOURCE_LABELS, CAPITAL_SOURCES } from "@/lib/capital/rules";
import { errorProps, Field, FormStatus, inputClass } from "@/components/ocop/form-field";
import { useFormAction } from "@/components/ocop/use-form-action";

const LEVEL_LABELS: Record<string, string> = { PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã, phường, thị trấn" };

export interface LineFormInitial {
  lineId: number;
  version: number;
  project: string | null;
  criterionId: number | null;
  planned: number;
  allocated: number;
  disbursementDeadline: string | null; // yyyy-mm-dd
}

/** A capital line: new (year, unit, source fixed from then on) or an edit of its amounts, project, criterion and deadline. */
export function LineForm({
  year,
  units,
  criteria,
  initial,
}: {
  year: number;
  units?: { id: number; level: string; label: string }[];
  criteria: { id: number; number: number; name: string }[];
  initial?: LineFormInitial;
}) {
  const router = useRouter();
  const create = useFormAction(createLineAction);
  const update = useFormAction(updateLineAction);
  const { state: created, pending: creating } = create;
  const { state: updated, pending: updating } = update;
  const editing = !!initial;
  const state = editing ? updated : created;
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const version = updated?.ok ? updated.data.version : initial?.version;

  useEffect(() => {
    if (created?.ok) router.push(`/quan-ly/von/${created.data.id}`);
  }, [created, router]);

  const money = (v: number | undefined) => (v === undefined ? "" : String(v).replace(".", ","));
  const levels = [...new Set((units ?? []).map((u) => u.level))];
  return (
    <form {...(editing ? update.formProps : create.formProps)} className="grid gap-3 rounded border bg-white p-4" aria-label={editing ? "Sửa dòng vốn" : "Thêm dòng vốn"}>
      {initial ? (
        <>
          <input type="hidden" name="lineId" value={initial.lineId} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <div className="grid gap-3 md:grid-cols-3">
          <Field id="year" label="Năm kế hoạch vốn" errors={errors.year}>
            <input id="year" name="year" readOnly value={year} className={`${inputClass} bg-gray-50`} />
          </Field>
          <Field id="unitId" label="Đơn vị được giao vốn" errors={errors.unitId}>
            <select id="unitId" name="unitId" required defaultValue="" className={inputClass} {...errorProps("unitId", errors.unitId)}>
              <option value="">— Chọn đơn vị —</option>
              {levels.map((level) => (
                <optgroup key={level} label={LEVEL_LABELS[level] ?? level}>
                  {units!.filter((u) => u.level === level).map((u) => (
                    <option key={u.id} value={u.id}>{u.label}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field id="source" label="Nguồn vốn" errors={errors.source}>
            <select id="source" name="source" required defaultValue="" className={inputClass} {...errorProps("source", errors.source)}>
              <option value="">— Chọn nguồn —</option>
              {CAPITAL_SOURCES.map((s) => (
                <option key={s} value={s}>{CAPITAL_SOURCE_LABELS[s]}</option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="allocated" label="Vốn được giao (triệu đồng)" errors={errors.allocated}>
          <input id="allocated" name="allocated" inputMode="decimal" required defaultValue={money(initial?.allocated)} className={`${inputClass} text-right tabular-nums`} {...errorProps("allocated", errors.allocated)} />
        </Field>
        <Field id="planned" label="Vốn kế hoạch (triệu đồng)" hint="Để trống nếu bằng vốn được giao." errors={errors.planned}>
          <input id="planned" name="planned" inputMode="decimal" defaultValue={money(initial?.planned)} className={`${inputClass} text-right tabular-nums`} {...errorProps("planned", errors.planned)} />
        </Field>
        <Field id="disbursementDeadline" label="Giải ngân đến ngày" hint={`Để trống: đến 31/1/${year + 1}.`} errors={errors.disbursementDeadline}>
          <input id="disbursementDeadline" name="disbursementDeadline" type="date" defaultValue={initial?.disbursementDeadline ?? ""} className={inputClass} {...errorProps("disbursementDeadline", errors.disbursementDeadline)} />
        </Field>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="project" label="Dự án, nội dung (không bắt buộc)" errors={errors.project}>
          <input id="project" name="project" defaultValue={initial?.project ?? ""} className={inputClass} {...errorProps("project", errors.project)} />
        </Field>
        <Field id="criterionId" label="Tiêu chí được đầu tư (không bắt buộc)" errors={errors.criterionId}>
          <select id="criterionId" name="criterionId" defaultValue={initial?.criterionId ?? ""} className={inputClass} {...errorProps("criterionId", errors.criterionId)}>
            <option value="">— Không gắn tiêu chí —</option>
            {criteria.map((c) => (
              <option key={c.id} value={c.id}>{c.number}. {c.name}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={creating || updating} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {creating || updating ? "Đang lưu…" : editing ? "Lưu dòng vốn" : "Thêm dòng vốn"}
        </button>
        <FormStatus state={state} success={editing ? "Đã lưu dòng vốn." : "Đã thêm dòng vốn."} testId="line-form-status" />
      </div>
    </form>
  );
}
