import { getViewer } from "@/lib/auth";
import { findDownloadableFile } from "@/lib/files/queries";
import { readStoredFile } from "@/lib/files/storage";

// Files are always downloaded, never rendered by the browser as a page of the portal.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) return new Response("Không tìm thấy tệp.", { status: 404 });
  const file = await findDownloadableFile(await getViewer(), id);
  if (!file) return new Response("Không tìm thấy tệp hoặc bạn không có quyền tải tệp này.", { status: 404 });
  const bytes = await readStoredFile(file.storageKey);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
