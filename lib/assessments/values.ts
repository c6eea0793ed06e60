// Checking one indicator value, typed in the entry screen or read from a spreadsheet cell.
import { parseVietnameseNumber } from "./schemas";

export interface IndicatorInput {
  kind: "NUMBER" | "PERCENT" | "BOOLEAN";
}

export type ParsedValue = { value: number | boolean | null; error?: string };

/** Range checks of a number for its indicator; the value rounded to the stored two decimals. */
export function checkIndicatorNumber(ind: IndicatorInput, n: number): ParsedValue {
  if (!Number.isFinite(n)) return { value: null, error: "Giá trị phải là một số (ví dụ 85,5)." };
  if (n < 0) return { value: null, error: ind.kind === "PERCENT" ? "Tỷ lệ không được âm." : "Giá trị không được âm." };
  if (ind.kind === "PERCENT" && n > 100) return { value: null, error: "Tỷ lệ không được vượt quá 100%." };
  if (n > 1e9) return { value: null, error: "Giá trị quá lớn." };
  return { value: Math.round(n * 100) / 100 };
}

/** Checks one typed value against its indicator; returns the stored value or an error message. */
export function parseIndicatorValue(ind: IndicatorInput, raw: string | null): ParsedValue {
  if (raw === null || raw.trim() === "") return { value: null };
  if (ind.kind === "BOOLEAN") {
    if (raw === "true") return { value: true };
    if (raw === "false") return { value: false };
    return { value: null, error: "Chọn Đạt hoặc Không đạt." };
  }
  const n = parseVietnameseNumber(raw);
  if (Number.isNaN(n)) return { value: null, error: "Giá trị phải là một số (ví dụ 85,5)." };
  return checkIndicatorNumber(ind, n);
}
