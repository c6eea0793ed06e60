"use client";

import { useActionState, useMemo, useState } from "react";
import { saveCriterionAction } from "@/lib/assessments/actions";
import { parseVietnameseNumber } from "@/lib/assessments/schemas";
import { criterionStatus, effectiveStatus, isIndicatorMet, relativeGap, type CriterionStatus } from "@/lib/criteria/rules";
import { CriterionStatusBadge, CRITERION_STATUS_LABELS } from "@/components/portal/criterion-status-badge";
import { thresholdText, valueText } from "@/components/portal/threshold-text";
import { EvidenceUpload } from "./evidence-upload";
import type { CriterionView, IndicatorView } from "./types";

const toInput = (v: number | boolean | null): string =>
  v === null ? "" : typeof v === "boolean" ? String(v) : String(v).replace(".", ",");

function liveValue(ind: IndicatorView, raw: string): number | boolean | null {
  if (raw.trim() === "") return null;
  if (ind.kind === "BOOLEAN") return raw === "true" ? true : raw === "false" ? false : null;
  const n = parseVietnameseNumber(raw);
  return Number.isNaN(n) ? null : n;
}

interface ConflictDetails {
  savedBy: string;
  version: number;
  values: Record<string, number | boolean | null>;
  evidenceNote?: string | null;
}

