"use client";

import { useState } from "react";
import { parseVietnameseNumber } from "@/lib/assessments/schemas";
import { formatDate, formatNumber } from "@/lib/format";
import { addEvaluationAction } from "@/lib/ocop/actions";
import { certificateExpiry, COUNCIL_LEVEL_LABELS, SCORE_MAX, scoreErrors, starsFromScore, totalScore, type CouncilLevel } from "@/lib/ocop/rules";
import { errorProps, Field, FormStatus, inputClass } from "./form-field";
import { StarRank } from "./star-rank";
import { useFormAction } from "./use-form-action";

const PARTS = [
  { key: "A", name: "scoreA", label: "Phần A – Sản phẩm và sức mạnh cộng đồng" },
  { key: "B", name: "scoreB", label: "Phần B – Khả năng tiếp thị" },
  { key: "C", name: "scoreC", label: "Phần C – Chất lượng sản phẩm" },
] as const;

/** A council's result (đánh giá, phân hạng): the three parts, the total and rank shown as typed; the server derives them again. */
export function EvaluationForm({ productId, defaultYear }: { productId: number; defaultYear: number }) {
  const { state, pending, formProps } = useFormAction(addEvaluationAction);
  const [scores, setScores] = useState({ A: "", B: "", C: "" });
  const [decisionDate, setDecisionDate] = useState("");
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const parsed = { A: parseVietnameseNumber(scores.A), B: parseVietnameseNumber(scores.B), C: parseVietnameseNumber(scores.C) };
  const complete = scores.A !== "" && scores.B !== "" && scores.C !== "";
  // each part is checked as soon as it is typed; empty parts are not errors yet
  const live = Object.fromEntries(Object.entries(scoreErrors(parsed)).filter(([part]) => scores[part as keyof typeof scores] !== "")) as ReturnType<typeof scoreErrors>;
  const total = complete && Object.keys(scoreErrors(parsed)).length === 0 ? totalScore(parsed) : null;
  const expiry = /^\d{4}-\d{2}-\d{2}$/.test(decisionDate) ? certificateExpiry(new Date(`${decisionDate}T00:00:00Z`)) : null;

  return (
    <form {...formProps} className="grid gap-3 rounded border bg-white p-4" aria-label="Ghi kết quả đánh giá, phân hạng">
      <input type="hidden" name="productId" value={productId} />
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="year" label="Năm đánh giá" errors={errors.year}>
          <input id="year" name="year" inputMode="numeric" required defaultValue={defaultYear} className={inputClass} {...errorProps("year", errors.year)} />
        </Field>
        <Field id="councilLevel" label="Hội đồng đánh giá" errors={errors.councilLevel}>
          <select id="councilLevel" name="councilLevel" defaultValue="PROVINCE" className={inputClass} {...errorProps("councilLevel", errors.councilLevel)}>
            {(Object.keys(COUNCIL_LEVEL_LABELS) as CouncilLevel[]).map((l) => (
              <option key={l} value={l}>{COUNCIL_LEVEL_LABELS[l]}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        {PARTS.map((p) => {
          const serverError = errors[p.name];
          const liveError = live[p.key];
          const shown = serverError ?? (liveError ? [liveError] : undefined);
          return (
            <Field key={p.key} id={p.name} label={`${p.label} (tối đa ${SCORE_MAX[p.key]})`} errors={shown}>
              <input
                id={p.name}
                name={p.name}
                inputMode="decimal"
                autoComplete="off"
                required
                value={scores[p.key]}
                onChange={(e) => setScores({ ...scores, [p.key]: e.target.value })}
                className={`${inputClass} text-right tabular-nums`}
                {...errorProps(p.name, shown)}
              />
            </Field>
          );
        })}
      </div>
      <p className="text-sm" aria-live="polite" data-testid="evaluation-preview">
        Tổng điểm: <strong>{total === null ? "–" : formatNumber(total, 2)}</strong>/100 · Hạng: {total === null ? "–" : <StarRank stars={starsFromScore(total)} />}
        {total !== null && starsFromScore(total) < 3 && <span className="ml-2 text-amber-800">(dưới 3 sao: không được công nhận sản phẩm OCOP)</span>}
      </p>
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="decisionNo" label="Số quyết định công nhận" hint="Để trống khi chưa có quyết định." errors={errors.decisionNo}>
          <input id="decisionNo" name="decisionNo" placeholder="1234/QĐ-UBND" className={inputClass} {...errorProps("decisionNo", errors.decisionNo)} />
        </Field>
        <Field id="decisionDate" label="Ngày quyết định" errors={errors.decisionDate}>
          <input id="decisionDate" name="decisionDate" type="date" value={decisionDate} onChange={(e) => setDecisionDate(e.target.value)} className={inputClass} {...errorProps("decisionDate", errors.decisionDate)} />
        </Field>
        <Field id="certificateNo" label="Số giấy chứng nhận" errors={errors.certificateNo}>
          <input id="certificateNo" name="certificateNo" className={inputClass} {...errorProps("certificateNo", errors.certificateNo)} />
        </Field>
      </div>
      {expiry && <p className="text-sm text-gray-700">Giấy chứng nhận có hiệu lực 36 tháng: hết hạn ngày {formatDate(expiry)}.</p>}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : "Ghi kết quả đánh giá"}
        </button>
        <FormStatus
          state={state}
          testId="evaluation-status"
          success={state?.ok ? `Đã ghi kết quả: ${formatNumber(state.data.totalScore, 2)} điểm, ${state.data.stars} sao.` : null}
        />
      </div>
    </form>
  );
}
