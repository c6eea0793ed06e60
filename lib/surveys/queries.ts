// Reads of the satisfaction surveys: the public survey page, results per commune for staff
// (scoped to the viewer), one commune's figures (SatisfactionSummary) and the dashboard share.
import { figuresRead } from "@/lib/cache/cached-read";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/authz";
import type { Prisma } from "@/lib/generated/prisma/client";
import { communeScopeWhere } from "@/lib/units/scope";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import { deviceHash, isDeviceToken } from "./device";
import { ANSWERS, QUESTIONS, satisfiedPercent, type Answer, type QuestionKey } from "./rules";

/** The survey of a commune and year for the public page (null when there is none). */
export async function getPublicSurvey(communeId: number, year: number, deviceToken?: string) {
  const survey = await db.survey.findUnique({
    where: { communeId_year: { communeId, year } },
    select: {
      id: true,
      year: true,
      open: true,
      commune: { select: { id: true, fullName: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } } },
    },
  });
  if (!survey) return null;
  const answered = isDeviceToken(deviceToken)
    ? (await db.surveyResponse.count({ where: { surveyId: survey.id, deviceHash: deviceHash(survey.id, deviceToken) } })) > 0
    : false;
  return { ...survey, answered };
}

export interface SurveyFigures {
  surveyId: number;
  open: boolean;
  responses: number;
  satisfied: number;
  /** % satisfied, one decimal; null without responses */
  percent: number | null;
}

async function figuresOf(surveyIds: number[]): Promise<Map<number, { responses: number; satisfied: number }>> {
  if (!surveyIds.length) return new Map();
  const rows = await db.surveyResponse.groupBy({ by: ["surveyId", "satisfied"], where: { surveyId: { in: surveyIds } }, _count: { _all: true } });
  const out = new Map<number, { responses: number; satisfied: number }>();
  for (const r of rows) {
    const f = out.get(r.surveyId) ?? { responses: 0, satisfied: 0 };
    f.responses += r._count._all;
    if (r.satisfied) f.satisfied += r._count._all;
    out.set(r.surveyId, f);
  }
  return out;
}

/** One commune's survey figures for a year (SatisfactionSummary); null when no survey was opened. */
export async function surveyFigures(communeId: number, year: number): Promise<SurveyFigures | null> {
  const survey = await db.survey.findUnique({ where: { communeId_year: { communeId, year } }, select: { id: true, open: true } });
  if (!survey) return null;
  const f = (await figuresOf([survey.id])).get(survey.id) ?? { responses: 0, satisfied: 0 };
  return { surveyId: survey.id, open: survey.open, ...f, percent: satisfiedPercent(f.responses, f.satisfied) };
}

async function communeFilter(viewer: Viewer, provinceId?: number): Promise<Prisma.AdminUnitWhereInput> {
  if (viewer.unitId !== null) return communeScopeWhere(viewer);
  return provinceId ? { provinceId: { in: await unitWithPredecessors(provinceId) } } : {};
}

export interface SurveyRow extends SurveyFigures {
  year: number;
  communeId: number;
  commune: string;
  district: string | null;
  /** answers per question: count per level */
  byQuestion: Record<QuestionKey, Record<Answer, number>>;
}