/** One criterion of the entry screen: its indicators, met/not met as you type, evidence, save. */
export function CriterionForm({ communeId, year, criterion, canEdit }: { communeId: number; year: number; criterion: CriterionView; canEdit: boolean }) {
  const [state, action, pending] = useActionState(saveCriterionAction, null);
  const initial = useMemo(() => Object.fromEntries(criterion.indicators.map((i) => [i.id, toInput(i.value)])), [criterion.indicators]);
  const [values, setValues] = useState<Record<number, string>>(initial);
  const [override, setOverride] = useState<string>(criterion.result?.overrideStatus ?? "");
  const [adopted, setAdopted] = useState<ConflictDetails | null>(null);
  const savedVersion = state?.ok ? state.data.version : 0;
  const version = adopted?.version ?? Math.max(criterion.result?.version ?? 0, savedVersion);
  const conflict = state && !state.ok && state.code === "CONFLICT" ? (state.details as ConflictDetails | undefined) : undefined;
  const fieldErrors = state && !state.ok ? state.fieldErrors ?? {} : {};

  const outcomes = criterion.indicators.map((i) => {
    const v = liveValue(i, values[i.id] ?? "");
    return { met: isIndicatorMet(i, i.threshold, v), gap: relativeGap(i, i.threshold, v) };
  });
  const computed: CriterionStatus = criterionStatus(outcomes);
  const status = effectiveStatus(computed, override ? { status: override as CriterionStatus, reason: "x" } : null);
  const metCount = outcomes.filter((o) => o.met === true).length;

  function adoptNewer() {
    if (!conflict) return;
    setValues(Object.fromEntries(criterion.indicators.map((i) => [i.id, toInput(conflict.values[i.id] ?? null)])));
    setAdopted(conflict);
  }

  return (
    <details open={criterion.result?.status !== "MET"} className="rounded border bg-white" data-testid={`criterion-${criterion.number}`}>
      <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2 px-4 py-2">
        <span className="font-semibold">
          {criterion.number}. {criterion.name}
        </span>
        <span className="flex items-center gap-2 text-sm text-gray-600">
          {metCount}/{criterion.indicators.length} chỉ tiêu đạt
          <CriterionStatusBadge status={canEdit ? status : criterion.result?.status ?? "NOT_MET"} />
        </span>
      </summary>
      <form action={action} className="border-t px-4 py-3">
        <input type="hidden" name="communeId" value={communeId} />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="criterionId" value={criterion.id} />
        <input type="hidden" name="version" value={version} />
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-gray-600">
              <th scope="col" className="py-1 pr-2">Chỉ tiêu</th>
              <th scope="col" className="py-1 pr-2">Ngưỡng của xã</th>
              <th scope="col" className="py-1 pr-2">Năm trước</th>
              <th scope="col" className="py-1 pr-2">Giá trị</th>
              <th scope="col" className="py-1">Kết quả</th>
            </tr>
          </thead>
          <tbody>
            {criterion.indicators.map((i, idx) => {
              const inputId = `v_${i.id}`;
              const error = fieldErrors[`values.${i.id}`]?.[0];
              const met = outcomes[idx].met;
              return (
                <tr key={i.id} className="border-t align-top">
                  <td className="py-1.5 pr-2">
                    <label htmlFor={inputId}>
                      {i.code} {i.name}
                    </label>
                    {i.isSample && <span className="ml-1 text-xs text-amber-700" title="Chỉ tiêu và ngưỡng mẫu, chưa đối chiếu văn bản gốc">(mẫu)</span>}
                  </td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">
                    {thresholdText(i)}
                    {i.thresholdIsOverride && <span className="block text-xs text-gray-500">theo quy định của tỉnh</span>}
                  </td>
                  <td className="py-1.5 pr-2 whitespace-nowrap text-gray-600">{i.lastYear === null ? "–" : valueText({ ...i, value: i.lastYear })}</td>
                  <td className="py-1.5 pr-2">
                    {!canEdit ? (
                      valueText(i)
                    ) : i.kind === "BOOLEAN" ? (
                      <select id={inputId} name={inputId} value={values[i.id] ?? ""} onChange={(e) => setValues({ ...values, [i.id]: e.target.value })} className="rounded border px-2 py-1" aria-invalid={!!error} aria-describedby={error ? `${inputId}-err` : undefined}>
                        <option value="">— Chưa nhập —</option>
                        <option value="true">Đạt</option>
                        <option value="false">Không đạt</option>
                      </select>
                    ) : (
                      <span className="inline-flex items-center gap-1">
                        <input id={inputId} name={inputId} inputMode="decimal" autoComplete="off" value={values[i.id] ?? ""} onChange={(e) => setValues({ ...values, [i.id]: e.target.value })} className={`w-28 rounded border px-2 py-1 text-right tabular-nums ${error ? "border-red-600" : ""}`} aria-invalid={!!error} aria-describedby={error ? `${inputId}-err` : undefined} />
                        <span className="text-gray-500">{i.unit === "%" ? "%" : ""}</span>
                      </span>
                    )}
                    {error && (
                      <p id={`${inputId}-err`} className="mt-0.5 text-xs text-red-700">
                        {error}
                      </p>
                    )}
                  </td>
                  <td className="py-1.5" aria-live="polite">
                    {met === null ? <span className="text-gray-500">Chưa có số liệu</span> : met ? <span className="text-green-700">✓ Đạt</span> : <span className="text-red-700">✗ Chưa đạt</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        {canEdit ? (
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            <div className="grid gap-1">
              <label htmlFor={`note-${criterion.id}`} className="text-sm font-semibold">Ghi chú minh chứng</label>
              <textarea id={`note-${criterion.id}`} name="evidenceNote" rows={2} defaultValue={adopted?.evidenceNote ?? criterion.result?.evidenceNote ?? ""} className="rounded border px-2 py-1 text-sm" placeholder="Văn bản, biên bản, số liệu thống kê làm căn cứ…" />
            </div>
            <div className="grid gap-1">
              <label htmlFor={`override-${criterion.id}`} className="text-sm font-semibold">Kết quả tiêu chí</label>
              <select id={`override-${criterion.id}`} name="overrideStatus" value={override} onChange={(e) => setOverride(e.target.value)} className="rounded border px-2 py-1 text-sm">
                <option value="">Theo chỉ tiêu: {CRITERION_STATUS_LABELS[computed]}</option>
                <option value="MET">Điều chỉnh: Đạt</option>
                <option value="BASIC">Điều chỉnh: Cơ bản đạt</option>
                <option value="NOT_MET">Điều chỉnh: Chưa đạt</option>
              </select>
              {override && (
                <>
                  <label htmlFor={`reason-${criterion.id}`} className="text-xs text-gray-700">Lý do điều chỉnh (bắt buộc)</label>
                  <textarea id={`reason-${criterion.id}`} name="overrideReason" rows={2} defaultValue={criterion.result?.overrideReason ?? ""} className={`rounded border px-2 py-1 text-sm ${fieldErrors.overrideReason ? "border-red-600" : ""}`} />
                  {fieldErrors.overrideReason && <p className="text-xs text-red-700">{fieldErrors.overrideReason[0]}</p>}
                </>
              )}
            </div>
          </div>
        ) : (
          <>
            {criterion.result?.overrideStatus && (
              <p className="mt-2 text-sm text-amber-800">
                Kết quả được điều chỉnh thủ công: {CRITERION_STATUS_LABELS[criterion.result.overrideStatus]} — {criterion.result.overrideReason}
              </p>
            )}
            {criterion.result?.evidenceNote && <p className="mt-2 text-sm">Minh chứng: {criterion.result.evidenceNote}</p>}
          </>
        )}

        <div className="mt-3 flex flex-wrap items-center gap-3">
          {canEdit && (
            <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {pending ? "Đang lưu…" : `Lưu tiêu chí ${criterion.number}`}
            </button>
          )}
          {criterion.result?.updatedBy && (
            <span className="text-xs text-gray-500">
              Lưu lần cuối bởi {criterion.result.updatedBy} · phiên bản {version}
            </span>
          )}
          <p role="status" aria-live="polite" className="text-sm" data-testid={`criterion-${criterion.number}-message`}>
            {state?.ok && <span className="text-green-700">Đã lưu. Xã đạt {state.data.criteriaMet}/{state.data.criteriaTotal} tiêu chí.</span>}
            {state && !state.ok && <span className="text-red-700">{state.message}</span>}
          </p>
        </div>
        {conflict && !adopted && (
          <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid={`criterion-${criterion.number}-conflict`}>
            <p className="font-semibold">Giá trị mới do {conflict.savedBy} lưu:</p>
            <ul className="ml-5 list-disc">
              {criterion.indicators.map((i) => (
                <li key={i.id}>
                  {i.code}: {valueText({ ...i, value: conflict.values[i.id] ?? null })}
                </li>
              ))}
            </ul>
            <button type="button" onClick={adoptNewer} className="mt-2 rounded border border-amber-500 px-3 py-1">
              Dùng giá trị mới để sửa tiếp
            </button>
          </div>
        )}
      </form>
      {(criterion.result?.files.length || canEdit) && (
        <EvidenceUpload communeId={communeId} year={year} criterionId={criterion.id} files={criterion.result?.files ?? []} canEdit={canEdit && !!criterion.result} />
      )}
    </details>
  );
}
