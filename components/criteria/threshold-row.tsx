"use client";

import { useActionState } from "react";
import { updateThresholdsAction } from "@/lib/criteria/actions";
import { ThresholdSource } from "./threshold-source";

/** One threshold cell as stored: the value typed ("85,5"), and where it comes from. */
export interface ThresholdCell {
  value: string;
  isSample: boolean;
  source: string | null;
  confidence: string | null;
  /** the source's wording, or the condition a yes/no indicator must meet */
  note: string | null;
}

export interface ThresholdRowProps {
  indicator: { id: number; code: string; name: string; unit: string | null; kind: string; comparison: string; isSample: boolean };
  columns: { key: string; label: string }[];
  cells: Record<string, ThresholdCell>;
  editable: Record<string, boolean>;
  canVerify: boolean;
  /** every national value was checked against the official text by an administrator */
  verified: boolean;
}

/** A condition spelled out by the source, beyond a plain "Đạt" / "Không". */
function conditionOf(note: string | null): string | null {
  const text = note?.replace(/^Nguồn ghi:\s*/, "").replace(/\.$/, "").trim();
  return text && !/^(Đạt|Không)$/i.test(text) ? text : null;
}

/** One indicator's thresholds, editable cell by cell where the viewer may, each with its source. */
export function ThresholdRow({ indicator, columns, cells, editable, canVerify, verified }: ThresholdRowProps) {
  const [state, action, pending] = useActionState(updateThresholdsAction, null);
  const yesNo = indicator.kind === "BOOLEAN";
  const anyEditable = Object.values(editable).some(Boolean) && !yesNo;
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
          {yesNo ? "Đạt / Không đạt" : `${sign} ngưỡng${indicator.unit ? ` (${indicator.unit})` : ""}`}
        </span>
        {state && (
          <span role="status" className={`block text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
            {state.ok ? "Đã lưu." : state.message}
          </span>
        )}
      </td>
      {columns.map((c) => {
        const cell = cells[c.key];
        const condition = conditionOf(cell?.note ?? null);
        return (
          <td key={c.key} className="px-1 py-1.5" title={cell?.note ?? undefined}>
            {yesNo ? (
              cell ? <span>Đạt</span> : <span className="text-gray-400">–</span>
            ) : editable[c.key] ? (
              <input form={formId} name={`t_${c.key}`} defaultValue={cell?.value ?? ""} aria-label={`${indicator.code} – ${c.label}`} inputMode="decimal" className="w-16 rounded border px-1 py-0.5 text-right text-sm tabular-nums" />
            ) : (
              <span className="tabular-nums">{cell?.value || "–"}</span>
            )}
            {cell && <ThresholdSource source={cell.source} confidence={cell.confidence} isSample={cell.isSample} className="block" />}
            {condition && (
              <details className="text-xs text-gray-600">
                <summary className="cursor-pointer">điều kiện</summary>
                {condition}
              </details>
            )}
          </td>
        );
      })}
      <td className="px-2 py-1.5 whitespace-nowrap">
        {anyEditable && (
          <>
            {canVerify && (
              <label className="mr-2 text-xs">
                <input form={formId} type="checkbox" name="verified" defaultChecked={verified} /> đã đối chiếu văn bản
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
