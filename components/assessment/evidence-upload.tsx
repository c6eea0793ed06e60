"use client";

import { useActionState } from "react";
import { uploadEvidenceAction } from "@/lib/assessments/actions";
import { formatNumber } from "@/lib/format";

const MAX_MB = 10;

/** Evidence files of a criterion (PDF or images, ≤ 10 MB, checked again on the server by content). */
export function EvidenceUpload({ communeId, year, criterionId, files, canEdit }: {
  communeId: number;
  year: number;
  criterionId: number;
  files: { id: number; fileName: string; size: number }[];
  canEdit: boolean;
}) {
  const [state, action, pending] = useActionState(uploadEvidenceAction, null);
  return (
    <div className="border-t px-4 py-2 text-sm">
      {files.length > 0 && (
        <ul className="mb-2">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/tep/${f.id}`} className="text-brand-700 underline">
                {f.fileName}
              </a>{" "}
              <span className="text-gray-500">({formatNumber(f.size / 1024, 0)} KB)</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="communeId" value={communeId} />
          <input type="hidden" name="year" value={year} />
          <input type="hidden" name="criterionId" value={criterionId} />
          <label htmlFor={`file-${criterionId}`} className="text-gray-700">Tệp minh chứng (PDF, ảnh; tối đa {MAX_MB} MB)</label>
          <input
            id={`file-${criterionId}`}
            name="file"
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/webp"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.setCustomValidity(f && f.size > MAX_MB * 1024 * 1024 ? `Tệp quá lớn: tối đa ${MAX_MB} MB.` : "");
            }}
          />
          <button type="submit" disabled={pending} className="rounded border px-3 py-1 hover:bg-gray-50 disabled:opacity-60">
            {pending ? "Đang tải lên…" : "Tải lên"}
          </button>
          <span role="status" aria-live="polite">
            {state?.ok && <span className="text-green-700">Đã đính kèm {state.data.fileName}.</span>}
            {state && !state.ok && <span className="text-red-700">{state.message}</span>}
          </span>
        </form>
      )}
    </div>
  );
}
