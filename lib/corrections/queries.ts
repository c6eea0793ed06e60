// Reads of correction requests. Staff reads take the viewer and apply its scope; the public read
// (latestCorrectionDate) sees only approved corrections of dossiers counted in public figures.
import type { WorkflowStatus } from "@/lib/assessments/workflow";
import { hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { PUBLIC_STATUSES, type DashboardScope } from "@/lib/dashboard/queries";
import { communeScopeWhere } from "@/lib/units/scope";
import { correctionBlockedReason, decisionRefusal, type CorrectionChange, type CorrectionStatus } from "./rules";
import { ZCorrectionChanges } from "./schemas";

export interface CorrectionView {
  id: number;
  status: CorrectionStatus;
  reason: string;
  changes: CorrectionChange[];
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** the viewer may approve or reject it now (permission, scope, pending, not their own) */
  canDecide: boolean;
  /** why the viewer, who could otherwise decide, may not: their own request */
  ownRequest: boolean;
  commune: { id: number; name: string; district: string | null; province: string | null };
  year: number;
}

const include = {
  requestedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
  assessment: {
    select: {
      year: true,
      unit: { select: { id: true, fullName: true, provinceId: true, districtId: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } } },
    },
  },
} as const;

type Row = Awaited<ReturnType<typeof findRows>>[number];
function findRows(where: NonNullable<Parameters<typeof db.correctionRequest.findMany>[0]>["where"], take: number, order: "asc" | "desc" = "desc") {
  return db.correctionRequest.findMany({ where, include, orderBy: [{ createdAt: order }, { id: order }], take });
}

function toView(viewer: Viewer, r: Row): CorrectionView {
  const unit = r.assessment.unit;
  const mayDecide = hasPermission(viewer.role, "correction.decide") && isUnitInScope(viewer, unit);
  const refusal = decisionRefusal(viewer.id, r);
  const parsed = ZCorrectionChanges.safeParse(r.changes);
  return {
    id: r.id,
    status: r.status as CorrectionStatus,
    reason: r.reason,
    changes: parsed.success ? parsed.data : [],
    requestedBy: r.requestedBy.name,
    createdAt: r.createdAt,
    decidedBy: r.decidedBy?.name ?? null,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    canDecide: mayDecide && refusal === null,
    ownRequest: mayDecide && r.status === "PENDING" && r.requestedById === viewer.id,
    commune: { id: unit.id, name: unit.fullName, district: unit.district?.fullName ?? null, province: unit.province?.fullName ?? null },
    year: r.assessment.year,
  };
}

export interface AssessmentCorrections {
  requests: CorrectionView[];
  /** the viewer may open a new request now */
  canRequest: boolean;
  /** why no new request can be made now (shown instead of the form); null when one can */
  blockedReason: string | null;
}

/** The requests of one dossier, newest first, and whether the viewer may ask for another. */
export async function listAssessmentCorrections(viewer: Viewer, assessment: { id: number; status: WorkflowStatus; unit: { id: number; provinceId: number | null; districtId: number | null } }): Promise<AssessmentCorrections> {
  if (!isUnitInScope(viewer, assessment.unit)) return { requests: [], canRequest: false, blockedReason: null };
  const rows = await findRows({ assessmentId: assessment.id }, 50);
  const requests = rows.map((r) => toView(viewer, r));
  const blocked = correctionBlockedReason(assessment.status);
  const pending = requests.some((r) => r.status === "PENDING");
  const blockedReason = blocked ?? (pending ? "Đang có một đề nghị điều chỉnh chờ phê duyệt." : null);
  return { requests, canRequest: hasPermission(viewer.role, "correction.request") && blockedReason === null, blockedReason };
}

/** Pending requests of communes in the viewer's scope, oldest first (the queue of an approver). */
export async function listPendingCorrections(viewer: Viewer, limit = 100): Promise<CorrectionView[]> {
  if (!hasPermission(viewer.role, "correction.decide")) return [];
  const rows = await findRows({ status: "PENDING", assessment: { unit: communeScopeWhere(viewer) } }, limit, "asc");
  return rows.map((r) => toView(viewer, r));
}

/** The latest decided requests in the viewer's scope (approved or rejected), newest first. */
export async function listRecentDecisions(viewer: Viewer, limit = 20): Promise<CorrectionView[]> {
  if (!hasPermission(viewer.role, "correction.decide")) return [];
  const rows = await db.correctionRequest.findMany({
    where: { status: { in: ["APPROVED", "REJECTED"] }, assessment: { unit: communeScopeWhere(viewer) } },
    include,
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => toView(viewer, r));
}

/**
 * When the public figures of a year and scope were last corrected: the latest decision date of an
 * approved correction of a commune in the scope whose dossier counts in public figures; null when
 * none. The scope is the dashboard's (a province with the provinces it succeeded, or a district).
 */
export async function latestCorrectionDate(year: number, scope: DashboardScope): Promise<Date | null> {
  const r = await db.correctionRequest.aggregate({
    _max: { decidedAt: true },
    where: {
      status: "APPROVED",
      assessment: {
        year,
        status: { in: PUBLIC_STATUSES },
        unit: {
          level: "COMMUNE",
          ...(scope.provinceIds ? { provinceId: { in: scope.provinceIds } } : {}),
          ...(scope.districtId ? { districtId: scope.districtId } : {}),
        },
      },
    },
  });
  return r._max.decidedAt;
}
