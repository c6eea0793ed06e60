import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth";
import { auditFilterQuery, parseAuditFilters } from "@/lib/audit/filters";
import { auditFilterChoices, listAuditEntries } from "@/lib/audit/queries";
import { formatNumber } from "@/lib/format";
import { queryValue } from "@/lib/paging";

export const metadata: Metadata = { title: "Nhật ký thao tác" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const viewer = await requirePagePermission("audit.view", "/quan-ly/nhat-ky");
  const query = await searchParams;
  const [result, choices] = await Promise.all([listAuditEntries(viewer, parseAuditFilters(query)), auditFilterChoices(viewer)]);
  const shown = Object.fromEntries(Object.keys(query).map((k) => [k, queryValue(query[k])]));
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Nhật ký thao tác</h1>
      <p className="max-w-3xl text-sm text-gray-600">
        Mọi thay đổi dữ liệu được ghi lại cùng lúc với thay đổi, không sửa, không xóa được.
        {viewer.unitId !== null && ` Bạn xem các mục về đơn vị trong phạm vi ${viewer.unitName ?? "của mình"}.`}
      </p>
      <AuditFilterForm query={shown} entityTypes={choices.entityTypes} actions={choices.actions} provinces={choices.provinces} />
      <p className="text-sm" data-testid="audit-total">
        {formatNumber(result.total)} mục{result.pageCount > 1 ? ` · trang ${result.page}/${result.pageCount}` : ""}
      </p>
      <AuditTable rows={result.rows} />
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => `/quan-ly/nhat-ky${auditFilterQuery(query, p)}`} />
    </div>
  );
}
