import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CertificateBadge } from "@/components/ocop/certificate-badge";
import { EvaluationForm } from "@/components/ocop/evaluation-form";
import { PhotoUpload } from "@/components/ocop/photo-upload";
import { ProductForm } from "@/components/ocop/product-form";
import { StarRank } from "@/components/ocop/star-rank";
import { requirePagePermission } from "@/lib/auth";
import { isUnitInScope } from "@/lib/authz";
import { formatDate, formatNumber, todayInVietnam } from "@/lib/format";
import { communeOptionsForViewer, getProductForStaff, producerOptionsForViewer } from "@/lib/ocop/queries";
import { COUNCIL_LEVEL_LABELS, OCOP_GROUP_LABELS, PRODUCER_KIND_LABELS } from "@/lib/ocop/rules";

export const metadata: Metadata = { title: "Sản phẩm OCOP" };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission("dashboard.view", `/quan-ly/ocop/${id}`);
  const productId = Number.parseInt(id, 10);
  if (!Number.isSafeInteger(productId) || productId <= 0) notFound();
  const { product, evaluations, current, certified, canEdit } = await getProductForStaff(viewer, productId);
  const editable = canEdit && isUnitInScope(viewer, product.commune);
  const provinceId = product.commune.provinceId ?? undefined;
  const [communes, producers] = editable
    ? await Promise.all([communeOptionsForViewer(viewer, { provinceId }), producerOptionsForViewer(viewer, { provinceId })])
    : [[], []];
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><Link href="/quan-ly/ocop" className="text-brand-700 hover:underline">← Danh mục sản phẩm OCOP</Link></p>
          <h1 className="text-xl font-semibold text-brand-800">{product.name}</h1>
          <p className="text-sm text-gray-600">
            {OCOP_GROUP_LABELS[product.group]}
            {product.subgroup ? ` · ${product.subgroup}` : ""} · {product.producer.name} ({PRODUCER_KIND_LABELS[product.producer.kind]}) ·{" "}
            {[product.commune.fullName, product.commune.district?.fullName, product.commune.province?.fullName].filter(Boolean).join(", ")}
          </p>
          {product.isDemo && <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800">Dữ liệu mẫu</span>}
        </div>
        <div className="grid justify-items-end gap-1 text-right">
          <StarRank stars={current?.stars ?? null} className="text-lg" />
          {current && <CertificateBadge state={current.state} />}
          {certified && (
            <Link href={`/ocop/${product.slug}`} className="text-sm text-brand-700 underline">Xem trên cổng thông tin</Link>
          )}
        </div>
      </div>

      {product.photo && (
        // eslint-disable-next-line @next/next/no-img-element -- stored files are served by /api/tep with their own checks
        <img src={`/api/tep/${product.photo.id}`} alt={`Ảnh sản phẩm ${product.name}`} className="max-h-72 w-auto rounded border bg-white object-contain" />
      )}

      <section className="rounded border bg-white" aria-label="Lịch sử đánh giá, phân hạng">
        <h2 className="border-b px-4 py-2 font-semibold">Lịch sử đánh giá, phân hạng</h2>
        {evaluations.length === 0 ? (
          <p className="px-4 py-3 text-sm text-gray-600">Sản phẩm chưa được đánh giá.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="evaluation-history">
              <thead>
                <tr className="bg-brand-50 text-left">
                  <th scope="col" className="px-3 py-2">Năm</th>
                  <th scope="col" className="px-3 py-2">Hội đồng</th>
                  <th scope="col" className="px-3 py-2 text-right">A (40)</th>
                  <th scope="col" className="px-3 py-2 text-right">B (25)</th>
                  <th scope="col" className="px-3 py-2 text-right">C (35)</th>
                  <th scope="col" className="px-3 py-2 text-right">Tổng</th>
                  <th scope="col" className="px-3 py-2">Hạng</th>
                  <th scope="col" className="px-3 py-2">Quyết định</th>
                  <th scope="col" className="px-3 py-2">Hết hạn</th>
                </tr>
              </thead>
              <tbody>
                {evaluations.map((e) => (
                  <tr key={e.id} className={`border-t ${e.id === current?.id ? "font-semibold" : ""}`}>
                    <td className="px-3 py-1.5">{e.year}</td>
                    <td className="px-3 py-1.5">{COUNCIL_LEVEL_LABELS[e.councilLevel]}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(e.scoreA, 2)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(e.scoreB, 2)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(e.scoreC, 2)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(e.totalScore, 2)}</td>
                    <td className="px-3 py-1.5"><StarRank stars={e.stars} /></td>
                    <td className="px-3 py-1.5">{e.decisionNo ? `${e.decisionNo}, ${formatDate(e.decisionDate)}` : "Chưa có quyết định"}</td>
                    <td className="px-3 py-1.5">
                      {e.expiresAt ? formatDate(e.expiresAt) : "–"} {e.expiresAt && <CertificateBadge state={e.state} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {product.description && (
        <section className="rounded border bg-white p-4 text-sm" aria-label="Câu chuyện sản phẩm">
          <h2 className="mb-1 font-semibold">Câu chuyện sản phẩm</h2>
          <p className="whitespace-pre-line">{product.description}</p>
        </section>
      )}

      {editable && (
        <>
          <section className="grid gap-2" aria-label="Đánh giá, phân hạng mới">
            <h2 className="font-semibold text-brand-800">Ghi kết quả đánh giá, phân hạng (kể cả đánh giá lại khi hết hạn)</h2>
            <EvaluationForm productId={product.id} defaultYear={todayInVietnam().getUTCFullYear()} />
          </section>
          <section className="grid gap-2" aria-label="Sửa thông tin sản phẩm">
            <h2 className="font-semibold text-brand-800">Thông tin sản phẩm</h2>
            <PhotoUpload productId={product.id} />
            <ProductForm
              communes={communes}
              producers={producers}
              initial={{
                productId: product.id,
                version: product.version,
                communeId: product.communeId,
                producerId: product.producerId,
                name: product.name,
                group: product.group,
                subgroup: product.subgroup,
                description: product.description,
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
