import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db";

const ZSite = z.object({
  name: z.string(),
  office: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  isDemo: z.boolean().optional(),
});
export type TSite = z.infer<typeof ZSite>;

const FALLBACK: TSite = { name: "Cổng thông tin Nông thôn mới", office: "Văn phòng Điều phối nông thôn mới", address: "", phone: "", email: "" };

/** Footer and identity of the portal (SiteSetting "site", editable by an admin). */
export const getSiteSettings = cache(async (): Promise<TSite> => {
  const row = await db.siteSetting.findUnique({ where: { key: "site" } });
  const parsed = ZSite.safeParse(row?.value);
  return parsed.success ? parsed.data : FALLBACK;
});
