import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { SurveyForm } from "@/components/surveys/survey-form";
import { DEVICE_COOKIE } from "@/lib/surveys/device";
import { getPublicSurvey } from "@/lib/surveys/queries";
import { QUESTIONS } from "@/lib/surveys/rules";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Khảo sát sự hài lòng của người dân",
  description: "Ý kiến của người dân về kết quả xây dựng nông thôn mới của xã (ẩn danh).",
  robots: { index: false },
};

export default async function SurveyPage({ params }: { params: Promise<{ communeId: string; year: string }> }) {
  const p = await params;
  const communeId = Number.parseInt(p.communeId, 10);
  const year = Number.parseInt(p.year, 10);
  if (!Number.isSafeInteger(communeId) || communeId <= 0 || !Number.isSafeInteger(year)) notFound();
  const survey = await getPublicSurvey(communeId, year, (await cookies()).get(DEVICE_COOKIE)?.value);
  if (!survey) notFound();
  const place = [survey.commune.district?.fullName, survey.commune.province?.fullName].filter(Boolean).join(", ");
  return (
    <div className="mx-auto grid max-w-2xl gap-4">
      <div>
        <h1 className="text-xl font-semibold text-brand-800">Khảo sát sự hài lòng của người dân về xây dựng nông thôn mới</h1>
        <p className="text-gray-700">
          {survey.commune.fullName}{place ? `, ${place}` : ""} · năm {survey.year}
        </p>
        <p className="mt-2 text-sm text-gray-600">
          Phiếu gồm {QUESTIONS.length} câu hỏi, mất khoảng 1 phút. Phiếu ẩn danh: cổng thông tin không hỏi và không lưu họ tên, số điện thoại hay địa chỉ của ông/bà. Mỗi thiết bị gửi một lần.
        </p>
      </div>
      {!survey.open ? (
        <p className="rounded border bg-white p-4 text-gray-700" role="status">Khảo sát đã kết thúc, không nhận thêm ý kiến. Cảm ơn ông/bà đã quan tâm.</p>
      ) : (
        <SurveyForm communeId={communeId} year={year} answered={survey.answered} />
      )}
    </div>
  );
}
