import type { Metadata } from "next";
import { SiteSettingsForm } from "@/components/site/site-settings-form";
import { requirePagePermission } from "@/lib/auth";
import { readSiteSettings } from "@/lib/site/queries";

export const metadata: Metadata = { title: "Cài đặt cổng thông tin" };

export default async function SiteSettingsPage() {
  await requirePagePermission("site.manage", "/quan-ly/cai-dat", { national: true });
  // read from the database, not the public cache: the form shows what is stored
  const site = await readSiteSettings();
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Cài đặt cổng thông tin</h1>
      <p className="max-w-2xl text-sm text-gray-600">
        Tên cổng và thông tin cơ quan chịu trách nhiệm nội dung hiện ở chân mọi trang công khai. Mỗi lần lưu được ghi vào nhật ký.
      </p>
      <SiteSettingsForm values={{ name: site.name, office: site.office, address: site.address, phone: site.phone, email: site.email }} />
    </div>
  );
}
