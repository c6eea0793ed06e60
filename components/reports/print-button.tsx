"use client";

/** Opens the browser's print dialog, where "Lưu dưới dạng PDF" gives the PDF. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
      In / Lưu PDF
    </button>
  );
}
