import { z } from "zod";

const cell = z.string().trim().max(20);

/** One indicator's thresholds as typed in the admin table (empty = no specific value). */
export const ZIndicatorThresholds = z.object({
  indicatorId: z.coerce.number().int().positive(),
  cells: z.record(z.string().regex(/^(general|TDMNPB|DBSH|BTB|DHNTB|TN|DNB|DBSCL|g1|g2|g3|province)$/), cell),
  verified: z.boolean().default(false),
});
export type TIndicatorThresholds = z.infer<typeof ZIndicatorThresholds>;
