import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CertificateBadge } from "@/components/ocop/certificate-badge";
import { StarRank } from "@/components/ocop/star-rank";
import { formatDate, formatNumber } from "@/lib/format";
import { getPublicProduct } from "@/lib/ocop/queries";
import { COUNCIL_LEVEL_LABELS, OCOP_GROUP_LABELS, PRODUCER_KIND_LABELS } from "@/lib/ocop/rules";

export const dynamic = "force-dynamic";

const load = cache((slug: string) => getPublicProduct(slug));

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const found = await load((await params).slug);
  if (!found) return { title: "Không tìm thấy sản phẩm" };
  return { title: `${found.product.name} – sản phẩm OCOP ${found.current.stars} sao`, description: found.product.description?.slice(0, 160) ?? undefined };
}

export default async function OcopProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const found = await load((await params).slug);
  if (!found) notFound();
  const { product, current, history } = found;
  const place = [product.commune.fullName, product.commune.district?.fullName, product.commune.province?.fullName].filter(Boolean).join(", ");
  return (
    <article className="grid gap-4 rounded border bg-white p-4">
      <p className="text-sm"><Link href="/ocop" className="text-brand-700 hover:underline">← Sản phẩm OCOP</Link></p>
      <div className="grid gap-4 md:grid-cols-[18rem_1fr]">
        {product.photoId ? (
          // eslint-disable-next-line @next/next/no-img-element -- stored files are served by /api/tep with their own checks
          <img src={`/api/tep/${product.photoId}`} alt={`Ảnh sản phẩm ${product.name}`} className="w-full rounded border object-contain" />
        ) : (
          <div aria-hidden="true" className="flex h-48 items-center justify-center rounded bg-brand-50 text-2xl font-semibold text-brand-700">OCOP</div>
        )}
        <div className="grid content-start gap-2">
          <h1 className="text-2xl font-semibold text-brand-800">{product.name}</h1>
          <p className="text-lg"><StarRank stars={current.stars} /></p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-gray-600">Nhóm sản phẩm</dt>
            <dd>{OCOP_GROUP_LABELS[product.group]}{product.subgroup ? ` · ${product.subgroup}` : ""}</dd>
            <dt className="text-gray-600">Chủ thể</dt>
            <dd>{product.producer.name} ({PRODUCER_KIND_LABELS[product.producer.kind]}){product.producer.address ? `, ${product.producer.address}` : ""}</dd>
            <dt className="text-gray-600">Địa phương</dt>
            <dd>{place}</dd>
            <dt className="text-gray-600">Công nhận</dt>
            <dd data-testid="ocop-decision">
              Quyết định {current.decisionNo} ngày {formatDate(current.decisionDate)} ({COUNCIL_LEVEL_LABELS[current.councilLevel]}, {formatNumber(current.totalScore, 2)} điểm)
            </dd>
            <dt className="text-gray-600">Giấy chứng nhận</dt>
            <dd>
              {current.certificateNo ? `Số ${current.certificateNo}, ` : ""}hiệu lực đến {formatDate(current.expiresAt)} <CertificateBadge state={current.state} />
            </dd>
          </dl>
          {product.isDemo && <p className="text-xs text-amber-800">Dữ liệu mẫu, không phải sản phẩm thật.</p>}
        </div>
      </div>
      {product.description && (
        <section aria-label="Câu chuyện sản phẩm">
          <h2 className="mb-1 font-semibold text-brand-800">Câu chuyện sản phẩm</h2>
          <p className="whitespace-pre-line text-sm leading-relaxed">{product.description}</p>
        </section>
      )}
      {history.length > 1 && (
        <section aria-label="Các lần công nhận">
          <h2 className="mb-1 font-semibold text-brand-800">Các lần công nhận</h2>
          <ul className="text-sm">
            {history.map((e) => (
              <li key={e.id}>
                Năm {e.year}: {e.stars} sao — quyết định {e.decisionNo} ngày {formatDate(e.decisionDate)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
