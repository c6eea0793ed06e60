import Link from "next/link";
import { canActNationally, hasPermission, type Permission, type Viewer } from "@/lib/authz";

const LINKS: { href: string; label: string; permission: Permission; national?: boolean }[] = [
  { href: "/quan-ly/tong-quan", label: "Tổng quan", permission: "dashboard.view" },
  { href: "/quan-ly/xa", label: "Đánh giá tiêu chí", permission: "assessment.read" },
  { href: "/quan-ly/nhap-lieu", label: "Nhập số liệu", permission: "import.run" },
  { href: "/quan-ly/dieu-chinh", label: "Điều chỉnh số liệu", permission: "correction.decide" },
  { href: "/quan-ly/gan-dat-chuan", label: "Xã gần đạt chuẩn", permission: "assessment.read" },
  { href: "/quan-ly/chuyen-giai-doan", label: "Chuyển giai đoạn", permission: "assessment.read" },
  { href: "/quan-ly/tieu-chi", label: "Bộ tiêu chí", permission: "assessment.read" },
  { href: "/quan-ly/ke-hoach", label: "Kế hoạch, lộ trình", permission: "dashboard.view" },
  { href: "/quan-ly/ocop", label: "OCOP", permission: "dashboard.view" },
  { href: "/quan-ly/von", label: "Vốn", permission: "dashboard.view" },
  { href: "/quan-ly/khao-sat", label: "Khảo sát hài lòng", permission: "assessment.read" },
  { href: "/quan-ly/bao-cao", label: "Báo cáo", permission: "dashboard.view" },
  { href: "/quan-ly/nhiem-vu", label: "Nhiệm vụ", permission: "task.update" },
  { href: "/quan-ly/theo-doi-nhiem-vu", label: "Theo dõi nhiệm vụ", permission: "task.scorecard" },
  { href: "/quan-ly/tin-bai", label: "Tin bài", permission: "content.edit" },
  { href: "/quan-ly/thong-bao", label: "Thông báo", permission: "content.edit" },
  { href: "/quan-ly/van-ban", label: "Văn bản", permission: "content.edit" },
  { href: "/quan-ly/nguoi-dung", label: "Người dùng", permission: "users.manage" },
  { href: "/quan-ly/nhat-ky", label: "Nhật ký", permission: "audit.view" },
  { href: "/quan-ly/cai-dat", label: "Cài đặt cổng", permission: "site.manage", national: true },
];

export function PortalNav({ viewer }: { viewer: Viewer }) {
  return (
    <nav aria-label="Chức năng" className="bg-brand-800">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-2 text-sm text-white">
        {LINKS.filter((l) => (l.national ? canActNationally(viewer, l.permission) : hasPermission(viewer.role, l.permission))).map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block px-3 py-2 hover:bg-white/10">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
