// zod schemas of the capital forms (money in million VND). Checks that need the line's other
// figures (allocated vs disbursed, dates against the year and the deadline) run in the service.
import { z } from "zod";
import { zDate, zId, zMoney, zOptionalDate, zOptionalText, zYear, type RawInput } from "@/lib/ocop/input";
import { CAPITAL_SOURCES } from "./rules";

const optionalId = z
  .union([z.literal(""), zId()])
  .nullish()
  .transform((v) => (v ? v : null));

const lineFields = {
  project: zOptionalText(300),
  /** the criterion the money funds (of the commune criteria set of the line's year) */
  criterionId: optionalId,
  planned: z
    .union([z.literal(""), zMoney("vốn kế hoạch")])
    .nullish()
    .transform((v) => (v === "" || v === null || v === undefined ? null : v)),
  allocated: zMoney("vốn được giao"),
  disbursementDeadline: zOptionalDate("hạn giải ngân"),
};

export const ZCreateLine = z.object({
  year: zYear,
  unitId: zId("Chọn đơn vị được giao vốn."),
  source: z.enum(CAPITAL_SOURCES as [string, ...string[]], { message: "Chọn nguồn vốn." }),
  ...lineFields,
});
export type TCreateLine = RawInput<z.input<typeof ZCreateLine>>;

export const ZUpdateLine = z.object({
  lineId: zId(),
  version: z.coerce.number().int().min(1),
  ...lineFields,
});
export type TUpdateLine = RawInput<z.input<typeof ZUpdateLine>>;

export const ZAddDisbursement = z.object({
  lineId: zId(),
  date: zDate("ngày giải ngân"),
  amount: zMoney("số tiền giải ngân").refine((n) => n > 0, { message: "Số tiền giải ngân phải lớn hơn 0." }),
  note: zOptionalText(500),
});
export type TAddDisbursement = RawInput<z.input<typeof ZAddDisbursement>>;

export const ZDeleteDisbursement = z.object({ disbursementId: zId() });
export type TDeleteDisbursement = RawInput<z.input<typeof ZDeleteDisbursement>>;
