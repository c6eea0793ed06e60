// Import of assessments from a spreadsheet (issue 6): read → check layout → load the year's
// catalogue, the communes the codes name and what is stored → plan (pure, lib/imports/plan.ts) →
// a dry run reports; an apply does it all again inside one transaction, with the dossiers locked,
// and writes only when the plan is the one the user saw (same fingerprint). Set-based writes:
// a national file (~7,700 communes, ~380,000 cells) is a handful of statements per 5,000 rows.
import { actorId, assertPermission, isUnitInScope, systemActorMark, type Viewer } from "@/lib/authz";
import { communeSetCodeForYear, type GroupingScheme, type NtmRegion } from "@/lib/criteria/rules";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WorkflowStatus } from "@/lib/assessments/workflow";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { createHash } from "node:crypto";
import { historyKindOf, importHistory } from "./history";
import { cellText, fold, HEADER, readLayout } from "./layout";
import { fileYear, normaliseCode, planImport, type Catalogue, type CommuneRef, type PlannedWrite, type StoredAssessment } from "./plan";
import { addProblem, emptyReport, problemCount, type ImportReport } from "./report";
import { readSheet } from "./sheet";
import { safeFileName } from "@/lib/files/rules";

export interface ImportProgress {
  stage: "read" | "check" | "write";
  done: number;
  total: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /** the fingerprint of the dry run the user confirmed; the apply refuses any other plan */
  fingerprint?: string;
  onProgress?: (p: ImportProgress) => void;
}

type Client = typeof db | Tx;
const WRITE_CHUNK = 5_000;

export async function loadCatalogue(client: Client, year: number): Promise<Catalogue | null> {
  const set = await client.criteriaSet.findUnique({
    where: { code: communeSetCodeForYear(year) },
    include: {
      criteria: {
        orderBy: { number: "asc" },
        include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } },
      },
    },
  });
  if (!set) return null;
  return {
    setId: set.id,
    scheme: set.groupingScheme as GroupingScheme,
    criteria: set.criteria.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      indicators: c.indicators.map((i) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        comparison: i.comparison,
        thresholds: i.thresholds.map((t) => ({ region: t.region as NtmRegion | null, communeGroup: t.communeGroup, provinceId: t.provinceId, value: t.value === null ? null : Number(t.value) })),
      })),
    })),
  };
}

async function loadCommunes(client: Client, viewer: Viewer, codes: string[], year: number): Promise<Map<string, CommuneRef>> {
  const units = await client.adminUnit.findMany({
    where: { code: { in: codes }, level: "COMMUNE", ...validOn(unitsDateForYear(year)) },
    select: { id: true, code: true, name: true, type: true, provinceId: true, districtId: true, region: true, communeGroup: true },
  });
  return new Map(
    units.map((u) => [
      u.code,
      { id: u.id, code: u.code, name: u.name, isXa: u.type === "XA", provinceId: u.provinceId, region: u.region as NtmRegion | null, communeGroup: u.communeGroup, inScope: isUnitInScope(viewer, u) },
    ]),
  );
}

async function loadStored(client: Client, communeIds: number[], setId: number, year: number, lock: boolean): Promise<Map<number, StoredAssessment>> {
  const stored = new Map<number, StoredAssessment>();
  if (communeIds.length === 0) return stored;
  // FOR UPDATE: saves and transitions of these dossiers wait until the import commits
  const heads = lock
    ? await client.$queryRaw<{ id: number; unitId: number; status: WorkflowStatus }[]>`
        SELECT id, "unitId", status::text AS status FROM "Assessment"
        WHERE "unitId" = ANY(${communeIds}::int[]) AND year = ${year} AND "setId" = ${setId} ORDER BY id FOR UPDATE`
    : await client.$queryRaw<{ id: number; unitId: number; status: WorkflowStatus }[]>`
        SELECT id, "unitId", status::text AS status FROM "Assessment"
        WHERE "unitId" = ANY(${communeIds}::int[]) AND year = ${year} AND "setId" = ${setId}`;
  const byId = new Map<number, StoredAssessment>();
  for (const h of heads) {
    const a: StoredAssessment = { id: h.id, status: h.status, values: new Map(), results: new Map() };
    stored.set(h.unitId, a);
    byId.set(h.id, a);
  }
  const ids = heads.map((h) => h.id);
  if (ids.length === 0) return stored;
  const values = await client.$queryRaw<{ a: number; i: number; n: number | null; b: boolean | null }[]>`
    SELECT "assessmentId" AS a, "indicatorId" AS i, "numberValue"::float8 AS n, "boolValue" AS b
    FROM "IndicatorValue" WHERE "assessmentId" = ANY(${ids}::int[])`;
  for (const v of values) byId.get(v.a)!.values.set(v.i, v.b ?? v.n);
  const results = await client.$queryRaw<{ a: number; c: number; s: string; o: string | null; r: string | null }[]>`
    SELECT "assessmentId" AS a, "criterionId" AS c, status::text AS s, "overrideStatus"::text AS o, "overrideReason" AS r
    FROM "CriterionResult" WHERE "assessmentId" = ANY(${ids}::int[])`;
  for (const r of results) {
    byId.get(r.a)!.results.set(r.c, { status: r.s as never, overrideStatus: r.o as never, overrideReason: r.r });
  }
  return stored;
}

