import { formatNumber, formatPercent } from "@/lib/format";
import { surveyFigures } from "@/lib/surveys/queries";

/**
 * Residents' satisfaction with the commune's NTM results in a year (QĐ 18/2022: a condition of
 * recognition): responses received and the share satisfied, from the online survey.
 */
export async function SatisfactionSummary({ communeId, year }: { communeId: number; year: number }) {
  const figures = await surveyFigures(communeId, year);
  return (
    <section className="rounded border bg-white px-4 py-3 text-sm" aria-label="Sự hài lòng của người dân" data-testid="satisfaction-summary">
      <h2 className="font-semibold">Sự hài lòng của người dân năm {year}</h2>
      {!figures ? (
        <p className="text-gray-600">Chưa tổ chức khảo sát trực tuyến.</p>
      ) : figures.responses === 0 ? (
        <p className="text-gray-600">Khảo sát {figures.open ? "đang mở" : "đã đóng"}, chưa có ý kiến nào.</p>
      ) : (
        <p>
          <span className="text-lg font-semibold text-brand-800">{formatPercent(figures.percent)}</span> hài lòng trên {formatNumber(figures.responses)} ý kiến
          <span className="text-gray-600"> · khảo sát {figures.open ? "đang mở" : "đã đóng"}</span>
        </p>
      )}
    </section>
  );
}
