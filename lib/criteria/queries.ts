import { db } from "@/lib/db";

/**
 * A criteria set with its legal dates and amendments, every indicator and its threshold rows
 * (national, with their sources, and the viewer's province overrides).
 */
export function getCriteriaSetWithThresholds(code: string, provinceId: number | null) {
  return db.criteriaSet.findUnique({
    where: { code },
    include: {
      phase: true,
      amendments: { orderBy: { inForceFrom: "asc" } },
      criteria: {
        orderBy: { number: "asc" },
        include: {
          indicators: {
            orderBy: { sortOrder: "asc" },
            include: { thresholds: { where: { OR: [{ provinceId: null }, ...(provinceId ? [{ provinceId }] : [])] }, orderBy: { id: "asc" } } },
          },
        },
      },
    },
  });
}

/** The criteria sets, oldest first, with the years of the reports each one judges. */
export function listCriteriaSets() {
  return db.criteriaSet.findMany({
    orderBy: [{ inForceFrom: "asc" }, { code: "asc" }],
    select: { code: true, name: true, decision: true, firstReportYear: true, lastReportYear: true },
  });
}
