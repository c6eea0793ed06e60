import { db } from "@/lib/db";
import type { Viewer } from "@/lib/authz";
import { loadViewer } from "@/lib/users/queries";
import type { ReportStatus } from "@/lib/assessments/workflow";
import { communeSetCodeForYear, type CriterionStatus } from "@/lib/criteria/rules";
import { AppError, type ErrorCode } from "@/lib/errors";

/** The viewer of a demo account, as the server builds it for a request. */
export async function viewerOf(email: string): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const viewer = await loadViewer(user.id, user.sessionVersion);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}

export const onDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return { validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gt: d } }] };
};

/** A commune (xã or phường) by its official code, as the units stood on a date. */
export async function communeByCode(code: string, onIso: string) {
  return db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", code, ...onDate(onIso) } });
}

export interface AssessmentFixture {
  id: number;
  unitId: number;
  year: number;
  setId: number;
  version: number;
  criteriaTotal: number;
  /** criteria of the year's set, by number */
  criteria: { id: number; number: number; indicators: { id: number; kind: string }[] }[];
}

/**
 * Replaces whatever assessment a commune has for a year by one in `status`, written directly with
 * Prisma (no service, no audit): `results` gives the stored status of criteria 1, 2, … in order
 * ("all-met" for every criterion MET), `values` stored indicator values by indicator id.
 * criteriaMet / reachedStandard are derived from `results` the way the service stores them.
 */
export async function putAssessment(opts: {
  unitId: number;
  year: number;
  status: ReportStatus;
  results?: "all-met" | CriterionStatus[];
  values?: Record<number, number | boolean | null>;
  version?: number;
  /** for CONFIRMED: when (default 20/11 of the year) */
  confirmedAt?: Date;
}): Promise<AssessmentFixture> {
  const set = await db.criteriaSet.findUniqueOrThrow({
    where: { code: communeSetCodeForYear(opts.year) },
    include: { criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, kind: true } } } } },
  });
  const statuses = opts.results === "all-met" ? set.criteria.map(() => "MET" as const) : (opts.results ?? []);
  const criteriaMet = statuses.filter((s) => s === "MET").length;
  const criteriaTotal = set.criteria.length;
  const reachedStandard = criteriaMet === criteriaTotal;
  const key = { unitId: opts.unitId, year: opts.year, setId: set.id };
  // one commit: the shared cache (lib/cache/shared-cache-handler.mjs) hears of the change once
  const assessment = await db.$transaction(async (tx) => {
    // dossiers rest on the report they replace (a title keeps its decision, without its dossier)
    await tx.recognitionDossier.deleteMany({ where: { report: key } });
    await tx.assessment.deleteMany({ where: key });
    return tx.assessment.create({
      data: {
        unitId: opts.unitId,
        year: opts.year,
        setId: set.id,
        status: opts.status,
        version: opts.version ?? 1,
        criteriaMet,
        criteriaTotal,
        reachedStandard,
        metMask: statuses.reduce((mask, s, i) => (s === "MET" ? mask | (1 << (set.criteria[i].number - 1)) : mask), 0),
        submittedAt: opts.status === "DRAFT" ? null : new Date(`${opts.year}-11-01T00:00:00Z`),
        confirmedAt: opts.status === "CONFIRMED" ? (opts.confirmedAt ?? new Date(`${opts.year}-11-20T00:00:00Z`)) : null,
        criterionResults: {
          create: statuses.map((status, i) => ({ criterionId: set.criteria[i].id, status, computedStatus: status, version: 1 })),
        },
        indicatorValues: {
          create: Object.entries(opts.values ?? {}).map(([indicatorId, v]) => ({
            indicatorId: Number(indicatorId),
            numberValue: typeof v === "number" ? v : null,
            boolValue: typeof v === "boolean" ? v : null,
          })),
        },
      },
    });
  });
  return { id: assessment.id, unitId: opts.unitId, year: opts.year, setId: set.id, version: assessment.version, criteriaTotal, criteria: set.criteria };
}

/**
 * Everything a refused call must leave as it was: the commune's report of the year, its results,
 * values and evidence, the commune's recognition dossiers and titles, and the audit log.
 */
