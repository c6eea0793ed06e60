import { formatDate, formatDateTime, formatNumber } from "@/lib/format";

interface Progress {
  id: number;
  date: Date;
  note: string;
  createdAt: Date;
  createdBy: { name: string } | null;
  file: { id: number; fileName: string; size: number } | null;
}

/** The dated progress notes of a task, newest first. */
export function ProgressList({ progress }: { progress: Progress[] }) {
  if (progress.length === 0) return <p className="text-sm text-gray-600">Chưa có báo cáo tiến độ nào.</p>;
  return (
    <ol className="grid gap-3" data-testid="progress-list">
      {progress.map((p) => (
        <li key={p.id} className="border-l-4 border-brand-600 pl-3">
          <p className="text-sm font-semibold">{formatDate(p.date)}</p>
          <p className="whitespace-pre-line text-sm">{p.note}</p>
          {p.file && (
            <p className="text-sm">
              Tệp kết quả:{" "}
              <a href={`/api/tep/${p.file.id}`} className="text-brand-700 underline">{p.file.fileName}</a>{" "}
              <span className="text-gray-500">({formatNumber(p.file.size / 1024)} KB)</span>
            </p>
          )}
          <p className="text-xs text-gray-500">
            {p.createdBy?.name ?? "—"} · ghi lúc {formatDateTime(p.createdAt)}
          </p>
        </li>
      ))}
    </ol>
  );
}
