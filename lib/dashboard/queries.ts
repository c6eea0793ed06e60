// Aggregated figures (communes reached, average criteria, bands) for any set of communes.
import { db } from "@/lib/db";
import { aggregate, type Aggregate } from "@/lib/criteria/rules";
import type { WorkflowStatus } from "@/lib/generated/prisma/enums";
import { unitWithPredecessors } from "@/lib/users/queries";

/** Figures are public once reviewed above the commune: verified, appraised or recognised. */
export const PUBLIC_STATUSES: WorkflowStatus[] = ["VERIFIED", "APPRAISED", "RECOGNISED"];

export interface FigureFilter {
  year: number;
  /** a province (its predecessors' communes are included) */
  provinceId?: number;
  districtId?: number;
  /** only figures reviewed above the commune (public pages, open data) */
  publicOnly?: boolean;
}

export interface Figures extends Aggregate {
  year: number;
  communesRecognised: number;
  criteriaTotal: number;
}

export async function figuresFor(filter: FigureFilter): Promise<Figures> {
  const provinceIds = filter.provinceId ? await unitWithPredecessors(filter.provinceId) : undefined;
  const rows = await db.assessment.findMany({
    where: {
      year: filter.year,
      set: { level: "COMMUNE" },
      ...(filter.publicOnly ? { status: { in: PUBLIC_STATUSES } } : { status: { not: "REVOKED" } }),
      unit: {
        level: "COMMUNE",
        ...(provinceIds ? { provinceId: { in: provinceIds } } : {}),
        ...(filter.districtId ? { districtId: filter.districtId } : {}),
      },
    },
    select: { unitId: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true, status: true, unit: { select: { districtId: true } } },
  });
  const agg = aggregate(
    rows.map((r) => ({
      communeId: r.unitId,
      districtId: r.unit.districtId,
      criteriaMet: r.criteriaMet,
      criteriaTotal: r.criteriaTotal,
      reachedStandard: r.reachedStandard,
    })),
  );
  return {
    ...agg,
    year: filter.year,
    communesRecognised: rows.filter((r) => r.status === "RECOGNISED").length,
    criteriaTotal: rows[0]?.criteriaTotal ?? 19,
  };
}

/** The latest year with public figures (the home page's key figures). */
export async function latestPublicYear(): Promise<number | null> {
  const row = await db.assessment.findFirst({
    where: { status: { in: PUBLIC_STATUSES } },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return row?.year ?? null;
}
