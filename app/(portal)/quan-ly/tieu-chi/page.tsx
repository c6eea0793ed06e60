import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ThresholdRow } from "@/components/criteria/threshold-row";
import { requirePagePermission } from "@/lib/auth";
import { canActNationally, hasPermission } from "@/lib/authz";
import { getCriteriaSetWithThresholds, listCriteriaSets } from "@/lib/criteria/queries";

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
  const code = (await searchParams).bo ?? "XA_2021_2025";
  const provinceId = viewer.unitLevel === "PROVINCE" ? viewer.unitId : null;
  const set = await getCriteriaSetWithThresholds(code, provinceId);
  if (!set) notFound();
  const canEdit = hasPermission(viewer.role, "thresholds.edit");
  const national = canActNationally(viewer, "thresholds.national");
  const columns = [...(set.groupingScheme === "REGION_7" ? REGION_COLUMNS : GROUP_COLUMNS), ...(provinceId ? [{ key: "province", label: "Riêng của tỉnh" }] : [])];
  const fmt = (v: unknown) => (v === null || v === undefined ? "" : String(Number(v)).replace(".", ","));
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Bộ tiêu chí và ngưỡng chỉ tiêu</h1>
      <nav className="flex flex-wrap gap-2 text-sm" aria-label="Bộ tiêu chí">
        {sets.map((s) => (
          <Link key={s.code} href={`/quan-ly/tieu-chi?bo=${s.code}`} className={`rounded border px-3 py-1 ${s.code === code ? "bg-brand-700 text-white" : "bg-white"}`}>
            {s.name} ({s.decision})
          </Link>
        ))}
      </nav>
      <p className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        Tên tiêu chí lấy từ văn bản gốc. Chỉ tiêu và ngưỡng đánh dấu “mẫu” chưa được đối chiếu với phụ lục chính thức:
        {national ? " quản trị viên sửa ngưỡng quốc gia và đánh dấu “đã đối chiếu văn bản”." : provinceId && canEdit ? " tỉnh có thể đặt ngưỡng riêng (cột cuối), áp dụng cho các xã của tỉnh." : ""}
      </p>
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
                const values: Record<string, string> = {};
                for (const t of i.thresholds) {
                  const key = t.provinceId ? "province" : t.region ?? (t.communeGroup ? `g${t.communeGroup}` : "general");
                  values[key] = fmt(t.value);
                }
                const editable = Object.fromEntries(columns.map((col) => [col.key, canEdit && (col.key === "province" ? !!provinceId : national)]));
                return (
                  <ThresholdRow
                    key={i.id}
                    indicator={{ id: i.id, code: i.code, name: i.name, unit: i.unit, kind: i.kind, comparison: i.comparison, isSample: i.isSample }}
                    columns={columns}
                    values={values}
                    editable={editable}
                    canVerify={national}
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
