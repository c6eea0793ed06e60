import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteDisbursementButton, DisbursementForm } from "@/components/capital/disbursement-form";
import { LineForm } from "@/components/capital/line-form";
import { RiskBadge } from "@/components/capital/risk-badge";
import { requirePagePermission } from "@/lib/auth";
import { isUnitInScope } from "@/lib/authz";
import { criterionOptions, getLineForStaff } from "@/lib/capital/queries";
import { CAPITAL_SOURCE_LABELS, effectiveDeadline, round2 } from "@/lib/capital/rules";
import { formatDate, formatMoneyMillions, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Dòng vốn" };

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export default async function LinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission("dashboard.view", `/quan-ly/von/${id}`);
  const lineId = Number.parseInt(id, 10);
  if (!Number.isSafeInteger(lineId) || lineId <= 0) notFound();
  const { line, disbursements, disbursed, rate, risk, canEdit } = await getLineForStaff(viewer, lineId);
  const editable = canEdit && isUnitInScope(viewer, line.unit);
  const criteria = editable ? await criterionOptions(line.year) : [];
  return (
    <div className="grid gap-4">
      <div>
        <p className="text-sm"><Link href={`/quan-ly/von?nam=${line.year}`} className="text-brand-700 hover:underline">← Vốn và giải ngân năm {line.year}</Link></p>
        <h1 className="text-xl font-semibold text-brand-800">
          {CAPITAL_SOURCE_LABELS[line.source]} · {line.unit.fullName} · năm {line.year}
        </h1>
        <p className="text-sm text-gray-600">
          {line.project ?? "Không ghi dự án"}
          {line.criterion ? ` · Tiêu chí ${line.criterion.number}. ${line.criterion.name}` : ""}
          {line.isDemo ? " · dữ liệu mẫu" : ""}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div className="rounded bg-brand-50 p-3" data-testid="line-allocated"><dt className="text-sm text-gray-700">Vốn được giao</dt><dd className="text-xl font-semibold">{formatMoneyMillions(line.allocated)}</dd></div>
        <div className="rounded bg-brand-50 p-3" data-testid="line-disbursed"><dt className="text-sm text-gray-700">Đã giải ngân</dt><dd className="text-xl font-semibold">{formatMoneyMillions(disbursed)}</dd></div>
        <div className="rounded bg-brand-50 p-3" data-testid="line-rate"><dt className="text-sm text-gray-700">Tỷ lệ giải ngân</dt><dd className="text-xl font-semibold">{formatPercent(rate)}</dd></div>
        <div className="rounded bg-brand-50 p-3"><dt className="text-sm text-gray-700">Giải ngân đến</dt><dd className="text-xl font-semibold">{formatDate(effectiveDeadline(line.year, line.disbursementDeadline))}</dd><dd><RiskBadge risk={risk} /></dd></div>
      </dl>

      <section className="rounded border bg-white" aria-label="Các khoản giải ngân">
        <h2 className="border-b px-4 py-2 font-semibold">Các khoản giải ngân</h2>
        {disbursements.length === 0 ? (
          <p className="px-4 py-3 text-sm text-gray-600">Chưa giải ngân.</p>
        ) : (
          <table className="w-full text-sm" data-testid="disbursement-table">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-3 py-1">Ngày</th>
                <th scope="col" className="px-3 py-1 text-right">Số tiền</th>
                <th scope="col" className="px-3 py-1">Ghi chú</th>
                {editable && <th scope="col" className="px-3 py-1"><span className="sr-only">Thao tác</span></th>}
              </tr>
            </thead>
            <tbody>
              {disbursements.map((d) => (
                <tr key={d.id} className="border-t">
                  <td className="px-3 py-1">{formatDate(d.date)}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{formatMoneyMillions(d.amount)}</td>
                  <td className="px-3 py-1">{d.note ?? ""}</td>
                  {editable && <td className="px-3 py-1"><DeleteDisbursementButton disbursementId={d.id} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {editable && (
        <>
          <section className="grid gap-2" aria-label="Ghi giải ngân mới">
            <h2 className="font-semibold text-brand-800">Ghi giải ngân</h2>
            <DisbursementForm lineId={line.id} remaining={Math.max(0, round2(line.allocated - disbursed))} />
          </section>
          <section className="grid gap-2" aria-label="Sửa dòng vốn">
            <h2 className="font-semibold text-brand-800">Sửa dòng vốn</h2>
            <p className="text-sm text-gray-600">Tổng giải ngân không được vượt vốn được giao: nếu được giao thêm vốn, hãy tăng vốn được giao trước khi ghi giải ngân.</p>
            <LineForm
              year={line.year}
              criteria={criteria}
              initial={{
                lineId: line.id,
                version: line.version,
                project: line.project,
                criterionId: line.criterionId,
                planned: line.planned,
                allocated: line.allocated,
                disbursementDeadline: iso(line.disbursementDeadline),
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
