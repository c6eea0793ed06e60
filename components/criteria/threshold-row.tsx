"use client";

import { useActionState } from "react";
import { updateThresholdsAction } from "@/lib/criteria/actions";

export interface ThresholdRowProps {
  indicator: { id: number; code: string; name: string; unit: string | null; kind: string; comparison: string; isSample: boolean };
  columns: { key: string; label: string }[];
  values: Record<string, string>;
  editable: Record<string, boolean>;
  canVerify: boolean;
}

/** One indicator's thresholds, editable cell by cell where the viewer may. */
export function ThresholdRow({ indicator, columns, values, editable, canVerify }: ThresholdRowProps) {
  const [state, action, pending] = useActionState(updateThresholdsAction, null);
  const anyEditable = Object.values(editable).some(Boolean) && indicator.kind !== "BOOLEAN";
  const sign = indicator.comparison === "GTE" ? "≥" : indicator.comparison === "LTE" ? "≤" : "";
  const formId = `thr-${indicator.id}`;
  return (
    <tr className="border-t align-top">
      <td className="px-2 py-1.5">
        <form id={formId} action={action}>
          <input type="hidden" name="indicatorId" value={indicator.id} />
        </form>
        <span className="font-semibold">{indicator.code}</span> {indicator.name}
        {indicator.isSample && <span className="ml-1 text-xs text-amber-700">(mẫu)</span>}
        <span className="block text-xs text-gray-500">
          {indicator.kind === "BOOLEAN" ? "Đạt / Không đạt" : `${sign} ngưỡng${indicator.unit ? ` (${indicator.unit})` : ""}`}
        </span>
        {state && (
          <span role="status" className={`block text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
            {state.ok ? "Đã lưu." : state.message}
          </span>
        )}
      </td>
      {columns.map((c) => (
        <td key={c.key} className="px-1 py-1.5">
          {indicator.kind === "BOOLEAN" ? (
            <span className="text-gray-400">–</span>
          ) : editable[c.key] ? (
            <input form={formId} name={`t_${c.key}`} defaultValue={values[c.key] ?? ""} aria-label={`${indicator.code} – ${c.label}`} inputMode="decimal" className="w-16 rounded border px-1 py-0.5 text-right text-sm tabular-nums" />
          ) : (
            <span className="tabular-nums">{values[c.key] || "–"}</span>
          )}
        </td>
      ))}
      <td className="px-2 py-1.5 whitespace-nowrap">
        {anyEditable && (
          <>
            {canVerify && (
              <label className="mr-2 text-xs">
                <input form={formId} type="checkbox" name="verified" defaultChecked={!indicator.isSample} /> đã đối chiếu văn bản
              </label>
            )}
            <button form={formId} type="submit" disabled={pending} className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white disabled:opacity-60">
              Lưu
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
