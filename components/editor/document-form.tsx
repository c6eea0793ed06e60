"use client";
// The document (văn bản) form: number, type, issuer, dates, summary, file.
import type { DocumentActionResult } from "@/lib/documents/actions";
import type { Option } from "./article-form";
import { FileField, FormMessage, SelectField, TextAreaField, TextField } from "./fields";
import { useFormAction } from "./use-form-action";

export interface DocumentFormValues {
  id: number;
  version: number;
  number: string;
  title: string;
  docType: string;
  issuer: string;
  issuedDate: string;
  effectiveDate: string;
  summary: string;
  slug: string;
  sourceUrl: string;
  file: { id: number; fileName: string; size: number } | null;
}

export function DocumentForm({ document, docTypes, owners, today, action }: {
  document: DocumentFormValues | null;
  docTypes: readonly string[];
  owners: Option[] | null;
  today: string;
  action: (prev: DocumentActionResult | null, form: FormData) => Promise<DocumentActionResult>;
}) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(action);
  const version = Math.max(document?.version ?? 0, state?.ok ? state.data.version : 0);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 rounded border bg-white p-4" encType="multipart/form-data" noValidate>
      {document && <input type="hidden" name="id" value={document.id} />}
      {document && <input type="hidden" name="version" value={version} />}
      <div key={document?.version ?? 0} className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField name="docType" label="Loại văn bản" required errors={fieldErrors} options={docTypes.map((t) => ({ value: t, label: t }))} placeholder="— Chọn —" defaultValue={document?.docType ?? ""} />
          <TextField name="number" label="Số hiệu" required errors={fieldErrors} defaultValue={document?.number} placeholder="318/QĐ-TTg" />
          <TextField name="issuer" label="Cơ quan ban hành" required errors={fieldErrors} defaultValue={document?.issuer} placeholder="Thủ tướng Chính phủ" />
        </div>
        <TextAreaField name="title" label="Trích yếu" required errors={fieldErrors} defaultValue={document?.title} rows={2} />
        <div className="grid gap-4 md:grid-cols-3">
          <TextField name="issuedDate" label="Ngày ban hành" type="date" required errors={fieldErrors} defaultValue={document?.issuedDate} max={today} />
          <TextField name="effectiveDate" label="Ngày hiệu lực" type="date" errors={fieldErrors} defaultValue={document?.effectiveDate} />
          <TextField name="sourceUrl" label="Địa chỉ toàn văn" type="url" errors={fieldErrors} defaultValue={document?.sourceUrl} placeholder="https://vanban.chinhphu.vn/…" />
        </div>
        <TextAreaField name="summary" label="Tóm tắt nội dung" required errors={fieldErrors} defaultValue={document?.summary} rows={4} />
        <TextField name="slug" label="Đường dẫn" errors={fieldErrors} defaultValue={document?.slug} hint="Để trống để tạo từ loại và số hiệu văn bản." />
        {owners && !document && <SelectField name="unitId" label="Đơn vị sở hữu" errors={fieldErrors} options={owners} placeholder="Toàn quốc" defaultValue="" />}
        <FileField name="file" label="Tệp văn bản" errors={fieldErrors} accept="application/pdf" maxBytes={20 * 1024 * 1024} current={document?.file} removeName="removeFile" hint="PDF, tối đa 20 MB." />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : document ? "Lưu thay đổi" : "Lưu bản nháp"}
        </button>
        <FormMessage state={state} success="Đã lưu." testId="document-form-message" />
      </div>
    </form>
  );
}
