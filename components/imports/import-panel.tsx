"use client";
// Step 2 and 3: upload → dry run (report) → confirm → apply. The server answers with a stream of
// JSON lines (progress, then the report); the confirmation sends the dry run's fingerprint, so
// only the change set the user saw is written.
import { useEffect, useRef, useState } from "react";
import type { ImportEvent } from "@/app/api/nhap-lieu/route";
import type { ImportProgress } from "@/lib/imports/service";
import type { ImportReport } from "@/lib/imports/report";
import { ImportReportView } from "./import-report";

const MAX_BYTES = 20 * 1024 * 1024;
const STAGE: Record<ImportProgress["stage"], string> = { read: "Đang đọc tệp", check: "Đang kiểm tra", write: "Đang ghi" };

type State =
  | { kind: "idle" }
  | { kind: "busy"; progress: ImportProgress | null; mode: "dry-run" | "apply" }
  | { kind: "report"; report: ImportReport }
  | { kind: "error"; message: string };

async function send(file: File, mode: "dry-run" | "apply", fingerprint: string | undefined, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  const body = new FormData();
  body.set("file", file);
  body.set("mode", mode);
  if (fingerprint) body.set("fingerprint", fingerprint);
  const res = await fetch("/api/nhap-lieu", { method: "POST", body });
  if (!res.ok || !res.body) {
    const data = await res.json().catch(() => null);
    throw new Error(data?.error ?? `Máy chủ trả lời lỗi ${res.status}.`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const event = JSON.parse(buffer.slice(0, nl)) as ImportEvent;
      buffer = buffer.slice(nl + 1);
      if (event.type === "progress") onProgress(event);
      else if (event.type === "report") return event.report;
      else throw new Error(event.message);
    }
  }
  throw new Error("Kết nối bị ngắt trước khi có kết quả. Hãy thử lại.");
}

export function ImportPanel() {
  const input = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<State>({ kind: "idle" });
  useEffect(() => setHydrated(true), []);

  async function run(mode: "dry-run" | "apply", fingerprint?: string) {
    // the input itself, not a copy in state: a file chosen before hydration still counts
    const file = input.current?.files?.[0];
    if (!file) return setState({ kind: "error", message: "Chọn tệp Excel (.xlsx) hoặc CSV để nhập." });
    if (file.size > MAX_BYTES) return setState({ kind: "error", message: "Tệp quá lớn; giới hạn là 20 MB. Hãy chia tệp theo huyện hoặc theo tỉnh." });
    setState({ kind: "busy", progress: null, mode });
    try {
      const report = await send(file, mode, fingerprint, (progress) => setState({ kind: "busy", progress, mode }));
      setState({ kind: "report", report });
    } catch (err) {
      setState({ kind: "error", message: (err as Error).message });
    }
  }

  const busy = state.kind === "busy";
  const report = state.kind === "report" ? state.report : null;
  const canApply = report && !report.applied && report.problems.length === 0 && report.cells.new + report.cells.changed > 0;
  return (
    <section aria-labelledby="tai-len" className="rounded border bg-white p-4">
      <h2 id="tai-len" className="mb-2 font-semibold">2. Tải tệp lên và kiểm tra thử</h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="grid gap-1">
          <span>Tệp số liệu (.xlsx hoặc .csv, tối đa 20 MB)</span>
          <input
            ref={input}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={() => setState({ kind: "idle" })}
          />
        </label>
        <button type="button" disabled={!hydrated || busy} onClick={() => run("dry-run")} className="rounded bg-brand-700 px-3 py-1.5 text-white disabled:opacity-50">
          Kiểm tra thử
        </button>
      </div>

      <div aria-live="polite" className="mt-3">
        {state.kind === "busy" && (
          <div className="grid gap-1 text-sm">
            <span>
              {state.mode === "apply" ? "Đang ghi vào cơ sở dữ liệu" : "Đang kiểm tra thử"}
              {state.progress ? ` — ${STAGE[state.progress.stage]}` : "…"}
              {state.progress && state.progress.stage !== "read" ? ` ${state.progress.done.toLocaleString("vi-VN")}/${state.progress.total.toLocaleString("vi-VN")}` : ""}
            </span>
            <progress
              className="h-2 w-full max-w-md"
              aria-label="Tiến độ"
              value={state.progress && state.progress.stage !== "read" ? state.progress.done : undefined}
              max={state.progress && state.progress.stage !== "read" ? Math.max(1, state.progress.total) : undefined}
            />
          </div>
        )}
        {state.kind === "error" && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{state.message}</p>}
        {report && <ImportReportView report={report} />}
        {canApply && (
          <div className="mt-3 flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            <span>3. Kiểm tra thử không có lỗi. Ghi các thay đổi trên vào cơ sở dữ liệu?</span>
            <button type="button" onClick={() => run("apply", report.fingerprint)} className="rounded bg-green-700 px-3 py-1.5 text-white">
              Xác nhận ghi
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
