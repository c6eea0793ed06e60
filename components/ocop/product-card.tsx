import Link from "next/link";
import type { ProductRow } from "@/lib/ocop/queries";
import { OCOP_GROUP_LABELS } from "@/lib/ocop/rules";
import { CertificateBadge } from "./certificate-badge";
import { StarRank } from "./star-rank";

/** A certified product in the public directory. */
export function ProductCard({ product }: { product: ProductRow }) {
  return (
    <li className="flex gap-3 rounded border bg-white p-3" data-testid="ocop-card">
      {product.photoId ? (
        // eslint-disable-next-line @next/next/no-img-element -- stored files are served by /api/tep with their own checks
        <img src={`/api/tep/${product.photoId}`} alt="" className="h-20 w-20 shrink-0 rounded object-cover" loading="lazy" />
      ) : (
        <div aria-hidden="true" className="flex h-20 w-20 shrink-0 items-center justify-center rounded bg-brand-50 text-xs font-semibold text-brand-700">OCOP</div>
      )}
      <div className="min-w-0">
        <h2 className="font-semibold">
          <Link href={`/ocop/${product.slug}`} className="hover:text-brand-700">{product.name}</Link>
        </h2>
        <StarRank stars={product.stars} />
        <p className="text-sm text-gray-700">{product.producer}</p>
        <p className="text-xs text-gray-500">
          {OCOP_GROUP_LABELS[product.group]} · {[product.commune, product.province].filter(Boolean).join(", ")}
        </p>
        {product.state !== "VALID" && <CertificateBadge state={product.state} />}
      </div>
    </li>
  );
}
