// Writes of the satisfaction surveys. Staff open and close a commune's survey (permission
// assessment.edit — the survey is part of the commune's recognition dossier — on a commune in
// scope, with an audit row). Residents answer anonymously: no account, no audit row, no address;
// the response row itself, keyed by a device hash, is the record.
import { assertCan, assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { todayInVietnam } from "@/lib/format";
import { parseInput, validationError } from "@/lib/ocop/input";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { deviceHash, isDeviceToken } from "./device";
import { isSatisfied, WindowLimiter } from "./rules";
import { ZAnswers, ZOpenSurvey, ZSetSurveyOpen, ZSurveyKey, type TOpenSurvey, type TSetSurveyOpen } from "./schemas";

/** Opens (or reopens) the survey of a commune and year. */
export async function openSurvey(viewer: Viewer | null, raw: TOpenSurvey): Promise<{ id: number }> {
  assertPermission(viewer, "assessment.edit");
  const input = parseInput(ZOpenSurvey, raw);
  const commune = await db.adminUnit.findUnique({ where: { id: input.communeId }, select: { id: true, level: true, type: true, provinceId: true, districtId: true, fullName: true } });
  if (!commune || commune.level !== "COMMUNE") throw validationError({ communeId: ["Không tìm thấy xã này."] });
  assertCan(viewer, "assessment.edit", commune);
  if (commune.type !== "XA") throw validationError({ communeId: ["Khảo sát sự hài lòng về xây dựng nông thôn mới áp dụng cho xã."] });
  if (input.year > todayInVietnam().getUTCFullYear()) throw validationError({ year: ["Không mở khảo sát cho năm chưa đến."] });
  if (!(await db.adminUnit.count({ where: { id: commune.id, ...validOn(unitsDateForYear(input.year)) } }))) {
    throw validationError({ communeId: [`${commune.fullName} không phải đơn vị hành chính của năm ${input.year}.`] });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.survey.findUnique({ where: { communeId_year: { communeId: commune.id, year: input.year } } });
    const survey = await tx.survey.upsert({
      where: { communeId_year: { communeId: commune.id, year: input.year } },
      create: { communeId: commune.id, year: input.year, open: true },
      update: { open: true },
    });
    await writeAudit(tx, { userId: viewer.id, action: "survey.open", entityType: "Survey", entityId: survey.id, unitId: commune.id, before: before ? { open: before.open } : null, after: { year: input.year, open: true } });
    return { id: survey.id };
  });
}

/** Closes a survey (no more responses) or opens it again. */
export async function setSurveyOpen(viewer: Viewer | null, raw: TSetSurveyOpen): Promise<{ id: number; open: boolean }> {
  assertPermission(viewer, "assessment.edit");
  const input = parseInput(ZSetSurveyOpen, raw);
  const survey = await db.survey.findUnique({ where: { id: input.surveyId }, include: { commune: { select: { id: true, provinceId: true, districtId: true } } } });
  if (!survey) throw notFound("Không tìm thấy khảo sát.");
  assertCan(viewer, "assessment.edit", survey.commune);
  return db.$transaction(async (tx) => {
    await tx.survey.update({ where: { id: survey.id }, data: { open: input.open } });
    await writeAudit(tx, { userId: viewer.id, action: input.open ? "survey.open" : "survey.close", entityType: "Survey", entityId: survey.id, unitId: survey.communeId, before: { open: survey.open }, after: { open: input.open } });
    return { id: survey.id, open: input.open };
  });
}

/** At most this many submissions per client address and window (a village hall shares one address). */
export const SUBMISSIONS_PER_WINDOW = 30;
export const SUBMISSION_WINDOW_MS = 10 * 60 * 1000;
const limiter = new WindowLimiter(SUBMISSIONS_PER_WINDOW, SUBMISSION_WINDOW_MS);

export interface SubmitInput {
  communeId: unknown;
  year: unknown;
  answers: unknown;
  /** the honeypot field: people never see it, form-filling robots do */
  honeypot?: string | null;
  /** the device token from the httpOnly cookie */
  deviceToken: string;
  /** the hashed client address (rate limit) */
  clientKey: string;
}

/**
 * Records a resident's answers: the survey must exist and be open, every question answered, one
 * response per device (by the keyed device hash) and at most SUBMISSIONS_PER_WINDOW per client
 * address per window. A filled honeypot is dropped silently (stored: false) so robots learn nothing.
 */
export async function submitSurveyResponse(input: SubmitInput, opts: { limiter?: WindowLimiter } = {}): Promise<{ stored: boolean }> {
  if (input.honeypot && input.honeypot.trim() !== "") return { stored: false };
  if (!(opts.limiter ?? limiter).take(input.clientKey)) {
    throw new AppError("RATE_LIMITED", "Có quá nhiều lượt gửi từ mạng của bạn trong ít phút qua. Vui lòng thử lại sau.");
  }
  const key = parseInput(ZSurveyKey, { communeId: input.communeId, year: input.year });
  const survey = await db.survey.findUnique({ where: { communeId_year: { communeId: key.communeId, year: key.year } }, select: { id: true, open: true } });
  if (!survey) throw new AppError("NOT_FOUND", "Không có khảo sát này.");
  if (!survey.open) throw new AppError("LOCKED", "Khảo sát đã kết thúc, không nhận thêm ý kiến.");
  const answers = parseInput(ZAnswers, input.answers);
  if (!isDeviceToken(input.deviceToken)) throw new AppError("VALIDATION", "Trình duyệt chưa nhận mã thiết bị. Vui lòng bật cookie rồi gửi lại.");
  const created = await db.surveyResponse.createMany({
    data: [{ surveyId: survey.id, deviceHash: deviceHash(survey.id, input.deviceToken), answers, satisfied: isSatisfied(answers) }],
    skipDuplicates: true,
  });
  if (created.count === 0) throw new AppError("CONFLICT", "Thiết bị này đã gửi ý kiến cho khảo sát này. Cảm ơn ông/bà đã tham gia!");
  return { stored: true };
}
