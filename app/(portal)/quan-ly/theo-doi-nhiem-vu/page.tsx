import type { Metadata } from "next";
import Link from "next/link";
import { TaskStatusBadge } from "@/components/notices/task-table";
import { ScorecardFilters } from "@/components/tasks/scorecard-filters";
import { ScorecardTable } from "@/components/tasks/scorecard-table";
import { TaskTallyCards } from "@/components/tasks/task-tally";
import { requirePagePermission } from "@/lib/auth";
import { formatDate, todayInVietnam } from "@/lib/format";
import { getScorecard, listScorecardOptions, type ScorecardFilters as Filters } from "@/lib/tasks/queries";
import { daysOverdue } from "@/lib/tasks/rules";

export const metadata: Metadata = { title: "Theo dõi thực hiện nhiệm vụ" };

type Search = { "thong-bao"?: string; "don-vi"?: string; tu?: string; den?: string };

const positive = (v: string | undefined) => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const isoDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);

export default async function TaskScorecardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePagePermission("task.scorecard", "/quan-ly/theo-doi-nhiem-vu");
  const sp = await searchParams;
  const values = { noticeId: positive(sp["thong-bao"]), organisationId: positive(sp["don-vi"]), from: isoDate(sp.tu), to: isoDate(sp.den) };
  const filters: Filters = {
    noticeId: values.noticeId,
    organisationId: values.organisationId,
    from: values.from ? new Date(`${values.from}T00:00:00Z`) : undefined,
    to: values.to ? new Date(`${values.to}T00:00:00Z`) : undefined,
  };
  const today = todayInVietnam();
  const [scorecard, options] = await Promise.all([getScorecard(viewer, filters, today), listScorecardOptions(viewer)]);
  const hrefFor = (organisationId: number) => {
    const q = new URLSearchParams();
    if (values.noticeId) q.set("thong-bao", String(values.noticeId));
    q.set("don-vi", String(organisationId));
    if (values.from) q.set("tu", values.from);
    if (values.to) q.set("den", values.to);
    return `?${q}`;
  };
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-brand-800">Theo dõi thực hiện nhiệm vụ</h1>
        <p className="text-sm text-gray-600">
          Nhiệm vụ tại các thông báo kết luận, theo đơn vị chủ trì · {viewer.unitName ?? "toàn quốc"} · tính đến ngày {formatDate(today)}.
          Tỷ lệ đúng hạn = số nhiệm vụ hoàn thành đúng hạn ÷ số nhiệm vụ đến hạn (đã hoàn thành hoặc đã qua thời hạn).
        </p>
      </div>
      <ScorecardFilters
        notices={options.notices.map((n) => ({ id: n.id, label: `${n.number} (${formatDate(n.issuedDate)})` }))}
        organisations={options.organisations.map((o) => ({ id: o.id, label: o.unit ? `${o.name} — ${o.unit.fullName}` : o.name }))}
        values={values}
      />
      <TaskTallyCards tally={scorecard.total} testId="scorecard-cards" />
      <ScorecardTable rows={scorecard.rows} total={scorecard.total} hrefFor={hrefFor} />
      {scorecard.tasks.length > 0 && (
        <section aria-labelledby="task-list-title" className="grid gap-2">
          <h2 id="task-list-title" className="font-semibold text-brand-800">Danh sách nhiệm vụ ({scorecard.tasks.length})</h2>
          <div className="overflow-x-auto rounded border bg-white">
            <table className="w-full text-sm">
              <thead>
                <tr className="bg-brand-50 text-left">
                  <th scope="col" className="px-3 py-2">Thông báo · nhiệm vụ</th>
                  <th scope="col" className="px-3 py-2">Nội dung</th>
                  <th scope="col" className="px-3 py-2">Đơn vị chủ trì</th>
                  <th scope="col" className="px-3 py-2">Thời hạn</th>
                  <th scope="col" className="px-3 py-2">Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {scorecard.tasks.map((t) => {
                  const late = daysOverdue(t, today);
                  return (
                    <tr key={t.id} className={`border-t align-top ${t.cls === "OVERDUE" ? "bg-red-50" : ""}`}>
                      <td className="px-3 py-1.5 whitespace-nowrap">
                        <Link href={`/quan-ly/nhiem-vu/${t.id}`} className="text-brand-700 hover:underline">{t.notice.number} · {t.number}</Link>
                      </td>
                      <td className="px-3 py-1.5"><p className="line-clamp-2">{t.content}</p></td>
                      <td className="px-3 py-1.5">{t.assigneeOrg?.name}</td>
                      <td className="px-3 py-1.5 whitespace-nowrap">{t.deadline ? formatDate(t.deadline) : "Không ghi"}</td>
                      <td className="px-3 py-1.5">
                        <TaskStatusBadge cls={t.cls} />
                        {late > 0 && <span className="block text-xs font-semibold text-red-700">Quá hạn {late} ngày</span>}
                        {t.completedAt && <span className="block text-xs text-gray-600">Xong ngày {formatDate(t.completedAt)}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
