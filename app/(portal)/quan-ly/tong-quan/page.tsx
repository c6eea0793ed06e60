import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { requirePagePermission } from "@/lib/auth";
import { parsePeriod } from "@/lib/dashboard/period";
import { resolveDashboardUnit } from "@/lib/dashboard/scope";

export const metadata: Metadata = { title: "Tổng quan" };

type Search = { nam?: string; giai_doan?: string; "den-ngay"?: string; tinh?: string; huyen?: string; xem?: string };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/tong-quan");
  const sp = await searchParams;
  const period = parsePeriod(sp);
  const unit = await resolveDashboardUnit(viewer, sp);
  const basePath = "/quan-ly/tong-quan";
  return (
    <div className="grid gap-4">
      <DashboardHeader
        title="Tổng quan"
        unit={unit}
        period={period}
        basePath={basePath}
        canGoUp={viewer.unitId === null}
        keep={{ tinh: unit.level === "PROVINCE" ? unit.unitId ?? undefined : undefined, huyen: unit.level === "DISTRICT" ? unit.unitId ?? undefined : undefined }}
      />
      <DashboardView unit={unit} year={period.year} asOf={period.asOf} byTodaysProvinces={sp.xem === "hien-nay"} publicOnly={false} basePath={basePath} communeHref={(id) => `/quan-ly/xa/${id}`} />
    </div>
  );
}
