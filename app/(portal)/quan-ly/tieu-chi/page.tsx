import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BandLegend } from "@/components/criteria/band-legend";
import { SetTerms } from "@/components/criteria/set-terms";
import { ThresholdRow, type ThresholdCell } from "@/components/criteria/threshold-row";
import { requirePagePermission } from "@/lib/auth";
import { canActNationally, hasPermission } from "@/lib/authz";
import { getCriteriaSetWithThresholds, listCriteriaSets } from "@/lib/criteria/queries";
import { communeSetCodeForDate } from "@/lib/criteria/rules";
import { todayInVietnam } from "@/lib/format";

export const metadata: Metadata = { title: "Bộ tiêu chí và ngưỡng" };

const REGION_COLUMNS = [
  { key: "general", label: "Chung" },
  { key: "TDMNPB", label: "TD&MN phía Bắc" },
  { key: "DBSH", label: "ĐB sông Hồng" },
  { key: "BTB", label: "Bắc Trung Bộ" },
  { key: "DHNTB", label: "DH Nam Trung Bộ" },
  { key: "TN", label: "Tây Nguyên" },
  { key: "DNB", label: "Đông Nam Bộ" },
  { key: "DBSCL", label: "ĐB sông Cửu Long" },
];
const GROUP_COLUMNS = [
  { key: "general", label: "Chung" },
  { key: "g1", label: "Nhóm 1" },
  { key: "g2", label: "Nhóm 2" },
  { key: "g3", label: "Nhóm 3" },
];

export default async function CriteriaPage({ searchParams }: { searchParams: Promise<{ bo?: string }> }) {
  const viewer = await requirePagePermission("assessment.read", "/quan-ly/tieu-chi");
  const sets = await listCriteriaSets();
  // by default the set in force today
  const code = (await searchParams).bo ?? communeSetCodeForDate(todayInVietnam());
  const provinceId = viewer.unitLevel === "PROVINCE" ? viewer.unitId : null;
  const set = typeof code === "string" ? await getCriteriaSetWithThresholds(code, provinceId) : null;
  if (!set) notFound();
  const canEdit = hasPermission(viewer.role, "thresholds.edit");
  const national = canActNationally(viewer, "thresholds.national");
  const columns = [...(set.groupingScheme === "REGION_7" ? REGION_COLUMNS : GROUP_COLUMNS), ...(provinceId ? [{ key: "province", label: "Riêng của tỉnh" }] : [])];
  const fmt = (v: unknown) => (v === null || v === undefined ? "" : String(Number(v)).replace(".", ","));
  const thresholds = set.criteria.flatMap((c) => c.indicators.flatMap((i) => i.thresholds.filter((t) => t.provinceId === null)));
  const sourcedCount = thresholds.filter((t) => t.source).length;
  const sampleCount = thresholds.filter((t) => t.isSample).length;
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Bộ tiêu chí và ngưỡng chỉ tiêu</h1>
      <nav className="flex flex-wrap gap-2 text-sm" aria-label="Bộ tiêu chí">
        {sets.map((s) => (
          <Link key={s.code} href={`/quan-ly/tieu-chi?bo=${s.code}`} aria-current={s.code === set.code ? "page" : undefined} className={`rounded border px-3 py-1 ${s.code === set.code ? "bg-brand-700 text-white" : "bg-white"}`}>
            {s.name} ({s.decision})
          </Link>
        ))}
      </nav>
      <SetTerms {...set} />
      {set.criteria.length > 0 && <BandLegend criteriaTotal={set.criteria.length} />}
      {set.criteria.length === 0 ? (
        <p className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Cổng chưa có danh mục tiêu chí của bộ này: bộ tiêu chí được lưu để ghi nhận các quyết định công nhận đã cấp theo bộ này.
        </p>
      ) : (
        <p className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Tên tiêu chí lấy từ văn bản gốc. Ngưỡng có “Nguồn” lấy từ các trang công khai trích dẫn quyết định (“2 nguồn”: hai nơi đăng độc lập
          ghi cùng mức; “1 nguồn”: một nơi), chưa đối chiếu phụ lục chính thức: {sourcedCount} ngưỡng có nguồn, {sampleCount} ngưỡng “mẫu”.
          Chỉ tiêu và ngưỡng đánh dấu “mẫu” chưa có nguồn và chưa được đối chiếu:
          {national ? " quản trị viên sửa ngưỡng quốc gia và đánh dấu “đã đối chiếu văn bản”." : provinceId && canEdit ? " tỉnh có thể đặt ngưỡng riêng (cột cuối), áp dụng cho các xã của tỉnh." : " chỉ dùng để tham khảo."}
        </p>
      )}
      {set.criteria.map((c) => (
        <section key={c.id} className="overflow-x-auto rounded border bg-white" aria-label={`Tiêu chí ${c.number}`}>
          <h2 className="border-b bg-brand-50 px-3 py-2 font-semibold">
            {c.number}. {c.name} <span className="text-sm font-normal text-gray-600">· {c.responsibleDepartment}</span>
          </h2>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-gray-600">
                <th scope="col" className="px-2 py-1">Chỉ tiêu</th>
                {columns.map((col) => (
                  <th key={col.key} scope="col" className="px-1 py-1">{col.label}</th>
                ))}
                <th scope="col" className="px-2 py-1" />
              </tr>
            </thead>
            <tbody>
              {c.indicators.map((i) => {
                const cells: Record<string, ThresholdCell> = {};
                for (const t of i.thresholds) {
                  const key = t.provinceId ? "province" : t.region ?? (t.communeGroup ? `g${t.communeGroup}` : "general");
                  cells[key] = { value: fmt(t.value), isSample: t.isSample, source: t.source, confidence: t.confidence, note: t.note };
                }
                const nationalRows = i.thresholds.filter((t) => t.provinceId === null);
                const verified = nationalRows.length > 0 && nationalRows.every((t) => !t.isSample && !t.source);
                const editable = Object.fromEntries(columns.map((col) => [col.key, canEdit && (col.key === "province" ? !!provinceId : national)]));
                return (
                  <ThresholdRow
                    key={i.id}
                    indicator={{ id: i.id, code: i.code, name: i.name, unit: i.unit, kind: i.kind, comparison: i.comparison, isSample: i.isSample }}
                    columns={columns}
                    cells={cells}
                    editable={editable}
                    canVerify={national}
                    verified={verified}
                  />
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
