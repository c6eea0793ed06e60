import { getViewer } from "@/lib/auth";
import { downloadHeaders } from "@/lib/files/download";
import { findDownloadableFile, storedFileContent } from "@/lib/files/queries";

const NOT_FOUND = "Không tìm thấy tệp hoặc bạn không có quyền tải tệp này.";

// A stored file with its checked type: PDFs and images open in the browser, anything else is
// downloaded; never rendered as a page of the portal (lib/files/download.ts). The content is
// streamed from the database chunk by chunk.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) return new Response("Không tìm thấy tệp.", { status: 404 });
  const file = await findDownloadableFile(await getViewer(), id);
  if (!file) return new Response(NOT_FOUND, { status: 404 });
  const content = await storedFileContent(file);
  if (!content) {
    console.error(`Tệp #${file.id} (${file.storageKey}) có trong cơ sở dữ liệu nhưng thiếu nội dung.`);
    return new Response(NOT_FOUND, { status: 404 });
  }
  return new Response(content, { headers: downloadHeaders(file, file.size) });
}
