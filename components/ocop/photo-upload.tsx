"use client";

import { setProductPhotoAction } from "@/lib/ocop/actions";
import { FormStatus } from "./form-field";
import { useFormAction } from "./use-form-action";

const MAX_MB = 5;

/** The product's photo (JPEG, PNG or WebP up to 5 MB; the server checks the content, not the name). */
export function PhotoUpload({ productId }: { productId: number }) {
  const { state, pending, formProps } = useFormAction(setProductPhotoAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2 text-sm" aria-label="Ảnh sản phẩm">
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor="photo" className="text-gray-700">Ảnh sản phẩm (JPEG, PNG, WebP; tối đa {MAX_MB} MB)</label>
      <input
        id="photo"
        name="file"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        required
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.setCustomValidity(f && f.size > MAX_MB * 1024 * 1024 ? `Ảnh quá lớn: tối đa ${MAX_MB} MB.` : "");
        }}
      />
      <button type="submit" disabled={pending} className="rounded border px-3 py-1 hover:bg-gray-50 disabled:opacity-60">
        {pending ? "Đang tải lên…" : "Tải ảnh lên"}
      </button>
      <FormStatus state={state} success={state?.ok ? `Đã cập nhật ảnh ${state.data.fileName}.` : null} />
    </form>
  );
}
