// POST an assessment spreadsheet: a dry run or an apply. The answer is a stream of JSON lines —
// progress events while the file is read, checked and written, then the report — so the screen
// shows progress on large files.
import { getViewer } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { errorResponse, assertSameOrigin } from "@/lib/http";
import { ZUpload } from "@/lib/imports/schemas";
import { importAssessments, type ImportProgress } from "@/lib/imports/service";
import { IMPORT_MAX_BYTES } from "@/lib/imports/sheet";
import type { ImportReport } from "@/lib/imports/report";

export type ImportEvent =
  | ({ type: "progress" } & ImportProgress)
  | { type: "report"; report: ImportReport }
  | { type: "error"; message: string; code: string };

export const maxDuration = 300;

export async function POST(req: Request) {
  try {
    assertSameOrigin(req);
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHENTICATED", "Bạn cần đăng nhập để nhập số liệu.");
    // refuse an oversized body before reading it (the form adds a few hundred bytes)
    if (Number(req.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) {
      throw new AppError("VALIDATION", "Tệp quá lớn; giới hạn là 20 MB. Hãy chia tệp theo huyện hoặc theo tỉnh.");
    }
    const form = await req.formData().catch(() => {
      throw new AppError("VALIDATION", "Yêu cầu không đọc được: hãy gửi tệp từ trang Nhập số liệu.");
    });
    const parsed = ZUpload.safeParse({ mode: form.get("mode"), fingerprint: form.get("fingerprint") || undefined });
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("VALIDATION", "Chọn tệp Excel (.xlsx) hoặc CSV để nhập.");
    const bytes = new Uint8Array(await file.arrayBuffer());

    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (e: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
        try {
          const report = await importAssessments(viewer, { name: file.name, bytes }, {
            dryRun: parsed.data.mode === "dry-run",
            fingerprint: parsed.data.fingerprint,
            onProgress: (p) => send({ type: "progress", ...p }),
          });
          send({ type: "report", report });
        } catch (err) {
          const e = await errorResponse(err).json();
          send({ type: "error", message: e.error, code: e.code });
        } finally {
          controller.close();
        }
      },
    });
    return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
