import type { Metadata } from "next";
import Link from "next/link";
import { ProvinceSelect } from "@/components/ocop/province-select";
import { BehindBadge, OutcomeBadge } from "@/components/plans/outcome-badge";
import { ProgressTable } from "@/components/plans/progress-table";
import { RegisterForm } from "@/components/plans/register-form";
import { YearSelect } from "@/components/portal/year-select";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { hasPermission } from "@/lib/authz";
import { formatDate, formatNumber, todayInVietnam } from "@/lib/format";
import { communeOptionsForPlan, planOverviewForViewer, slippedBackForViewer } from "@/lib/plans/queries";
import { PLAN_TARGET_LABELS, PLAN_TARGET_SHORT } from "@/lib/plans/rules";
import { provinceFilter } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Kế hoạch, lộ trình đạt chuẩn" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/ke-hoach");
  const sp = await searchParams;
  const year = parseYear(sp.nam);
  const { provinces, provinceId } = await provinceFilter(viewer, sp.tinh, todayInVietnam());
  const canRegister = hasPermission(viewer.role, "plan.edit");
  const [overview, slipped, communes] = await Promise.all([
    planOverviewForViewer(viewer, { year, provinceId }),
    slippedBackForViewer(viewer, { year, provinceId }),
    canRegister ? communeOptionsForPlan(viewer, { year, provinceId }) : Promise.resolve([]),
  ]);
  const registered = new Set(overview.entries.map((e) => e.communeId));
  const scopeName = provinceId ? provinces.find((p) => p.id === provinceId)?.fullName : (viewer.unitName ?? "Toàn quốc");
  const unitLabel = viewer.unitId === null && !provinceId ? "Tỉnh" : "Huyện";
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Kế hoạch xã đạt chuẩn năm {year}</h1>
          <p className="text-sm text-gray-600">
            {scopeName} ·{" "}
            {overview.progress.map((p) => `${formatNumber(p.registered)} xã ${PLAN_TARGET_SHORT[p.target]}`).join(", ")} ·{" "}
            <Link href={`/quan-ly/ke-hoach/du-bao?nam=${year}${provinceId ? `&tinh=${provinceId}` : ""}`} className="text-brand-700 underline">Dự báo năm đạt chuẩn</Link>
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {provinces.length > 0 && <ProvinceSelect provinces={provinces} value={provinceId} extra={{ nam: year }} />}
          <YearSelect years={ASSESSMENT_YEARS} year={year} extra={{ tinh: provinceId }} />
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {overview.progress.map((p) => (
          <div key={p.target} className="rounded bg-brand-50 p-3" data-testid={`plan-${p.target}`}>
            <dt className="text-sm text-gray-700">{PLAN_TARGET_LABELS[p.target]}</dt>
            <dd>
              <span className="text-2xl font-semibold text-brand-800" data-testid={`plan-${p.target}-reached`}>{formatNumber(p.reached)}</span>
              <span className="text-gray-700">/</span>
              <span className="text-lg text-gray-700" data-testid={`plan-${p.target}-registered`}>{formatNumber(p.registered)}</span>
              <span className="block text-xs text-gray-600">đã đạt / đăng ký</span>
            </dd>
          </div>
        ))}
        <div className="rounded bg-red-50 p-3" data-testid="plan-behind">
          <dt className="text-sm text-gray-700">Xã chậm tiến độ</dt>
          <dd className="text-2xl font-semibold text-red-800">{formatNumber(overview.behind.length)}</dd>
        </div>
      </dl>

      <section className="rounded border bg-white" aria-label="Tiến độ theo đơn vị">
        <h2 className="border-b px-4 py-2 font-semibold">Tiến độ theo {unitLabel.toLowerCase()}</h2>
        <ProgressTable rows={overview.byUnit} unitLabel={unitLabel} />
      </section>

      {canRegister && communes.length > 0 && (
        <section className="grid gap-2" aria-label="Đăng ký xã">
          <h2 className="font-semibold text-brand-800">Đăng ký xã vào kế hoạch năm {year}</h2>
          <RegisterForm year={year} communes={communes.filter((c) => !registered.has(c.id))} />
        </section>
      )}

      <section className="rounded border bg-white" aria-label="Xã đăng ký">
        <h2 className="border-b px-4 py-2 font-semibold">Xã đăng ký năm {year}</h2>
        <p className="px-4 pt-2 text-xs text-gray-600">
          Đạt: hồ sơ năm {year} đã được công nhận, đạt đủ tiêu chí và đạt mức đăng ký. Chậm tiến độ: có tiêu chí trong lộ trình đã quá thời hạn mà chưa đạt, hoặc đã hết năm mà chưa đạt.
        </p>
        {overview.entries.length === 0 ? (
          <p className="px-4 py-3 text-sm text-gray-600">Chưa có xã nào đăng ký.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="plan-entries">
              <thead>
                <tr className="bg-brand-50 text-left">
                  <th scope="col" className="px-3 py-2">Xã</th>
                  <th scope="col" className="px-3 py-2">Mục tiêu</th>
                  <th scope="col" className="px-3 py-2">Ngày dự kiến</th>
                  <th scope="col" className="px-3 py-2 text-right">Tiêu chí đạt</th>
                  <th scope="col" className="px-3 py-2 text-right">Lộ trình</th>
                  <th scope="col" className="px-3 py-2">Kết quả</th>
                </tr>
              </thead>
              <tbody>
                {overview.entries.map((e) => (
                  <tr key={e.id} className={`border-t ${e.check.behind ? "bg-red-50/60" : ""}`}>
                    <td className="px-3 py-1.5">
                      <Link href={`/quan-ly/ke-hoach/${e.id}`} className="font-semibold text-brand-700 hover:underline">{e.commune}</Link>
                      <span className="block text-xs text-gray-500">{e.district?.fullName ?? e.province.fullName}{e.isDemo ? " · dữ liệu mẫu" : ""}</span>
                    </td>
                    <td className="px-3 py-1.5">{PLAN_TARGET_LABELS[e.target]}</td>
                    <td className="px-3 py-1.5">{formatDate(e.targetDate)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{e.criteriaMet === null ? "–" : `${e.criteriaMet}/${e.criteriaTotal}`}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{e.roadmapItems ? `${e.roadmapMet}/${e.roadmapItems}` : "–"}</td>
                    <td className="px-3 py-1.5">
                      <OutcomeBadge outcome={e.outcome} /> {e.check.behind && <BehindBadge overdueItems={e.check.overdueItems} yearEnded={e.check.yearEndedUnreached} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="rounded border border-amber-300 bg-white" aria-label="Xã đã công nhận bị sụt giảm tiêu chí">
        <h2 className="border-b px-4 py-2 font-semibold">Xã đã được công nhận nhưng sụt giảm tiêu chí năm {year}</h2>
        {slipped.length === 0 ? (
          <p className="px-4 py-3 text-sm text-gray-600">Không có xã nào.</p>
        ) : (
          <table className="w-full text-sm" data-testid="plan-slipped">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-3 py-1">Xã</th>
                <th scope="col" className="px-3 py-1 text-right">Tiêu chí đạt năm {year}</th>
                <th scope="col" className="px-3 py-1">Quyết định công nhận</th>
              </tr>
            </thead>
            <tbody>
              {slipped.map((s) => (
                <tr key={s.communeId} className="border-t">
                  <td className="px-3 py-1">
                    <Link href={`/quan-ly/xa/${s.communeId}?nam=${year}`} className="text-brand-700 hover:underline">{s.commune}</Link>
                    {s.district && <span className="text-xs text-gray-500"> · {s.district}</span>}
                  </td>
                  <td className="px-3 py-1 text-right tabular-nums text-red-700">{s.criteriaMet}/{s.criteriaTotal}</td>
                  <td className="px-3 py-1">{s.decisionNumber ? `${s.decisionNumber}, ${formatDate(s.decisionDate)}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
