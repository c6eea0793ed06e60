// vi-VN formatting, the one place numbers and dates are turned into text:
// 5.177 · 58,2% · 17,23 · 26/6/2020 · 10:14 6/9/2023.

const VN_TZ = "Asia/Ho_Chi_Minh";
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const fixedCache = new Map<number, Intl.NumberFormat>();

function fixed(digits: number) {
  let f = fixedCache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedCache.set(digits, f);
  }
  return f;
}

/** 5177 → "5.177"; with digits, exactly that many decimals: (17.234, 2) → "17,23". */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value == null || Number.isNaN(value)) return "–";
  return digits === 0 ? integer.format(value) : fixed(digits).format(value);
}

/** A share given in percent (58.2) → "58,2%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || Number.isNaN(value)) return "–";
  return `${fixed(digits).format(value)}%`;
}

/** Money in million VND → "16.400 triệu đồng" or, from 1 000 million, "16,4 tỷ đồng". */
export function formatMoneyMillions(value: number | null | undefined): string {
  if (value == null) return "–";
  return Math.abs(value) >= 1000 ? `${formatNumber(value / 1000, 1)} tỷ đồng` : `${formatNumber(value)} triệu đồng`;
}

// Vietnam is UTC+7 with no daylight saving, so calendar dates stored as UTC midnight (@db.Date)
// and instants both show the right day in Vietnam time.
const dateOnly = new Intl.DateTimeFormat("vi-VN", { timeZone: VN_TZ, day: "numeric", month: "numeric", year: "numeric" });
const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: VN_TZ,
  day: "numeric",
  month: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A calendar date or an instant → "26/6/2020" (the day in Vietnam). */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "–";
  return dateOnly.format(typeof value === "string" ? new Date(value) : value);
}

/** An instant, shown in Vietnam time → "10:14 6/9/2023". */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "–";
  const parts = dateTime.formatToParts(typeof value === "string" ? new Date(value) : value);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("hour")}:${get("minute")} ${Number(get("day"))}/${Number(get("month"))}/${get("year")}`;
}

/** Parses "26/6/2020" or "26-6-2020" (day first, as Vietnamese documents write) to a UTC date. */
export function parseVietnameseDate(text: string): Date | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCDate() === d && date.getUTCMonth() === mo - 1 ? date : null;
}

/** Today's date in Vietnam as a UTC-midnight Date (for comparing with @db.Date columns). */
export function todayInVietnam(now = new Date()): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: VN_TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${parts}T00:00:00Z`);
}

/** A file size → "850 KB", "1,2 MB". */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes == null || Number.isNaN(bytes)) return "–";
  if (bytes < 1024) return `${formatNumber(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}
