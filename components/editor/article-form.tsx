"use client";
// The article form: title, URL, summary, body (with live preview), byline, category, cover image.
import type { ArticleActionResult } from "@/lib/news/actions";
import { FileField, FormMessage, SelectField, TextAreaField, TextField } from "./fields";
import { RichTextField } from "./rich-text-field";
import { useFormAction } from "./use-form-action";

export interface ArticleFormValues {
  id: number;
  version: number;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  author: string;
  source: string;
  sourceUrl: string;
  categoryId: number | null;
  cover: { id: number; fileName: string; size: number } | null;
}

export interface Option {
  value: number;
  label: string;
}

export function ArticleForm({ article, categories, owners, action }: {
  article: ArticleFormValues | null;
  categories: Option[];
  /** national users choose the owning province; others own their unit's content */
  owners: Option[] | null;
  action: (prev: ArticleActionResult | null, form: FormData) => Promise<ArticleActionResult>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const version = Math.max(article?.version ?? 0, state?.ok ? state.data.version : 0);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 rounded border bg-white p-4" encType="multipart/form-data" noValidate>
      {article && <input type="hidden" name="id" value={article.id} />}
      {article && <input type="hidden" name="version" value={version} />}
      {/* remounted with the stored values after each save (the body as sanitised) */}
      <div key={article?.version ?? 0} className="grid gap-4">
        <TextField name="title" label="Tiêu đề" required errors={fieldErrors} defaultValue={article?.title} maxLength={300} />
        <TextField
          name="slug"
          label="Đường dẫn"
          errors={fieldErrors}
          defaultValue={article?.slug}
          hint="Chữ không dấu, nối bằng gạch ngang; để trống để tạo từ tiêu đề. Đổi đường dẫn của bài đã đăng làm hỏng các liên kết cũ."
        />
        <TextAreaField name="summary" label="Tóm tắt (sapo)" errors={fieldErrors} defaultValue={article?.summary} rows={3} hint="Để trống để lấy đoạn đầu của nội dung." />
        <RichTextField name="bodyHtml" label="Nội dung" required errors={fieldErrors} defaultValue={article?.bodyHtml ?? ""} />
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="author" label="Tác giả" errors={fieldErrors} defaultValue={article?.author} />
          <TextField name="source" label="Nguồn" errors={fieldErrors} defaultValue={article?.source} placeholder="thainguyen.gov.vn" />
          <TextField name="sourceUrl" label="Địa chỉ nguồn" type="url" errors={fieldErrors} defaultValue={article?.sourceUrl} placeholder="https://" />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField name="categoryId" label="Chuyên mục" errors={fieldErrors} options={categories} placeholder="— Không chọn —" defaultValue={article?.categoryId ?? ""} />
          {owners && !article && <SelectField name="unitId" label="Đơn vị sở hữu" errors={fieldErrors} options={owners} placeholder="Toàn quốc" defaultValue="" />}
        </div>
        <FileField
          name="cover"
          label="Ảnh đại diện"
          errors={fieldErrors}
          accept="image/png,image/jpeg,image/webp"
          maxBytes={5 * 1024 * 1024}
          current={article?.cover}
          removeName="removeCover"
          hint="PNG, JPEG hoặc WEBP, tối đa 5 MB."
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : article ? "Lưu thay đổi" : "Lưu bản nháp"}
        </button>
        <FormMessage state={state} success="Đã lưu." testId="article-form-message" />
      </div>
    </form>
  );
}
