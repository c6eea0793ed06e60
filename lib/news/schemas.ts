// zod schemas of the article form. The body is sanitised (and checked not empty) in the service.
import { z } from "zod";
import { checkbox, id, optionalId, optionalText, optionalUrl, requiredText, version } from "@/lib/content/schemas";

export const ZArticle = z.object({
  title: requiredText(300, "Nhập tiêu đề bài viết."),
  /** blank = made from the title */
  slug: optionalText(120),
  summary: optionalText(600),
  bodyHtml: z.string().max(300_000, "Nội dung quá dài (tối đa 300.000 ký tự).").default(""),
  author: optionalText(120),
  source: optionalText(200),
  sourceUrl: optionalUrl,
  categoryId: optionalId,
  /** national users only: the province the article belongs to (none = national) */
  unitId: optionalId,
  removeCover: checkbox,
});
export type TArticle = z.infer<typeof ZArticle>;

export const ZArticleUpdate = ZArticle.extend({ id, version });
export type TArticleUpdate = z.infer<typeof ZArticleUpdate>;
