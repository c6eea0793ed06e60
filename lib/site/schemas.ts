import { z } from "zod";

/** SiteSetting "site" as stored (the seed writes it; the admin form edits it). */
export const ZSite = z.object({
  name: z.string(),
  office: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  isDemo: z.boolean().optional(),
});
export type TSite = z.infer<typeof ZSite>;

const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự.`);

/** The admin form of /quan-ly/cai-dat: the portal's name and the office answering for its content. */
export const ZSiteSettingsForm = z.object({
  name: text(120).min(3, "Nhập tên cổng thông tin."),
  office: text(200).min(3, "Nhập tên cơ quan chịu trách nhiệm nội dung."),
  address: text(300),
  phone: text(60).regex(/^[0-9+().\s-]*$/, "Số điện thoại chỉ gồm chữ số và các dấu + ( ) . -"),
  email: text(200).refine((v) => v === "" || z.email().safeParse(v).success, "Địa chỉ email không hợp lệ."),
});
export type TSiteSettingsForm = z.infer<typeof ZSiteSettingsForm>;
