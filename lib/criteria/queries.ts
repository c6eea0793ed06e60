import { db } from "@/lib/db";

/** A criteria set with every indicator and its threshold rows (national and province overrides). */
export function getCriteriaSetWithThresholds(code: string, provinceId: number | null) {
  return db.criteriaSet.findUnique({
    where: { code },
    include: {
      phase: true,
      criteria: {
        orderBy: { number: "asc" },
        include: {
          indicators: {
            orderBy: { sortOrder: "asc" },
            include: { thresholds: { where: { OR: [{ provinceId: null }, ...(provinceId ? [{ provinceId }] : [])] } } },
          },
        },
      },
    },
  });
}

export function listCriteriaSets() {
  return db.criteriaSet.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, decision: true } });
}
