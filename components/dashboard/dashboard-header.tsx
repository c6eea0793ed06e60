import Link from "next/link";
import { PeriodSelect } from "@/components/dashboard/period-select";
import type { Period } from "@/lib/dashboard/period";
import type { DashboardUnit } from "@/lib/dashboard/scope";
import { asOfLabel } from "@/lib/figures/definitions";

/** Title, breadcrumb (Toàn quốc › tỉnh › huyện), period selectors and print button. */
export function DashboardHeader({ title, unit, period, basePath, canGoUp, keep }: {
  title: string;
  unit: DashboardUnit;
  period: Period;
  basePath: string;
  canGoUp: boolean;
  keep: Record<string, string | number | undefined>;
}) {
  const crumbs: { label: string; href?: string }[] = [];
  if (canGoUp) crumbs.push({ label: "Toàn quốc", href: `${basePath}?nam=${period.year}` });
  if (unit.province && canGoUp) crumbs.push({ label: unit.province.name, href: `${basePath}?nam=${period.year}&tinh=${unit.province.id}` });
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        {crumbs.length > 0 && unit.level !== "NATION" && (
          <nav aria-label="Đơn vị cấp trên" className="no-print text-sm">
            {crumbs.map((c) => (
              <span key={c.label}>
                <Link href={c.href!} className="text-brand-700 hover:underline">{c.label}</Link> ›{" "}
              </span>
            ))}
          </nav>
        )}
        <h1 className="text-xl font-semibold text-brand-800">
          {title}: {unit.name}, năm {period.year}
        </h1>
        <p className="text-sm text-gray-700" data-testid="as-of">Số liệu {asOfLabel(period.asOf)}</p>
        {unit.code && <p className="text-xs text-gray-600" data-testid="unit-code">Mã đơn vị: {unit.code}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <PeriodSelect period={period} keep={keep} />
      </div>
    </div>
  );
}
