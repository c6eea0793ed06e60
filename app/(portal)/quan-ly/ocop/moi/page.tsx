import type { Metadata } from "next";
import { ProductForm } from "@/components/ocop/product-form";
import { ProvinceSelect } from "@/components/ocop/province-select";
import { requirePagePermission } from "@/lib/auth";
import { todayInVietnam } from "@/lib/format";
import { communeOptionsForViewer, producerOptionsForViewer } from "@/lib/ocop/queries";
import { listProvinces } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Đăng ký sản phẩm OCOP" };

export default async function NewProductPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const viewer = await requirePagePermission("ocop.edit", "/quan-ly/ocop/moi");
  // national users pick a province first (the national list of communes is too long for one form)
  const provinces = viewer.unitId === null ? await listProvinces(todayInVietnam()) : [];
  const provinceId = viewer.unitId === null ? Number((await searchParams).tinh) || undefined : undefined;
  const [communes, producers] = await Promise.all([communeOptionsForViewer(viewer, { provinceId }), producerOptionsForViewer(viewer, { provinceId })]);
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Đăng ký sản phẩm OCOP</h1>
      {provinces.length > 0 && <ProvinceSelect provinces={provinces} value={provinceId} allowAll={false} />}
      {communes.length > 0 ? (
        <ProductForm communes={communes} producers={producers} />
      ) : (
        <p className="text-sm text-gray-600">Chọn tỉnh, thành phố để đăng ký sản phẩm.</p>
      )}
    </div>
  );
}
