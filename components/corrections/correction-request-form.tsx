"use client";

import { useState } from "react";
import { useFormAction } from "@/components/editor/use-form-action";
import { requestCorrectionAction } from "@/lib/corrections/actions";
import { formatCorrectionValue, type IndicatorKind, type StoredValue } from "@/lib/corrections/rules";

export interface CorrectableIndicator {
  id: number;
  code: string;
  name: string;
  criterionNumber: number;
  criterionName: string;
  kind: IndicatorKind;
  unit: string | null;
  value: StoredValue;
}

const field = "rounded border px-2 py-1 text-sm";

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-xs text-red-700">
      {messages.join(" ")}
    </p>
  );
}

/**
 * "Đề nghị điều chỉnh": pick the indicators to correct, type each new value next to the current
 * one, say why. The current values shown are for reading only: the server takes the old values
 * from the database when the request is made.
 */
export function CorrectionRequestForm({ assessmentId, indicators }: { assessmentId: number; indicators: CorrectableIndicator[] }) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(requestCorrectionAction);
  const [rows, setRows] = useState<{ key: number; indicatorId: number | null }[]>([{ key: 0, indicatorId: null }]);
  const [nextKey, setNextKey] = useState(1);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const criteria = [...new Map(indicators.map((i) => [i.criterionNumber, i.criterionName])).entries()];
  const chosen = new Set(rows.map((r) => r.indicatorId));

  if (state?.ok) {
    return (
      <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="correction-requested">
        Đã gửi đề nghị điều chỉnh. Đề nghị sẽ được áp dụng khi cán bộ có thẩm quyền (không phải người lập) phê duyệt.
      </p>
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-3" aria-label="Đề nghị điều chỉnh">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-gray-600">
            <th className="py-1 pr-2 font-normal">Chỉ tiêu</th>
            <th className="py-1 pr-2 font-normal">Giá trị hiện tại</th>
            <th className="py-1 pr-2 font-normal">Giá trị mới</th>
            <th className="py-1 font-normal">
              <span className="sr-only">Bỏ dòng</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, n) => {
            const ind = row.indicatorId !== null ? byId.get(row.indicatorId) : undefined;
            const errorKey = ind ? `values.${ind.id}` : "";
            const errors = ind ? fieldErrors[errorKey] : undefined;
            return (
              <tr key={row.key} className="align-top">
                <td className="py-1 pr-2">
                  <label className="sr-only" htmlFor={`correction-indicator-${row.key}`}>
                    Chỉ tiêu cần điều chỉnh {n + 1}
                  </label>
                  <select
                    id={`correction-indicator-${row.key}`}
                    className={`${field} w-full max-w-md`}
                    value={row.indicatorId ?? ""}
                    onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, indicatorId: e.target.value ? Number(e.target.value) : null } : r)))}
                  >
                    <option value="">— Chọn chỉ tiêu —</option>
                    {criteria.map(([number, name]) => (
                      <optgroup key={number} label={`${number}. ${name}`}>
                        {indicators
                          .filter((i) => i.criterionNumber === number)
                          .map((i) => (
                            <option key={i.id} value={i.id} disabled={chosen.has(i.id) && i.id !== row.indicatorId}>
                              {i.code} {i.name}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </td>
                <td className="py-1 pr-2 whitespace-nowrap" data-testid={ind ? `correction-current-${ind.code}` : undefined}>
                  {ind ? formatCorrectionValue(ind.kind, ind.value, ind.unit) : "–"}
                </td>
                <td className="py-1 pr-2">
                  {ind &&
                    (ind.kind === "BOOLEAN" ? (
                      <select name={`v_${ind.id}`} aria-label={`Giá trị mới của chỉ tiêu ${ind.code}`} className={field} defaultValue="" aria-invalid={errors ? true : undefined} aria-describedby={errors ? `err-${row.key}` : undefined}>
                        <option value="">— Chọn —</option>
                        <option value="true">Đạt</option>
                        <option value="false">Không đạt</option>
                      </select>
                    ) : (
                      <input
                        name={`v_${ind.id}`}
                        aria-label={`Giá trị mới của chỉ tiêu ${ind.code}`}
                        inputMode="decimal"
                        className={`${field} w-28`}
                        aria-invalid={errors ? true : undefined}
                        aria-describedby={errors ? `err-${row.key}` : undefined}
                      />
                    ))}
                  {ind && ind.kind !== "BOOLEAN" && <span className="ml-1 text-xs text-gray-600">{ind.kind === "PERCENT" ? "%" : ind.unit}</span>}
                  <FieldError id={`err-${row.key}`} messages={errors} />
                </td>
                <td className="py-1">
                  {rows.length > 1 && (
                    <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                      Bỏ
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <button
          type="button"
          className="rounded border px-3 py-1 text-sm hover:bg-gray-50"
          onClick={() => {
            setRows([...rows, { key: nextKey, indicatorId: null }]);
            setNextKey(nextKey + 1);
          }}
        >
          Thêm chỉ tiêu
        </button>
      </div>
      <FieldError id="err-values" messages={fieldErrors.values} />
      <label className="grid gap-0.5 text-sm">
        Lý do điều chỉnh (căn cứ, văn bản)
        <textarea
          name="reason"
          rows={3}
          required
          className={field}
          aria-invalid={fieldErrors.reason ? true : undefined}
          aria-describedby={fieldErrors.reason ? "err-reason" : undefined}
        />
      </label>
      <FieldError id="err-reason" messages={fieldErrors.reason} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang gửi…" : "Gửi đề nghị điều chỉnh"}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {state && !state.ok && <span className="text-red-700">{state.message}</span>}
        </p>
      </div>
    </form>
  );
}
