// The query string of a report (page and XLSX download): ?nam=2024&tinh=12&huyen=181.
import { z } from "zod";
import { ASSESSMENT_YEARS } from "@/lib/assessments/years";

const FIRST = ASSESSMENT_YEARS[0];
const LAST = ASSESSMENT_YEARS[ASSESSMENT_YEARS.length - 1];

/** "" (the "all" choice of a select) is the same as leaving the parameter out. */
const blankAsMissing = (v: unknown) => (v === "" ? undefined : v);

const unitId = (name: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ message: `Tham số ${name} chỉ được ghi một lần.` })
      .regex(/^\d{1,9}$/, `Tham số ${name} phải là mã số của đơn vị, ví dụ ${name}=12.`)
      .transform(Number)
      .optional(),
  );

export const ZReportQuery = z.object({
  nam: z.preprocess(
    blankAsMissing,
    z
      .string({ message: "Tham số nam chỉ được ghi một lần." })
      .regex(/^\d{4}$/, `Tham số nam phải là một năm, ví dụ nam=${LAST - 1}.`)
      .transform(Number)
      .refine((y) => ASSESSMENT_YEARS.includes(y), `Chỉ có số liệu các năm ${FIRST}–${LAST}.`)
      .optional(),
  ),
  tinh: unitId("tinh"),
  huyen: unitId("huyen"),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;
