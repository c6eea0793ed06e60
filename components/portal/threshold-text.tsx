import { formatNumber } from "@/lib/format";

/** "≥ 90%", "≤ 6%", "≥ 45 triệu đồng/người/năm", "Đạt". */
export function thresholdText(i: { kind: string; comparison: string; threshold: number | null; unit: string | null }): string {
  if (i.kind === "BOOLEAN") return "Đạt";
  if (i.threshold === null) return "–";
  const sign = i.comparison === "GTE" ? "≥ " : i.comparison === "LTE" ? "≤ " : "";
  const unit = i.unit === "%" ? "%" : i.unit ? ` ${i.unit}` : "";
  return `${sign}${formatNumber(i.threshold, Number.isInteger(i.threshold) ? 0 : 1)}${unit}`;
}

export function valueText(i: { kind: string; value: number | boolean | null; unit: string | null }): string {
  if (i.value === null) return "Chưa nhập";
  if (typeof i.value === "boolean") return i.value ? "Đạt" : "Không đạt";
  return `${formatNumber(i.value, Number.isInteger(i.value) ? 0 : 1)}${i.unit === "%" ? "%" : ""}`;
}