export async function snapshotAssessment(where: { unitId: number; year: number }) {
  const [assessments, dossiers, titles] = await Promise.all([
    db.assessment.findMany({
      where,
      include: {
        criterionResults: { orderBy: { criterionId: "asc" }, include: { evidence: { orderBy: { fileId: "asc" } } } },
        indicatorValues: { orderBy: { indicatorId: "asc" } },
      },
    }),
    db.recognitionDossier.findMany({ where: { unitId: where.unitId }, orderBy: { id: "asc" } }),
    db.recognition.findMany({ where: { unitId: where.unitId }, orderBy: { id: "asc" } }),
  ]);
  const [auditRows, storedFiles] = await Promise.all([db.auditLog.count(), db.storedFile.count()]);
  return JSON.parse(JSON.stringify({ assessments, dossiers, titles, auditRows, storedFiles })) as unknown;
}

/** Awaits a call that must fail with an AppError of this code, and returns the error. */
export async function appErrorOf(call: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const err = await call.then(
    () => new Error(`expected AppError ${code}, but the call succeeded`),
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw err instanceof Error ? err : new Error(String(err));
  if (err.code !== code) throw new Error(`expected AppError ${code}, got ${err.code}: ${err.message}`);
  return err;
}

/**
 * A title held by a commune, written directly (no service, no audit): decided on `decisionDate`,
 * revoked on `revocationDate` when given.
 */
export async function putTitle(opts: { unitId: number; decisionDate: string; revocationDate?: string; level?: "NTM" | "ADVANCED" | "MODEL"; setCode?: string; decisionNumber?: string }) {
  const set = await db.criteriaSet.findFirst({ where: { code: opts.setCode ?? "XA_2016_2020" } }) ?? (await db.criteriaSet.findUniqueOrThrow({ where: { code: "XA_2016_2020" } }));
  return db.recognition.create({
    data: {
      unitId: opts.unitId,
      level: opts.level ?? "NTM",
      setId: set.id,
      decisionNumber: opts.decisionNumber ?? `${100 + opts.unitId % 900}/QĐ-UBND`,
      decisionDate: new Date(`${opts.decisionDate}T00:00:00Z`),
      signer: "Chủ tịch UBND tỉnh",
      source: "IMPORT",
      ...(opts.revocationDate
        ? { revocationDate: new Date(`${opts.revocationDate}T00:00:00Z`), revocationNumber: "9/QĐ-UBND", revocationReason: "Không còn đạt tiêu chí." }
        : {}),
    },
  });
}

/** A calendar day as the services take it (`today`): midnight UTC of that date. */
/** A province code no real province uses: tests that build their own units put them under it. */
export const TEST_PROVINCE_CODE = "98";

export const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A recognition dossier written directly (no service, no audit) on a report, in `status`: a
 * VERIFIED one was verified on `verifiedOn`, an APPRAISED one appraised by a council 15/15 on
 * `appraisedOn`, a RETURNED one carries a comment.
 */
export async function putDossier(opts: {
  unitId: number;
  reportId: number;
  status: "SUBMITTED" | "VERIFIED" | "APPRAISED" | "DECIDED" | "RETURNED";
  version?: number;
  submittedOn?: string;
  verifiedOn?: string;
  appraisedOn?: string;
}) {
  return db.recognitionDossier.create({
    data: {
      unitId: opts.unitId,
      reportId: opts.reportId,
      level: "NTM",
      status: opts.status,
      version: opts.version ?? 1,
      submittedAt: dayOf(opts.submittedOn ?? "2025-01-10"),
      verifiedAt: opts.verifiedOn ? dayOf(opts.verifiedOn) : null,
      appraisedOn: opts.appraisedOn ? dayOf(opts.appraisedOn) : null,
      councilVotesFor: opts.appraisedOn ? 15 : null,
      councilVotesTotal: opts.appraisedOn ? 15 : null,
      returnComment: opts.status === "RETURNED" ? "Bổ sung biên bản lấy ý kiến người dân." : null,
    },
  });
}

/** Removes the titles and dossiers of communes (a test's own: titles first, they name dossiers). */
export async function clearRecognition(unitIds: number[]) {
  await db.recognition.deleteMany({ where: { unitId: { in: unitIds } } });
  await db.recognitionDossier.deleteMany({ where: { unitId: { in: unitIds } } });
}
