import type { Metadata } from "next";
import { listLatestDocuments } from "@/lib/documents/queries";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Văn bản", description: "Văn bản chỉ đạo, điều hành và bộ tiêu chí nông thôn mới." };

export default async function DocumentsPage() {
  const documents = await listLatestDocuments(100);
  return (
    <div className="rounded border bg-white p-4">
      <h1 className="mb-4 text-xl font-semibold text-brand-800">Văn bản</h1>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="bg-brand-50 text-left">
              <th scope="col" className="border px-2 py-1.5">Số hiệu</th>
              <th scope="col" className="border px-2 py-1.5">Ngày ban hành</th>
              <th scope="col" className="border px-2 py-1.5">Trích yếu</th>
              <th scope="col" className="border px-2 py-1.5">Cơ quan ban hành</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} id={d.slug}>
                <td className="border px-2 py-1.5 align-top whitespace-nowrap font-semibold">{d.number}</td>
                <td className="border px-2 py-1.5 align-top">{formatDate(d.issuedDate)}</td>
                <td className="border px-2 py-1.5 align-top">
                  <p>{d.docType} {d.title}</p>
                  <p className="text-gray-600">{d.summary}</p>
                  {d.sourceUrl && (
                    <a className="text-brand-700 underline" href={d.sourceUrl} rel="noopener noreferrer" target="_blank">
                      Xem toàn văn (nguồn ngoài)
                    </a>
                  )}
                </td>
                <td className="border px-2 py-1.5 align-top">{d.issuer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