/** Surveys of a year in the viewer's scope with their results. */
export async function listSurveysForViewer(viewer: Viewer, opts: { year: number; provinceId?: number }): Promise<SurveyRow[]> {
  const surveys = await db.survey.findMany({
    where: { year: opts.year, commune: await communeFilter(viewer, opts.provinceId) },
    orderBy: { commune: { name: "asc" } },
    select: { id: true, year: true, open: true, communeId: true, commune: { select: { fullName: true, district: { select: { fullName: true } } } } },
  });
  const ids = surveys.map((s) => s.id);
  const figures = await figuresOf(ids);
  const answers = ids.length ? await db.surveyResponse.findMany({ where: { surveyId: { in: ids } }, select: { surveyId: true, answers: true } }) : [];
  const empty = () => Object.fromEntries(QUESTIONS.map((q) => [q.key, Object.fromEntries(ANSWERS.map((a) => [a, 0]))])) as Record<QuestionKey, Record<Answer, number>>;
  const byQuestion = new Map<number, Record<QuestionKey, Record<Answer, number>>>();
  for (const r of answers) {
    const table = byQuestion.get(r.surveyId) ?? empty();
    const given = r.answers as Partial<Record<QuestionKey, Answer>>;
    for (const q of QUESTIONS) {
      const a = given[q.key];
      if (a && a in table[q.key]) table[q.key][a]++;
    }
    byQuestion.set(r.surveyId, table);
  }
  return surveys.map((s) => {
    const f = figures.get(s.id) ?? { responses: 0, satisfied: 0 };
    return {
      surveyId: s.id,
      open: s.open,
      year: s.year,
      communeId: s.communeId,
      commune: s.commune.fullName,
      district: s.commune.district?.fullName ?? null,
      ...f,
      percent: satisfiedPercent(f.responses, f.satisfied),
      byQuestion: byQuestion.get(s.id) ?? empty(),
    };
  });
}

/** Xã of the year's units in scope without a survey yet (the staff page's "open a survey" list). */
export async function communesWithoutSurvey(viewer: Viewer, opts: { year: number; provinceId?: number }) {
  if (viewer.unitId === null && !opts.provinceId) return [];
  const rows = await db.adminUnit.findMany({
    where: { level: "COMMUNE", type: "XA", AND: [validOn(unitsDateForYear(opts.year)), await communeFilter(viewer, opts.provinceId)], surveys: { none: { year: opts.year } } },
    orderBy: [{ district: { name: "asc" } }, { name: "asc" }],
    select: { id: true, fullName: true, district: { select: { fullName: true } } },
    take: 3000,
  });
  return rows.map((r) => ({ id: r.id, label: r.district ? `${r.fullName} (${r.district.fullName})` : r.fullName }));
}

export interface FeedbackShare {
  year: number;
  /** xã of the year's units (in the province and the units it succeeded, when given) */
  communes: number;
  /** of them, those whose survey of the year received at least one response */
  collecting: number;
  /** collecting ÷ communes in percent, one decimal; null when there are no communes */
  share: number | null;
}

/**
 * Share of communes collecting residents' feedback online in a year (target ≥ 40%,
 * FEEDBACK_TARGET_PERCENT): xã of the year's units with a survey of that year that received at
 * least one response. `provinceId` may be today's province or an earlier one.
 */
async function readShareOfCommunesCollectingFeedback(opts: { year: number; provinceId?: number }): Promise<FeedbackShare> {
  const on = unitsDateForYear(opts.year);
  const provinces = opts.provinceId ? await unitWithPredecessors(opts.provinceId) : null;
  // one statement: the xã of the year, and those whose survey of the year has a response
  const [row] = await db.$queryRaw<{ communes: number; collecting: number }[]>`
    SELECT count(*)::int AS communes,
           count(*) FILTER (WHERE c.id IN (
             SELECT s."communeId" FROM "Survey" s WHERE s.year = ${opts.year}
                AND EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."surveyId" = s.id)))::int AS collecting
    FROM "AdminUnit" c
    WHERE c.level = 'COMMUNE' AND c.type = 'XA' AND c."validFrom" <= ${on} AND (c."validTo" IS NULL OR c."validTo" > ${on})
      AND (${provinces === null} OR c."provinceId" = ANY(${provinces ?? []}::int[]))`;
  const { communes, collecting } = row;
  return { year: opts.year, communes, collecting, share: communes ? Math.round((collecting * 1000) / communes) / 10 : null };
}

// cached until the data it is read from changes (lib/cache/cached-read.ts)
export const shareOfCommunesCollectingFeedback = figuresRead("shareOfCommunesCollectingFeedback", readShareOfCommunesCollectingFeedback);
