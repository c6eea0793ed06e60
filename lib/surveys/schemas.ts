// zod schemas of the survey forms: the public response (every question answered from the fixed
// scale) and the staff forms that open and close a survey.
import { z } from "zod";
import { zId, zYear, type RawInput } from "@/lib/ocop/input";
import { ANSWERS, QUESTIONS, type Answer, type QuestionKey } from "./rules";

const answer = z.enum(ANSWERS as [Answer, ...Answer[]], { message: "Vui lòng chọn một mức độ." });

export const ZAnswers = z.object(Object.fromEntries(QUESTIONS.map((q) => [q.key, answer])) as Record<QuestionKey, typeof answer>);
export type TAnswers = z.output<typeof ZAnswers>;

export const ZSurveyKey = z.object({ communeId: zId(), year: zYear });

export const ZOpenSurvey = z.object({ communeId: zId("Chọn xã."), year: zYear });
export type TOpenSurvey = RawInput<z.input<typeof ZOpenSurvey>>;

export const ZSetSurveyOpen = z.object({ surveyId: zId(), open: z.enum(["true", "false"]).transform((v) => v === "true") });
export type TSetSurveyOpen = RawInput<z.input<typeof ZSetSurveyOpen>>;
