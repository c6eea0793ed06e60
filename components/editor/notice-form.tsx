"use client";
// The conclusion notice form: number, dates, issuing body, signer, body (with live preview), attachment.
import type { NoticeActionResult } from "@/lib/notices/actions";
import type { Option } from "./article-form";
import { FileField, FormMessage, SelectField, TextAreaField, TextField } from "./fields";
import { RichTextField } from "./rich-text-field";
import { useFormAction } from "./use-form-action";

export interface NoticeFormValues {
  id: number;
  version: number;
  number: string;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  /** "2020-07-06" */
  issuedDate: string;
  meetingDate: string;
  issuingBody: string;
  signer: string;
  signerTitle: string;
  source: string;
  sourceUrl: string;
  attachment: { id: number; fileName: string; size: number } | null;
}

export function NoticeForm({ notice, owners, today, action }: {
  notice: NoticeFormValues | null;
  owners: Option[] | null;
  /** "2026-11-22": the latest issue date accepted */
  today: string;
  action: (prev: NoticeActionResult | null, form: FormData) => Promise<NoticeActionResult>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const version = Math.max(notice?.version ?? 0, state?.ok ? state.data.version : 0);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 rounded border bg-white p-4" encType="multipart/form-data" noValidate>
      {notice && <input type="hidden" name="id" value={notice.id} />}
      {notice && <input type="hidden" name="version" value={version} />}
      <div key={notice?.version ?? 0} className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="number" label="Số hiệu" required errors={fieldErrors} defaultValue={notice?.number} placeholder="58/TB-UBND" hint="Ví dụ 58/TB-UBND, 3691/TB-VPUBND." />
          <TextField name="issuedDate" label="Ngày ban hành" type="date" required errors={fieldErrors} defaultValue={notice?.issuedDate} max={today} />
          <TextField name="meetingDate" label="Ngày họp (nếu có)" type="date" errors={fieldErrors} defaultValue={notice?.meetingDate} max={today} />
        </div>
        <TextAreaField name="title" label="Trích yếu" required errors={fieldErrors} defaultValue={notice?.title} rows={2} hint="Ví dụ: Kết luận của Phó Chủ tịch UBND tỉnh tại Hội nghị …" />
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="issuingBody" label="Cơ quan ban hành" required errors={fieldErrors} defaultValue={notice?.issuingBody} placeholder="UBND tỉnh Thái Nguyên" />
          <TextField name="signer" label="Người ký" errors={fieldErrors} defaultValue={notice?.signer} />
          <TextAreaField name="signerTitle" label="Chức danh người ký" errors={fieldErrors} defaultValue={notice?.signerTitle} rows={2} placeholder={"TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG"} />
        </div>
        <TextField name="slug" label="Đường dẫn" errors={fieldErrors} defaultValue={notice?.slug} hint="Để trống để tạo từ số hiệu và trích yếu." />
        <TextAreaField name="summary" label="Tóm tắt" errors={fieldErrors} defaultValue={notice?.summary} rows={3} hint="Để trống để lấy đoạn đầu của nội dung." />
        <RichTextField name="bodyHtml" label="Nội dung thông báo" required errors={fieldErrors} defaultValue={notice?.bodyHtml ?? ""} />
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="source" label="Nguồn" errors={fieldErrors} defaultValue={notice?.source} placeholder="Thông báo số … ngày …" />
          <TextField name="sourceUrl" label="Địa chỉ nguồn" type="url" errors={fieldErrors} defaultValue={notice?.sourceUrl} placeholder="https://" />
        </div>
        {owners && !notice && <SelectField name="unitId" label="Đơn vị sở hữu" errors={fieldErrors} options={owners} placeholder="Toàn quốc" defaultValue="" />}
        <FileField name="attachment" label="Tệp đính kèm (văn bản gốc)" errors={fieldErrors} accept="application/pdf" maxBytes={20 * 1024 * 1024} current={notice?.attachment} removeName="removeAttachment" hint="PDF, tối đa 20 MB." />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : notice ? "Lưu thay đổi" : "Lưu bản nháp"}
        </button>
        <FormMessage state={state} success="Đã lưu." testId="notice-form-message" />
      </div>
    </form>
  );
}
