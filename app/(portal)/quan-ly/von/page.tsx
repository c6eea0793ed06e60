import type { Metadata } from "next";
import Link from "next/link";
import { CapitalMonthChart } from "@/components/capital/capital-month-chart";
import { LineTable } from "@/components/capital/line-table";
import { ProvinceSelect } from "@/components/ocop/province-select";
import { YearSelect } from "@/components/portal/year-select";
import { ASSESSMENT_YEARS, parseYear } from "@/lib/assessments/years";
import { requirePagePermission } from "@/lib/auth";
import { hasPermission } from "@/lib/authz";
import { capitalOverviewForViewer, criterionSpendingForViewer } from "@/lib/capital/queries";
import { DEADLINE_WARNING_DAYS, ON_TRACK_RATE } from "@/lib/capital/rules";
import { formatMoneyMillions, formatNumber, formatPercent, todayInVietnam } from "@/lib/format";
import { provinceFilter } from "@/lib/units/queries";

export const metadata: Metadata = { title: "Vốn và giải ngân" };

const LEVEL_LABELS: Record<string, string> = { PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" };

export default async function CapitalPage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const viewer = await requirePagePermission("dashboard.view", "/quan-ly/von");
  const sp = await searchParams;
  const year = parseYear(sp.nam);
  const { provinces, provinceId } = await provinceFilter(viewer, sp.tinh, todayInVietnam());
  const [{ summary, lines, byUnit }, spending] = await Promise.all([
    capitalOverviewForViewer(viewer, { year, provinceId }),
    criterionSpendingForViewer(viewer, { year, provinceId }),
  ]);
  const flagged = lines.filter((l) => l.risk === "AT_RISK" || l.risk === "OVERDUE");
  const scopeName = provinceId ? provinces.find((p) => p.id === provinceId)?.fullName : (viewer.unitName ?? "Toàn quốc");
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-brand-800">Vốn và giải ngân năm {year}</h1>
          <p className="text-sm text-gray-600">{scopeName} · đơn vị: triệu đồng (từ 1.000 triệu ghi tỷ đồng)</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {provinces.length > 0 && <ProvinceSelect provinces={provinces} value={provinceId} extra={{ nam: year }} />}
          <YearSelect years={ASSESSMENT_YEARS} year={year} extra={{ tinh: provinceId }} />
          {hasPermission(viewer.role, "capital.edit") && (
            <Link href={`/quan-ly/von/moi?nam=${year}${provinceId ? `&tinh=${provinceId}` : ""}`} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
              Thêm dòng vốn
            </Link>
          )}
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[
          { key: "allocated", value: formatMoneyMillions(summary.allocated), label: "vốn được giao" },
          { key: "disbursed", value: formatMoneyMillions(summary.disbursed), label: "đã giải ngân" },
          { key: "rate", value: formatPercent(summary.rate), label: "tỷ lệ giải ngân" },
          { key: "flagged", value: formatNumber(flagged.length), label: "dòng vốn quá hạn hoặc có nguy cơ" },
        ].map((f) => (
          <div key={f.key} className="rounded bg-brand-50 p-3" data-testid={`capital-${f.key}`}>
            <dt className="sr-only">{f.label}</dt>
            <dd>
              <span className="block text-2xl font-semibold text-brand-800">{f.value}</span>
              <span className="text-sm text-gray-700">{f.label}</span>
            </dd>
          </div>
        ))}
      </dl>

      <section className="rounded border bg-white p-4" aria-label="Giải ngân theo tháng">
        <h2 className="mb-2 font-semibold">Vốn được giao và giải ngân lũy kế theo tháng</h2>
        <CapitalMonthChart data={summary.byMonth} year={year} />
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm" data-testid="capital-month-table">
            <caption className="text-left text-gray-600">Bảng số liệu của biểu đồ</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1">Tháng</th>
                <th scope="col" className="py-1 text-right">Giải ngân trong tháng</th>
                <th scope="col" className="py-1 text-right">Lũy kế</th>
                <th scope="col" className="py-1 text-right">Tỷ lệ lũy kế</th>
              </tr>
            </thead>
            <tbody>
              {summary.byMonth.map((m) => (
                <tr key={m.month} className="border-t">
                  <td className="py-1">Tháng {m.month}/{year}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoneyMillions(m.disbursed)}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoneyMillions(m.cumulativeDisbursed)}</td>
                  <td className="py-1 text-right tabular-nums">{formatPercent(m.rate)}</td>
                </tr>
              ))}
              {summary.disbursedAfterYearEnd > 0 && (
                <tr className="border-t">
                  <td className="py-1">Sau 31/12/{year} (trong hạn giải ngân)</td>
                  <td className="py-1 text-right tabular-nums">{formatMoneyMillions(summary.disbursedAfterYearEnd)}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoneyMillions(summary.disbursed)}</td>
                  <td className="py-1 text-right tabular-nums">{formatPercent(summary.rate)}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded border bg-white" aria-label="Theo nguồn vốn">
          <h2 className="border-b px-4 py-2 font-semibold">Theo nguồn vốn</h2>
          <table className="w-full text-sm" data-testid="capital-source-table">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-3 py-1">Nguồn</th>
                <th scope="col" className="px-3 py-1 text-right">Được giao</th>
                <th scope="col" className="px-3 py-1 text-right">Đã giải ngân</th>
                <th scope="col" className="px-3 py-1 text-right">Tỷ lệ</th>
              </tr>
            </thead>
            <tbody>
              {summary.bySource.map((s) => (
                <tr key={s.source} className="border-t">
                  <td className="px-3 py-1">{s.label}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{formatMoneyMillions(s.allocated)}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{formatMoneyMillions(s.disbursed)}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{formatPercent(s.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="rounded border bg-white" aria-label="Theo đơn vị">
          <h2 className="border-b px-4 py-2 font-semibold">Theo đơn vị được giao vốn</h2>
          <div className="max-h-96 overflow-y-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="px-3 py-1">Đơn vị</th>
                  <th scope="col" className="px-3 py-1 text-right">Được giao</th>
                  <th scope="col" className="px-3 py-1 text-right">Đã giải ngân</th>
                  <th scope="col" className="px-3 py-1 text-right">Tỷ lệ</th>
                </tr>
              </thead>
              <tbody>
                {byUnit.map((u) => (
                  <tr key={u.unitId} className="border-t">
                    <td className="px-3 py-1">{u.unit} <span className="text-xs text-gray-500">({LEVEL_LABELS[u.level] ?? u.level})</span></td>
                    <td className="px-3 py-1 text-right tabular-nums">{formatMoneyMillions(u.allocated)}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{formatMoneyMillions(u.disbursed)}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{formatPercent(u.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section className="rounded border border-amber-300 bg-white" aria-label="Dòng vốn cần chú ý">
        <h2 className="border-b px-4 py-2 font-semibold">Dòng vốn quá hạn hoặc có nguy cơ không giải ngân hết</h2>
        <p className="px-4 pt-2 text-xs text-gray-600">
          Quá hạn: đã qua hạn giải ngân mà chưa giải ngân hết. Có nguy cơ: còn {DEADLINE_WARNING_DAYS} ngày trở xuống đến hạn và giải ngân dưới {ON_TRACK_RATE}%.
        </p>
        <LineTable lines={flagged} testId="capital-flagged" />
      </section>

      <section className="rounded border bg-white" aria-label="Vốn và tiêu chí">
        <h2 className="border-b px-4 py-2 font-semibold">Vốn đầu tư cho từng tiêu chí và số xã đạt mới tiêu chí năm {year}</h2>
        <p className="px-4 pt-2 text-xs text-gray-600">
          Vốn: các dòng vốn được gắn với tiêu chí. Số xã đạt mới: xã đạt tiêu chí năm {year} mà năm {year - 1} chưa đạt (cùng bộ tiêu chí; năm đầu của bộ tiêu chí mới không so sánh được).
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="capital-criteria-table">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-3 py-1">Tiêu chí</th>
                <th scope="col" className="px-3 py-1 text-right">Vốn được giao</th>
                <th scope="col" className="px-3 py-1 text-right">Đã giải ngân</th>
                <th scope="col" className="px-3 py-1 text-right">Số xã đạt mới</th>
              </tr>
            </thead>
            <tbody>
              {spending.map((c) => (
                <tr key={c.criterionId} className="border-t">
                  <td className="px-3 py-1">{c.number}. {c.name}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{c.allocated ? formatMoneyMillions(c.allocated) : "–"}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{c.disbursed ? formatMoneyMillions(c.disbursed) : "–"}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{formatNumber(c.communesNewlyMet)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="rounded border bg-white" aria-label="Các dòng vốn">
        <h2 className="border-b px-4 py-2 font-semibold">Các dòng vốn năm {year}</h2>
        <LineTable lines={lines} testId="capital-lines" />
      </section>
    </div>
  );
}
