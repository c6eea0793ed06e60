// POST an assessment spreadsheet: a dry run or an apply. The answer is a stream of JSON lines —
// progress events while the file is read, checked and written, then the report — so the screen
// shows progress on large files. Who may import is known from the session alone, so anyone else
// is refused before a byte of the body is read; the body itself is read with a hard limit.
import { getViewer } from "@/lib/auth";
import { assertPermission } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, errorResponse, readLimitedForm } from "@/lib/http";
import { ZUpload } from "@/lib/imports/schemas";
import { importAssessments, type ImportProgress } from "@/lib/imports/service";
import { IMPORT_REQUEST_MAX_BYTES } from "@/lib/imports/sheet";
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
    assertPermission(viewer, "import.run");
    const form = await readLimitedForm(req, IMPORT_REQUEST_MAX_BYTES, {
      tooLarge: "Tệp quá lớn; giới hạn là 20 MB. Hãy chia tệp theo huyện hoặc theo tỉnh.",
      unreadable: "Yêu cầu không đọc được: hãy gửi tệp từ trang Nhập số liệu.",
    });
    const parsed = ZUpload.safeParse({ mode: form.fields.mode, fingerprint: form.fields.fingerprint || undefined });
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    const file = form.files.file;
    if (!file) throw new AppError("VALIDATION", "Chọn tệp Excel (.xlsx) hoặc CSV để nhập.");
    const { bytes } = file;

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
