"use client";

import { useActionState } from "react";
import { updateSiteSettingsAction } from "@/lib/site/actions";
import type { TSiteSettingsForm } from "@/lib/site/schemas";

const FIELDS: { name: keyof TSiteSettingsForm; label: string; hint?: string; type?: string }[] = [
  { name: "name", label: "Tên cổng thông tin", hint: "Hiện ở đầu và cuối mỗi trang." },
  { name: "office", label: "Cơ quan chịu trách nhiệm nội dung", hint: "Ví dụ: Văn phòng Điều phối nông thôn mới tỉnh Thái Nguyên." },
  { name: "address", label: "Địa chỉ" },
  { name: "phone", label: "Điện thoại", type: "tel" },
  { name: "email", label: "Email", type: "email" },
];

/** The footer's identity of the portal, as an admin edits it. */
export function SiteSettingsForm({ values }: { values: TSiteSettingsForm }) {
  const [state, action, pending] = useActionState(updateSiteSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid max-w-2xl gap-4 rounded border bg-white p-4">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={`site-${f.name}`} className="block text-sm font-semibold">
            {f.label}
          </label>
          <input
            id={`site-${f.name}`}
            name={f.name}
            type={f.type ?? "text"}
            defaultValue={values[f.name]}
            aria-invalid={errors?.[f.name] ? true : undefined}
            aria-describedby={`site-${f.name}-msg`}
            className="mt-1 block w-full rounded border px-2 py-1.5"
          />
          <p id={`site-${f.name}-msg`} aria-live="polite" className="text-xs">
            {errors?.[f.name] ? <span className="text-red-700">{errors[f.name].join(" ")}</span> : f.hint ? <span className="text-gray-500">{f.hint}</span> : null}
          </p>
        </div>
      ))}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
          {pending ? "Đang lưu…" : "Lưu"}
        </button>
        <p role="status" className={`text-sm ${state?.ok ? "text-green-700" : "text-red-700"}`}>
          {state ? (state.ok ? "Đã lưu. Các trang công khai hiển thị thông tin mới ngay." : state.message) : null}
        </p>
      </div>
    </form>
  );
}
