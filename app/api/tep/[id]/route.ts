import { getViewer } from "@/lib/auth";
import { downloadHeaders } from "@/lib/files/download";
import { findDownloadableFile } from "@/lib/files/queries";
import { readStoredFile } from "@/lib/files/storage";

// A stored file with its checked type: PDFs and images open in the browser, anything else is
// downloaded; never rendered as a page of the portal (lib/files/download.ts).
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) return new Response("Không tìm thấy tệp.", { status: 404 });
  const file = await findDownloadableFile(await getViewer(), id);
  if (!file) return new Response("Không tìm thấy tệp hoặc bạn không có quyền tải tệp này.", { status: 404 });
  const bytes = await readStoredFile(file.storageKey);
  return new Response(new Uint8Array(bytes), { headers: downloadHeaders(file, bytes.length) });
}
