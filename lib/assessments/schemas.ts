// zod schemas of the assessment forms. Kind-specific checks of indicator values (a percentage
// within 0–100, a number not negative) need the indicator and run in the service.
import { z } from "zod";
import { FIRST_ASSESSMENT_YEAR, LAST_ASSESSMENT_YEAR } from "@/lib/units/rules";

const YEAR_RANGE = `Năm đánh giá từ ${FIRST_ASSESSMENT_YEAR} đến ${LAST_ASSESSMENT_YEAR}.`;

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự.`);

export const ZSaveCriterion = z.object({
  communeId: id,
  year: z.coerce.number().int().min(FIRST_ASSESSMENT_YEAR, YEAR_RANGE).max(LAST_ASSESSMENT_YEAR, YEAR_RANGE),
  criterionId: id,
  /** the version of the criterion the form was loaded with (0 = not saved yet) */
  version: z.coerce.number().int().min(0),
  values: z.record(z.string().regex(/^\d+$/), z.string().max(40).nullable()),
  evidenceNote: text(4000).optional().default(""),
  overrideStatus: z.enum(["", "MET", "BASIC", "NOT_MET"]).optional().default(""),
  overrideReason: text(1000).optional().default(""),
});
export type TSaveCriterion = z.infer<typeof ZSaveCriterion>;

/** A step of the annual report: send (commune), confirm or return (the level above). */
export const ZTransition = z.discriminatedUnion("action", [
  z.object({ action: z.literal("submit"), assessmentId: id, version: id }),
  z.object({ action: z.literal("confirm"), assessmentId: id, version: id }),
  z.object({ action: z.literal("return"), assessmentId: id, version: id, comment: text(2000).min(5, "Nêu rõ lý do trả lại (ít nhất 5 ký tự).") }),
]);
export type TTransition = z.infer<typeof ZTransition>;

/**
 * Parses a number as Vietnamese forms write it: "85,5" or "85.5"; "1.234,5" with thousands dots.
 * Returns NaN for anything else (text, several commas, "12abc").
 */
export function parseVietnameseNumber(raw: string): number {
  const s = raw.trim().replace(/\s/g, "").replace(/%$/, "");
  if (!/^-?[\d.,]+$/.test(s)) return Number.NaN;
  let normal = s;
  if (s.includes(",")) {
    if (s.indexOf(",") !== s.lastIndexOf(",")) return Number.NaN;
    normal = s.replace(/\./g, "").replace(",", ".");
  } else if ((s.match(/\./g) ?? []).length > 1 || /^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) {
    // "1.234" or "1.234.567": dots group thousands (a group never starts a number with 0: "0.500" is 0,5)
    if (!/^-?[1-9]\d{0,2}(\.\d{3})+$/.test(s)) return Number.NaN;
    normal = s.replace(/\./g, "");
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : Number.NaN;
}
