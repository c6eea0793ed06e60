// zod schemas of the year plan and roadmap forms. Dates against the plan year, the criteria set
// of the year and the scope run in the service.
import { z } from "zod";
import { zDate, zId, zOptionalDate, zOptionalText, zYear, type RawInput } from "@/lib/ocop/input";
import { PLAN_TARGETS } from "./rules";

export const ZRegisterEntry = z.object({
  year: zYear,
  communeId: zId("Chọn xã đăng ký."),
  target: z.enum(PLAN_TARGETS as [string, ...string[]], { message: "Chọn mục tiêu (đạt chuẩn, nâng cao hoặc kiểu mẫu)." }),
  targetDate: zOptionalDate("ngày mục tiêu"),
  note: zOptionalText(1000),
});
export type TRegisterEntry = RawInput<z.input<typeof ZRegisterEntry>>;

export const ZUpdateEntry = z.object({
  entryId: zId(),
  targetDate: zOptionalDate("ngày mục tiêu"),
  note: zOptionalText(1000),
});
export type TUpdateEntry = RawInput<z.input<typeof ZUpdateEntry>>;

export const ZDeleteEntry = z.object({ entryId: zId() });
export type TDeleteEntry = RawInput<z.input<typeof ZDeleteEntry>>;

export const ZSaveRoadmapItem = z.object({
  entryId: zId(),
  criterionId: zId("Chọn tiêu chí."),
  targetDate: zDate("thời hạn hoàn thành"),
  note: zOptionalText(500),
});
export type TSaveRoadmapItem = RawInput<z.input<typeof ZSaveRoadmapItem>>;

export const ZRemoveRoadmapItem = z.object({ itemId: zId() });
export type TRemoveRoadmapItem = RawInput<z.input<typeof ZRemoveRoadmapItem>>;
