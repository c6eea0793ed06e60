import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CriterionStatusBadge } from "@/components/portal/criterion-status-badge";
import { AddRoadmapItemForm, EntryForm, RoadmapItemForm } from "@/components/plans/entry-forms";
import { BehindBadge, OutcomeBadge } from "@/components/plans/outcome-badge";
import { requirePagePermission } from "@/lib/auth";
import { isUnitInScope } from "@/lib/authz";
import { formatDate } from "@/lib/format";
import { getPlanEntryForStaff } from "@/lib/plans/queries";
import { defaultRoadmapDate, PLAN_TARGET_LABELS } from "@/lib/plans/rules";

export const metadata: Metadata = { title: "Lộ trình đạt chuẩn của xã" };

const iso = (d: Date) => d.toISOString().slice(0, 10);

export default async function PlanEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission("dashboard.view", `/quan-ly/ke-hoach/${id}`);
  const entryId = Number.parseInt(id, 10);
  if (!Number.isSafeInteger(entryId) || entryId <= 0) notFound();
  const { entry, set, latest, outcome, check, items, addable, canEdit } = await getPlanEntryForStaff(viewer, entryId);
  const editable = canEdit && isUnitInScope(viewer, entry.commune);
  return (
    <div className="grid gap-4">
      <div>
        <p className="text-sm"><Link href={`/quan-ly/ke-hoach?nam=${entry.year}`} className="text-brand-700 hover:underline">← Kế hoạch năm {entry.year}</Link></p>
        <h1 className="text-xl font-semibold text-brand-800">{entry.commune.fullName} · {PLAN_TARGET_LABELS[entry.target]} năm {entry.year}</h1>
        <p className="text-sm text-gray-600">
          {[entry.commune.district?.fullName, entry.commune.province?.fullName].filter(Boolean).join(", ")} · {set.name}
          {entry.targetDate ? ` · dự kiến đạt ${formatDate(entry.targetDate)}` : ""}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <OutcomeBadge outcome={outcome} />
          {check.behind && <BehindBadge overdueItems={check.overdueItems} yearEnded={check.yearEndedUnreached} />}
          {latest && (
            <span>
              Đánh giá năm {latest.year}: <Link href={`/quan-ly/xa/${entry.communeId}?nam=${latest.year}`} className="text-brand-700 underline">{latest.criteriaMet}/{latest.criteriaTotal} tiêu chí đạt</Link>
            </span>
          )}
        </p>
        {entry.note && <p className="text-sm">Ghi chú: {entry.note}</p>}
      </div>

      <section className="rounded border bg-white" aria-label="Lộ trình">
        <h2 className="border-b px-4 py-2 font-semibold">Lộ trình: tiêu chí cần hoàn thành</h2>
        {items.length === 0 ? (
          <p className="px-4 py-3 text-sm text-gray-600">Lộ trình chưa có tiêu chí nào.</p>
        ) : (
          <table className="w-full text-sm" data-testid="roadmap">
            <thead>
              <tr className="bg-brand-50 text-left">
                <th scope="col" className="px-3 py-2">Tiêu chí</th>
                <th scope="col" className="px-3 py-2">Hiện trạng</th>
                <th scope="col" className="px-3 py-2">Thời hạn hoàn thành</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className={`border-t align-top ${i.overdue ? "bg-red-50/60" : ""}`}>
                  <td className="px-3 py-1.5">{i.criterion.number}. {i.criterion.name}</td>
                  <td className="px-3 py-1.5">
                    {i.status ? <CriterionStatusBadge status={i.status as "MET"} /> : <span className="text-gray-500">Chưa đánh giá</span>}
                    {i.overdue && <span className="ml-1 text-xs font-semibold text-red-700">Quá hạn</span>}
                  </td>
                  <td className="px-3 py-1.5">
                    {editable ? (
                      <RoadmapItemForm entryId={entry.id} itemId={i.id} criterionId={i.criterion.id} targetDate={iso(i.targetDate)} note={i.note} label={`tiêu chí ${i.criterion.number}`} />
                    ) : (
                      <>{formatDate(i.targetDate)}{i.note ? ` · ${i.note}` : ""}</>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {editable && (
        <>
          <AddRoadmapItemForm entryId={entry.id} criteria={addable} defaultDate={iso(defaultRoadmapDate(entry.year, entry.targetDate))} />
          <EntryForm entryId={entry.id} year={entry.year} targetDate={entry.targetDate ? iso(entry.targetDate) : null} note={entry.note} />
        </>
      )}
    </div>
  );
}
