// Writes of capital lines and disbursements: check the permission → parse → load the line or unit
// from the database → authorise by that unit's scope → one transaction (the line row locked, so
// payments and allocation edits of one line happen one at a time) with its audit row.
import { assertCan, assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { formatDate, formatMoneyMillions, todayInVietnam } from "@/lib/format";
import { parseInput, validationError } from "@/lib/ocop/input";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { deadlineError, disbursementDateError, overAllocationError, round2 } from "./rules";
import {
  ZAddDisbursement,
  ZCreateLine,
  ZDeleteDisbursement,
  ZUpdateLine,
  type TAddDisbursement,
  type TCreateLine,
  type TDeleteDisbursement,
  type TUpdateLine,
} from "./schemas";

const unitScope = { id: true, level: true, provinceId: true, districtId: true, fullName: true } as const;

async function loadLine(lineId: number) {
  const line = await db.capitalLine.findUnique({ where: { id: lineId }, include: { unit: { select: unitScope } } });
  if (!line) throw notFound("Không tìm thấy dòng vốn.");
  return line;
}

/** Locks the line and returns what has been paid on it so far (and the last payment date). */
async function lockLine(tx: Tx, lineId: number) {
  // lock first, sum after: a statement that waited for the lock still reads with the snapshot it
  // started with, so the sums must come from a new statement (READ COMMITTED) to see the payment
  // the other transaction just committed
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "CapitalLine" WHERE id = ${lineId} FOR UPDATE`;
  if (!locked.length) throw notFound("Không tìm thấy dòng vốn.");
  const [row] = await tx.$queryRaw<{ version: number; allocated: number; disbursed: number; lastDate: Date | null }[]>`
    SELECT l.version, l.allocated::float8 AS allocated,
           coalesce((SELECT sum(d.amount) FROM "CapitalDisbursement" d WHERE d."lineId" = l.id), 0)::float8 AS disbursed,
           (SELECT max(d.date) FROM "CapitalDisbursement" d WHERE d."lineId" = l.id) AS "lastDate"
      FROM "CapitalLine" l WHERE l.id = ${lineId}`;
  if (!row) throw notFound("Không tìm thấy dòng vốn.");
  return row;
}

/** The criterion must belong to the commune criteria set of the line's year. */
async function checkCriterion(criterionId: number | null, year: number, fieldErrors: FieldErrors) {
  if (!criterionId) return;
  const criterion = await db.criterion.findFirst({ where: { id: criterionId, set: { code: communeSetCodeForYear(year) } }, select: { id: true } });
  if (!criterion) fieldErrors.criterionId = [`Tiêu chí không thuộc bộ tiêu chí xã áp dụng năm ${year}.`];
}

const lineSnapshot = (l: { project: string | null; criterionId: number | null; planned: unknown; allocated: unknown; disbursementDeadline: Date | null }) => ({
  project: l.project,
  criterionId: l.criterionId,
  planned: l.planned === null ? null : Number(l.planned),
  allocated: Number(l.allocated),
  disbursementDeadline: l.disbursementDeadline,
});

/**
 * Records the capital allocated to a unit (province, district or commune in scope) for a year
 * from one source. The unit must be one of the year's units (lib/units/rules.ts unitsDateForYear).
 */
export async function createLine(viewer: Viewer | null, raw: TCreateLine): Promise<{ id: number }> {
  assertPermission(viewer, "capital.edit");
  const input = parseInput(ZCreateLine, raw);
  const unit = await db.adminUnit.findUnique({ where: { id: input.unitId }, select: { ...unitScope, validFrom: true, validTo: true } });
  if (!unit) throw validationError({ unitId: ["Không tìm thấy đơn vị này."] });
  assertCan(viewer, "capital.edit", unit);

  const fieldErrors: FieldErrors = {};
  const ofYear = await db.adminUnit.count({ where: { id: unit.id, ...validOn(unitsDateForYear(input.year)) } });
  if (!ofYear) fieldErrors.unitId = [`${unit.fullName} không phải đơn vị hành chính của năm ${input.year} (số liệu năm ${input.year} dùng đơn vị tại ngày ${formatDate(unitsDateForYear(input.year))}).`];
  const deadline = deadlineError(input.year, input.disbursementDeadline);
  if (deadline) fieldErrors.disbursementDeadline = [deadline];
  await checkCriterion(input.criterionId, input.year, fieldErrors);
  if (Object.keys(fieldErrors).length) throw validationError(fieldErrors);

  return db.$transaction(async (tx) => {
    const line = await tx.capitalLine.create({
      data: {
        year: input.year,
        unitId: unit.id,
        source: input.source as "NSDP",
        project: input.project,
        criterionId: input.criterionId,
        planned: input.planned ?? input.allocated,
        allocated: input.allocated,
        disbursementDeadline: input.disbursementDeadline,
      },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "capital.line.create",
      entityType: "CapitalLine",
      entityId: line.id,
      unitId: unit.id,
      after: { year: line.year, source: line.source, ...lineSnapshot(line) },
    });
    return { id: line.id };
  });
}

/**
 * Edits a line's project, criterion, plan, allocation and deadline (year, unit and source stay).
 * Refused with CONFLICT when the line changed since the form was loaded; the allocation cannot
 * drop below what is already paid, nor the deadline before the last payment.
 */
export async function updateLine(viewer: Viewer | null, raw: TUpdateLine): Promise<{ id: number; version: number }> {
  assertPermission(viewer, "capital.edit");
  const input = parseInput(ZUpdateLine, raw);
  const line = await loadLine(input.lineId);
  assertCan(viewer, "capital.edit", line.unit);

  const fieldErrors: FieldErrors = {};
  const deadline = deadlineError(line.year, input.disbursementDeadline);
  if (deadline) fieldErrors.disbursementDeadline = [deadline];
  await checkCriterion(input.criterionId, line.year, fieldErrors);
  if (Object.keys(fieldErrors).length) throw validationError(fieldErrors);

  return db.$transaction(async (tx) => {
    const locked = await lockLine(tx, line.id);
    if (locked.version !== input.version) {
      throw new AppError("CONFLICT", "Dòng vốn vừa được người khác cập nhật. Hãy tải lại trang để xem số liệu mới rồi sửa lại.");
    }
    if (round2(input.allocated) < round2(locked.disbursed)) {
      throw validationError(
        { allocated: [`Đã giải ngân ${formatMoneyMillions(locked.disbursed)}: vốn được giao không thể thấp hơn số đã giải ngân.`] },
        "Vốn được giao thấp hơn số đã giải ngân.",
      );
    }
    if (input.disbursementDeadline && locked.lastDate && input.disbursementDeadline < locked.lastDate) {
      throw validationError({ disbursementDeadline: [`Đã có khoản giải ngân ngày ${formatDate(locked.lastDate)}: hạn giải ngân không thể sớm hơn.`] });
    }
    const data = {
      project: input.project,
      criterionId: input.criterionId,
      planned: input.planned ?? input.allocated,
      allocated: input.allocated,
      disbursementDeadline: input.disbursementDeadline,
    };
    await tx.capitalLine.update({ where: { id: line.id }, data: { ...data, version: { increment: 1 } } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "capital.line.update",
      entityType: "CapitalLine",
      entityId: line.id,
      unitId: line.unitId,
      before: lineSnapshot(line),
      after: lineSnapshot(data),
    });
    return { id: line.id, version: locked.version + 1 };
  });
}

/**
 * Records a payment (giải ngân) on a line: more than 0, dated from 1/1 of the line's year to its
 * deadline and not in the future, and never taking the line's total above its allocation
 * (lib/capital/rules.ts overAllocationError: refused, the allocation is raised first).
 */
export async function addDisbursement(viewer: Viewer | null, raw: TAddDisbursement): Promise<{ id: number; disbursed: number }> {
  assertPermission(viewer, "capital.edit");
  const input = parseInput(ZAddDisbursement, raw);
  const line = await loadLine(input.lineId);
  assertCan(viewer, "capital.edit", line.unit);
  const dateError = disbursementDateError(line.year, line.disbursementDeadline, input.date, todayInVietnam());
  if (dateError) throw validationError({ date: [dateError] }, dateError);

  return db.$transaction(async (tx) => {
    const locked = await lockLine(tx, line.id);
    const over = overAllocationError(locked.allocated, locked.disbursed, input.amount);
    if (over) throw validationError({ amount: [over] }, over);
    const entry = await tx.capitalDisbursement.create({ data: { lineId: line.id, date: input.date, amount: input.amount, note: input.note } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "capital.disbursement.add",
      entityType: "CapitalLine",
      entityId: line.id,
      unitId: line.unitId,
      after: { disbursementId: entry.id, date: input.date, amount: input.amount, note: input.note },
    });
    return { id: entry.id, disbursed: round2(locked.disbursed + input.amount) };
  });
}

/** Removes a payment entered by mistake (the audit row keeps what it was). */
export async function deleteDisbursement(viewer: Viewer | null, raw: TDeleteDisbursement): Promise<{ lineId: number }> {
  assertPermission(viewer, "capital.edit");
  const input = parseInput(ZDeleteDisbursement, raw);
  const entry = await db.capitalDisbursement.findUnique({ where: { id: input.disbursementId } });
  if (!entry) throw notFound("Không tìm thấy khoản giải ngân.");
  const line = await loadLine(entry.lineId);
  assertCan(viewer, "capital.edit", line.unit);
  return db.$transaction(async (tx) => {
    await lockLine(tx, line.id);
    const removed = await tx.capitalDisbursement.deleteMany({ where: { id: entry.id } });
    if (removed.count !== 1) throw notFound("Khoản giải ngân đã được xóa.");
    await writeAudit(tx, {
      userId: viewer.id,
      action: "capital.disbursement.delete",
      entityType: "CapitalLine",
      entityId: line.id,
      unitId: line.unitId,
      before: { disbursementId: entry.id, date: entry.date, amount: Number(entry.amount), note: entry.note },
    });
    return { lineId: line.id };
  });
}