/**
 * Imports (or, with dryRun, checks) a spreadsheet of assessments. Always returns the report;
 * writes only when the whole file is valid, the viewer may import every row, and — when a
 * fingerprint is given — nothing changed since the dry run the user confirmed.
 */
export async function importAssessments(viewer: Viewer | null, upload: { name: string; bytes: Uint8Array }, opts: ImportOptions): Promise<ImportReport> {
  assertPermission(viewer, "import.run");
  // the name as shown and kept: no path, no control characters (PostgreSQL text holds no NUL)
  const file = { ...upload, name: safeFileName(upload.name, "tep-nhap") };
  const report = emptyReport(file.name);
  const progress = opts.onProgress ?? (() => {});
  progress({ stage: "read", done: 0, total: file.bytes.length });

  const read = await readSheet(file.bytes, file.name);
  if ("problem" in read) {
    addProblem(report, read.problem);
    return finish(viewer, file, report, "FAILED");
  }
  report.format = read.sheet.format;
  const header = read.sheet.rows.slice(0, 30).find((r) => fold(cellText(r.cells[0])) === fold(HEADER.code));
  const history = header ? historyKindOf(header.cells.map((c) => cellText(c))) : null;
  if (history) {
    report.kind = history;
    await importHistory(viewer, read.sheet, history, report, { dryRun: opts.dryRun });
    return finish(viewer, file, report, problemCount(report) ? "FAILED" : opts.dryRun ? "DRY_RUN" : "APPLIED");
  }
  const layout = readLayout(read.sheet, report);
  if (!layout) return finish(viewer, file, report, "FAILED");
  const year = fileYear(layout, report);
  if (year === null) return finish(viewer, file, report, "FAILED");
  report.year = year;
  const catalogue = await loadCatalogue(db, year);
  if (!catalogue) {
    addProblem(report, { message: `Chưa có bộ tiêu chí cho năm ${year}.` });
    return finish(viewer, file, report, "FAILED");
  }
  const codeCol = layout.columns.find((c) => c.kind === "code")!;
  const codes = [...new Set(layout.dataRows.map((r) => normaliseCode(r.cells[codeCol.index] ?? null)).filter(Boolean))];
  const communes = await loadCommunes(db, viewer, codes, year);
  const communeIds = [...communes.values()].map((c) => c.id);
  progress({ stage: "check", done: 0, total: layout.dataRows.length });

  if (opts.dryRun) {
    const stored = await loadStored(db, communeIds, catalogue.setId, year, false);
    planImport({ layout, year, catalogue, communes, stored }, report);
    progress({ stage: "check", done: layout.dataRows.length, total: layout.dataRows.length });
    return finish(viewer, file, report, problemCount(report) ? "FAILED" : "DRY_RUN");
  }

  const applied = await db.$transaction(
    async (tx) => {
      const stored = await loadStored(tx, communeIds, catalogue.setId, year, true);
      const plan = planImport({ layout, year, catalogue, communes, stored }, report);
      progress({ stage: "check", done: layout.dataRows.length, total: layout.dataRows.length });
      if (problemCount(report) > 0) return false;
      if (opts.fingerprint && opts.fingerprint !== plan.fingerprint) {
        throw new AppError("CONFLICT", "Số liệu trên cổng đã thay đổi kể từ lần kiểm tra thử (có người vừa lưu hoặc nhập). Hãy kiểm tra thử lại tệp trước khi ghi.");
      }
      if (plan.writes.length === 0) return true;
      await writePlan(tx, viewer, catalogue, year, plan.writes, progress);
      return true;
    },
    { timeout: 300_000, maxWait: 15_000 },
  );
  report.applied = applied && problemCount(report) === 0;
  return finish(viewer, file, report, report.applied ? "APPLIED" : "FAILED");
}

