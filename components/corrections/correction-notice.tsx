import { correctionNotice } from "@/lib/corrections/rules";

/** On public figures: the year's figures were corrected after recognition, and when (the latest approval). */
export function CorrectionNotice({ year, correctedAt }: { year: number; correctedAt: Date }) {
  return (
    <p role="note" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="correction-notice">
      {correctionNotice(year, correctedAt)}{" "}
      <span className="text-amber-800">(số liệu của xã đã xác nhận được sửa theo đề nghị điều chỉnh có lý do, đã được phê duyệt).</span>
    </p>
  );
}