async function writePlan(tx: Tx, viewer: Viewer, catalogue: Catalogue, year: number, writes: PlannedWrite[], progress: (p: ImportProgress) => void) {
  // dossiers opened by this import; a concurrent first save would have made one exist: refuse
  const missing = writes.filter((w) => w.assessmentId === null);
  if (missing.length) {
    const created = await tx.$queryRaw<{ id: number; unitId: number }[]>`
      INSERT INTO "Assessment" ("unitId", year, "setId", "criteriaTotal", "updatedById", "updatedAt")
      SELECT u, ${year}, ${catalogue.setId}, ${catalogue.criteria.length}, ${actorId(viewer)}, now() FROM unnest(${missing.map((w) => w.communeId)}::int[]) AS u
      ON CONFLICT ("unitId", year, "setId") DO NOTHING
      RETURNING id, "unitId"`;
    if (created.length !== missing.length) {
      throw new AppError("CONFLICT", "Có hồ sơ xã vừa được tạo trong lúc nhập. Hãy kiểm tra thử lại tệp trước khi ghi.");
    }
    const idOf = new Map(created.map((c) => [c.unitId, c.id]));
    for (const w of missing) w.assessmentId = idOf.get(w.communeId)!;
  }

  const total = writes.length;
  for (let start = 0; start < total; start += WRITE_CHUNK) {
    const chunk = writes.slice(start, start + WRITE_CHUNK);
    const values = chunk.flatMap((w) => w.values.map((v) => ({ a: w.assessmentId!, ...v })));
    await tx.$executeRaw`
      INSERT INTO "IndicatorValue" ("assessmentId", "indicatorId", "numberValue", "boolValue", met, "updatedAt")
      SELECT v.a, v.ind, v.num, v.bool, v.met, now()
      FROM unnest(${values.map((v) => v.a)}::int[], ${values.map((v) => v.indicatorId)}::int[],
                  ${values.map((v) => (typeof v.value === "number" ? v.value : null))}::numeric[],
                  ${values.map((v) => (typeof v.value === "boolean" ? v.value : null))}::boolean[],
                  ${values.map((v) => v.met)}::boolean[]) AS v(a, ind, num, bool, met)
      ON CONFLICT ("assessmentId", "indicatorId") DO UPDATE
        SET "numberValue" = EXCLUDED."numberValue", "boolValue" = EXCLUDED."boolValue", met = EXCLUDED.met, "updatedAt" = now()`;

    const results = chunk.flatMap((w) => w.criteria.map((c) => ({ a: w.assessmentId!, ...c })));
    await tx.$executeRaw`
      INSERT INTO "CriterionResult" ("assessmentId", "criterionId", "computedStatus", status, version, "updatedAt", "updatedById")
      SELECT r.a, r.c, r.computed::"CriterionStatus", r.status::"CriterionStatus", 1, now(), ${actorId(viewer)}
      FROM unnest(${results.map((r) => r.a)}::int[], ${results.map((r) => r.criterionId)}::int[],
                  ${results.map((r) => r.computedStatus)}::text[], ${results.map((r) => r.status)}::text[]) AS r(a, c, computed, status)
      ON CONFLICT ("assessmentId", "criterionId") DO UPDATE
        SET "computedStatus" = EXCLUDED."computedStatus", status = EXCLUDED.status,
            version = "CriterionResult".version + 1, "updatedAt" = now(), "updatedById" = EXCLUDED."updatedById"`;

    await tx.$executeRaw`
      UPDATE "Assessment" AS a
      SET "criteriaMet" = t.met, "criteriaTotal" = ${catalogue.criteria.length}, "reachedStandard" = t.reached,
          "metMask" = t.mask, "updatedById" = ${actorId(viewer)}, "updatedAt" = now()
      FROM unnest(${chunk.map((w) => w.assessmentId!)}::int[], ${chunk.map((w) => w.totals.criteriaMet)}::int[],
                  ${chunk.map((w) => w.totals.reachedStandard)}::boolean[], ${chunk.map((w) => w.totals.metMask)}::int[]) AS t(id, met, reached, mask)
      WHERE a.id = t.id`;

    await tx.auditLog.createMany({
      data: chunk.map((w) => ({
        userId: actorId(viewer),
        action: "assessment.import",
        entityType: "Assessment",
        entityId: String(w.assessmentId),
        unitId: w.communeId,
        before: w.before,
        after: { ...w.after, row: w.row, ...systemActorMark(viewer) },
      })),
    });
    progress({ stage: "write", done: Math.min(start + WRITE_CHUNK, total), total });
  }
}

/** Every run is recorded (who, which file, what it found), applied or not. */
async function finish(viewer: Viewer, file: { name: string; bytes: Uint8Array }, report: ImportReport, status: "DRY_RUN" | "APPLIED" | "FAILED"): Promise<ImportReport> {
  await db.importJob.create({
    data: {
      kind: report.kind === "assessments" ? "assessments" : `history-${report.kind}`,
      fileName: file.name,
      fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
      status,
      report: JSON.parse(JSON.stringify({ ...report, changes: report.changes.slice(0, 50) })),
      createdById: actorId(viewer),
      appliedAt: status === "APPLIED" ? new Date() : null,
    },
  });
  return report;
}
