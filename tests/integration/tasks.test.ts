// Follow-up of conclusion notice tasks on the seeded database: assignees update only their own
// organisation's tasks (status, completion date, dated progress with a checked result file), and
// leadership's scorecard counts the four classes per organisation within its scope. Fixture
// notices, tasks and an organisation are made here and removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/format";
import { parseInput, type UploadInput } from "@/lib/forms";
import { getScorecard, getTaskForViewer, listScorecardOptions, listTasksOfViewer } from "@/lib/tasks/queries";
import { classifyTask } from "@/lib/tasks/rules";
import { ZTaskProgress, ZTaskStatus } from "@/lib/tasks/schemas";
import { addTaskProgress, updateTaskStatus } from "@/lib/tasks/service";
import { pdfOfSize } from "../upload-fixtures";
import { appErrorOf, viewerOf } from "./helpers";

/** files uploaded by this run are those recorded since */
const startedAt = new Date();

const RUN = Date.now().toString(36);
const TODAY = todayInVietnam();
const day = (offset: number) => new Date(TODAY.getTime() + offset * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

let so: Viewer; // DEPARTMENT_OFFICER of Sở Kế hoạch và Đầu tư (Quảng Bình)
let huyen: Viewer; // DISTRICT_OFFICER of VPĐP huyện Phú Bình (Thái Nguyên)
let lanhdao: Viewer; // LEADER, national
let tinh: Viewer; // PROVINCE_OFFICER, Thái Nguyên
let bientap: Viewer; // EDITOR
let admin: Viewer;

const fx = {
  quangBinh: 0,
  thaiNguyen: 0,
  /** fixture notices */
  qbNotice: 0,
  tnNotice: 0,
  /** a fixture organisation of Quảng Bình holding the scorecard's hand-built tasks */
  testOrg: 0,
  financeOrg: 0,
  ownTask: 0,
  otherOrgTask: 0,
  districtTask: 0,
  progressTask: 0,
};

async function task(noticeId: number, assigneeOrgId: number, number: string, t: { status?: "NOT_STARTED" | "IN_PROGRESS" | "DONE"; deadline?: Date | null; completedAt?: Date | null } = {}) {
  const row = await db.noticeTask.create({
    data: { noticeId, assigneeOrgId, number, sortOrder: Number.parseInt(number, 10), content: `Nhiệm vụ thử ${number} (${RUN})`, assigneeText: "Đơn vị chủ trì", status: t.status ?? "NOT_STARTED", deadline: t.deadline ?? null, completedAt: t.completedAt ?? null },
  });
  return row.id;
}

beforeAll(async () => {
  [so, huyen, lanhdao, tinh, bientap, admin] = await Promise.all(
    ["so@ntm.demo", "huyen@ntm.demo", "lanhdao@ntm.demo", "tinh@ntm.demo", "bientap@ntm.demo", "admin@ntm.demo"].map(viewerOf),
  );
  expect(so.organisationId).not.toBeNull();
  fx.quangBinh = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", name: "Quảng Bình", validTo: { not: null } } })).id;
  fx.thaiNguyen = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", name: "Thái Nguyên", validTo: { not: null } } })).id;
  fx.financeOrg = (await db.organisation.findFirstOrThrow({ where: { unitId: fx.quangBinh, name: "Sở Tài chính" } })).id;
  fx.testOrg = (await db.organisation.create({ data: { name: `Sở Thử nghiệm ${RUN}`, kind: "DEPARTMENT", unitId: fx.quangBinh } })).id;
  const notice = (unitId: number, number: string) =>
    db.notice.create({
      data: { slug: `tb-thu-${RUN}-${number.replace("/", "-").toLowerCase()}`, number, title: `Thông báo thử ${RUN}`, summary: "Thử", bodyHtml: "<p>Thử</p>", issuedDate: day(-60), issuingBody: "UBND tỉnh", status: "PUBLISHED", publishedAt: day(-60), unitId },
    });
  fx.qbNotice = (await notice(fx.quangBinh, `901${RUN.length}/TB-UBND`)).id;
  fx.tnNotice = (await notice(fx.thaiNguyen, `902${RUN.length}/TB-UBND`)).id;
  fx.ownTask = await task(fx.qbNotice, so.organisationId!, "1", { deadline: day(10) });
  fx.otherOrgTask = await task(fx.qbNotice, fx.financeOrg, "2", { deadline: day(10) });
  fx.progressTask = await task(fx.qbNotice, so.organisationId!, "3", { deadline: day(-5) });
  fx.districtTask = await task(fx.tnNotice, huyen.organisationId!, "1", { deadline: day(3) });
  // the scorecard's hand-built organisation: one of each class, and the edges
  await task(fx.qbNotice, fx.testOrg, "11", { status: "DONE", deadline: day(-10), completedAt: day(-12) }); // done on time
  await task(fx.qbNotice, fx.testOrg, "12", { status: "DONE", deadline: day(-10), completedAt: day(-5) }); // done late
  await task(fx.qbNotice, fx.testOrg, "13", { status: "IN_PROGRESS", deadline: day(-1) }); // overdue since today
  await task(fx.qbNotice, fx.testOrg, "14", { status: "NOT_STARTED", deadline: day(-3) }); // overdue
  await task(fx.qbNotice, fx.testOrg, "15", { status: "IN_PROGRESS", deadline: day(5) }); // in progress
  await task(fx.qbNotice, fx.testOrg, "16", { status: "NOT_STARTED", deadline: day(0) }); // due today: still on time
  await task(fx.qbNotice, fx.testOrg, "17", { status: "NOT_STARTED", deadline: null }); // no deadline
});

afterAll(async () => {
  await db.notice.deleteMany({ where: { id: { in: [fx.qbNotice, fx.tnNotice] } } }); // tasks and progress cascade
  await db.organisation.deleteMany({ where: { id: fx.testOrg } });
  await db.storedFile.deleteMany({ where: { createdAt: { gte: startedAt }, taskProgress: { none: {} } } }); // their content cascades
});

const filled = (head: number[], size: number) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};
const pdf = (size = 4096): UploadInput => ({ name: "bao-cao-ket-qua.pdf", bytes: pdfOfSize(size) });
const exeAsPdf = (): UploadInput => ({ name: "bao-cao.pdf", bytes: filled([0x4d, 0x5a, 0x90, 0x00], 4096) });

const setStatus = async (viewer: Viewer | null, taskId: number, status: string, completedAt = "", version?: number) =>
  updateTaskStatus(viewer, parseInput(ZTaskStatus, { taskId, version: version ?? (await db.noticeTask.findUniqueOrThrow({ where: { id: taskId } })).version, status, completedAt }));
const addProgress = async (viewer: Viewer | null, taskId: number, raw: Record<string, unknown> = {}, file: UploadInput | null = null) =>
  addTaskProgress(viewer, parseInput(ZTaskProgress, { taskId, date: iso(TODAY), note: "Đã tổ chức rà soát, tổng hợp báo cáo.", ...raw }), file);

/** What a refused call must leave as it was: the task with its progress, the audit log and the files. */
async function snapshot(taskId: number) {
  const [row, audit, files, chunks] = await Promise.all([
    db.noticeTask.findUnique({ where: { id: taskId }, include: { progress: { orderBy: { id: "asc" } } } }),
    db.auditLog.count(),
    db.storedFile.count(),
    db.storedFileChunk.count(),
  ]);
  return JSON.parse(JSON.stringify({ row, audit, files, chunks })) as unknown;
}

describe("assignees update their own organisation's tasks", () => {
  it("a department officer moves its own task to in progress, then done with today's date, each with an audit row", async () => {
    await setStatus(so, fx.ownTask, "IN_PROGRESS");
    expect(await db.noticeTask.findUniqueOrThrow({ where: { id: fx.ownTask } })).toMatchObject({ status: "IN_PROGRESS", completedAt: null, version: 2 });
    await setStatus(so, fx.ownTask, "DONE", iso(TODAY));
    const t = await db.noticeTask.findUniqueOrThrow({ where: { id: fx.ownTask } });
    expect(t).toMatchObject({ status: "DONE", completedAt: TODAY, version: 3 });
    expect(classifyTask(t, TODAY)).toBe("DONE_ON_TIME");
    const audit = await db.auditLog.findMany({ where: { entityType: "NoticeTask", entityId: String(fx.ownTask) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.userId, a.unitId])).toEqual([
      ["task.status", so.id, fx.quangBinh],
      ["task.status", so.id, fx.quangBinh],
    ]);
    expect(audit[1].after).toMatchObject({ status: "DONE" });
  });

  it("a department officer cannot update a task of another organisation, and nothing changes", async () => {
    const before = await snapshot(fx.otherOrgTask);
    const err = await appErrorOf(setStatus(so, fx.otherOrgTask, "DONE", iso(TODAY)), "FORBIDDEN");
    expect(err.message).toBe("Bạn chỉ cập nhật được nhiệm vụ giao cho cơ quan, đơn vị của mình.");
    await appErrorOf(addProgress(so, fx.otherOrgTask, {}, pdf()), "FORBIDDEN");
    expect(await snapshot(fx.otherOrgTask)).toEqual(before);
  });

  it("a district officer updates its own organisation's task, but not a department's", async () => {
    await setStatus(huyen, fx.districtTask, "IN_PROGRESS");
    expect((await db.noticeTask.findUniqueOrThrow({ where: { id: fx.districtTask } })).status).toBe("IN_PROGRESS");
    const before = await snapshot(fx.progressTask);
    await appErrorOf(setStatus(huyen, fx.progressTask, "IN_PROGRESS"), "FORBIDDEN");
    expect(await snapshot(fx.progressTask)).toEqual(before);
  });

  it("leadership, editors, the admin of another organisation and anonymous visitors cannot update a task", async () => {
    const before = await snapshot(fx.progressTask);
    for (const viewer of [lanhdao, tinh, bientap, admin]) {
      await appErrorOf(setStatus(viewer, fx.progressTask, "DONE", iso(TODAY)), "FORBIDDEN");
      await appErrorOf(addProgress(viewer, fx.progressTask), "FORBIDDEN");
    }
    await appErrorOf(setStatus(null, fx.progressTask, "DONE", iso(TODAY)), "UNAUTHENTICATED");
    expect(await snapshot(fx.progressTask)).toEqual(before);
  });

  it("a dated progress note with a PDF result is kept, and the first note marks the task as in progress", async () => {
    expect((await db.noticeTask.findUniqueOrThrow({ where: { id: fx.progressTask } })).status).toBe("NOT_STARTED");
    const r = await addProgress(so, fx.progressTask, { date: iso(day(-1)), note: "Đã trình UBND tỉnh phương án phân bổ vốn." }, pdf());
    const t = await db.noticeTask.findUniqueOrThrow({ where: { id: fx.progressTask }, include: { progress: { include: { file: true } } } });
    expect(t.status).toBe("IN_PROGRESS");
    expect(r.version).toBe(t.version);
    expect(t.progress).toHaveLength(1);
    expect(t.progress[0]).toMatchObject({ note: "Đã trình UBND tỉnh phương án phân bổ vốn.", date: day(-1), createdById: so.id });
    expect(t.progress[0].file).toMatchObject({ mimeType: "application/pdf", fileName: "bao-cao-ket-qua.pdf", uploadedById: so.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "NoticeTask", entityId: String(fx.progressTask), action: "task.progress" } });
    expect(audit.after).toMatchObject({ note: "Đã trình UBND tỉnh phương án phân bổ vốn.", status: "IN_PROGRESS", file: { name: "bao-cao-ket-qua.pdf" } });
    // a second note leaves the status alone
    await addProgress(so, fx.progressTask, { note: "Đã phân bổ xong." });
    expect(await db.noticeTask.findUniqueOrThrow({ where: { id: fx.progressTask } })).toMatchObject({ status: "IN_PROGRESS", version: t.version });
  });

  it("an executable renamed .pdf, a note dated in the future or an empty note is refused, and nothing is kept", async () => {
    const before = await snapshot(fx.progressTask);
    const exe = await appErrorOf(addProgress(so, fx.progressTask, {}, exeAsPdf()), "VALIDATION");
    expect(exe.fieldErrors?.file?.[0]).toContain("nội dung tệp không khớp với tên tệp");
    const big = await appErrorOf(addProgress(so, fx.progressTask, {}, pdf(11 * 1024 * 1024)), "VALIDATION");
    expect(big.fieldErrors?.file).toEqual(["Tệp quá lớn: tối đa 10 MB."]);
    const future = await appErrorOf(addProgress(so, fx.progressTask, { date: iso(day(1)) }), "VALIDATION");
    expect(future.fieldErrors?.date).toEqual(["Ngày báo cáo không được sau ngày hôm nay."]);
    const empty = await appErrorOf(addProgress(so, fx.progressTask, { note: "   " }), "VALIDATION");
    expect(empty.fieldErrors?.note).toEqual(["Nhập nội dung tiến độ thực hiện."]);
    expect(await snapshot(fx.progressTask)).toEqual(before);
  });

  it("done needs a completion date that is neither in the future nor before the notice, and nothing changes otherwise", async () => {
    const before = await snapshot(fx.progressTask);
    const missing = await appErrorOf(setStatus(so, fx.progressTask, "DONE", ""), "VALIDATION");
    expect(missing.fieldErrors?.completedAt).toEqual(["Nhập ngày hoàn thành."]);
    const future = await appErrorOf(setStatus(so, fx.progressTask, "DONE", iso(day(2))), "VALIDATION");
    expect(future.fieldErrors?.completedAt).toEqual(["Ngày hoàn thành không được sau ngày hôm nay."]);
    const early = await appErrorOf(setStatus(so, fx.progressTask, "DONE", iso(day(-400))), "VALIDATION");
    expect(early.fieldErrors?.completedAt?.[0]).toContain("trước ngày ban hành thông báo");
    expect(await snapshot(fx.progressTask)).toEqual(before);
  });

  it("a status update from a stale page is refused with a Vietnamese conflict message", async () => {
    const { version } = await db.noticeTask.findUniqueOrThrow({ where: { id: fx.progressTask } });
    await setStatus(so, fx.progressTask, "DONE", iso(TODAY), version);
    const before = await snapshot(fx.progressTask);
    const err = await appErrorOf(setStatus(so, fx.progressTask, "IN_PROGRESS", "", version), "CONFLICT");
    expect(err.message).toContain("vừa được cập nhật");
    expect(await snapshot(fx.progressTask)).toEqual(before);
    // finished after its deadline (5 days ago): done late
    expect(classifyTask(await db.noticeTask.findUniqueOrThrow({ where: { id: fx.progressTask } }), TODAY)).toBe("DONE_LATE");
  });

  it("“Nhiệm vụ của tôi” lists only the viewer's organisation's tasks; the task page opens for its assignee and leadership only", async () => {
    const mine = await listTasksOfViewer(so);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.assigneeOrgId === so.organisationId)).toBe(true);
    expect(mine.map((t) => t.id)).toEqual(expect.arrayContaining([fx.ownTask, fx.progressTask]));
    expect(mine.map((t) => t.id)).not.toContain(fx.otherOrgTask);

    expect(await getTaskForViewer(so, fx.ownTask)).toMatchObject({ canView: true, canUpdate: true });
    expect(await getTaskForViewer(so, fx.otherOrgTask)).toMatchObject({ canView: false, canUpdate: false });
    expect(await getTaskForViewer(lanhdao, fx.otherOrgTask)).toMatchObject({ canView: true, canUpdate: false });
    expect(await getTaskForViewer(tinh, fx.otherOrgTask)).toMatchObject({ canView: false, canUpdate: false }); // Quảng Bình is not its province
    expect(await getTaskForViewer(tinh, fx.districtTask)).toMatchObject({ canView: true, canUpdate: false });
  });
});

describe("the scorecard per organisation", () => {
  it("counts a hand-built organisation's tasks by class, with the on-time rate over the tasks due", async () => {
    const { rows } = await getScorecard(lanhdao, { noticeId: fx.qbNotice }, TODAY);
    const row = rows.find((r) => r.organisation.id === fx.testOrg);
    expect(row?.tally).toEqual({ total: 7, DONE_ON_TIME: 1, DONE_LATE: 1, OVERDUE: 2, IN_PROGRESS: 3, due: 4, onTimeRate: 25 });
    expect(row?.organisation.unitName).toBe("Tỉnh Quảng Bình");
  });

  it("filters by organisation and by period (deadline between two dates, inclusive)", async () => {
    const byOrg = await getScorecard(lanhdao, { organisationId: fx.testOrg }, TODAY);
    expect(byOrg.rows.map((r) => r.organisation.id)).toEqual([fx.testOrg]);
    expect(byOrg.total.total).toBe(7);
    const period = await getScorecard(lanhdao, { organisationId: fx.testOrg, from: day(-10), to: day(-3) }, TODAY);
    expect(period.total).toMatchObject({ total: 3, DONE_ON_TIME: 1, DONE_LATE: 1, OVERDUE: 1, IN_PROGRESS: 0, due: 3 });
    expect(period.total.onTimeRate).toBeCloseTo(33.33, 2);
  });

  it("changes when an assignee marks a task done", async () => {
    const before = (await getScorecard(lanhdao, { noticeId: fx.qbNotice, organisationId: so.organisationId! }, TODAY)).total;
    const t = await task(fx.qbNotice, so.organisationId!, "21", { deadline: day(-2) });
    const mid = (await getScorecard(lanhdao, { noticeId: fx.qbNotice, organisationId: so.organisationId! }, TODAY)).total;
    expect(mid.OVERDUE).toBe(before.OVERDUE + 1);
    await setStatus(so, t, "DONE", iso(TODAY));
    const after = (await getScorecard(lanhdao, { noticeId: fx.qbNotice, organisationId: so.organisationId! }, TODAY)).total;
    expect(after).toMatchObject({ OVERDUE: before.OVERDUE, DONE_LATE: before.DONE_LATE + 1, total: before.total + 1 });
  });

  it("stays within the viewer's scope: a province sees its own organisations only, a department officer has none", async () => {
    const national = await getScorecard(lanhdao, {}, TODAY);
    const thaiNguyen = await getScorecard(tinh, {}, TODAY);
    expect(national.rows.map((r) => r.organisation.id)).toEqual(expect.arrayContaining([fx.testOrg, huyen.organisationId]));
    expect(thaiNguyen.rows.map((r) => r.organisation.id)).toContain(huyen.organisationId);
    expect(thaiNguyen.rows.map((r) => r.organisation.id)).not.toContain(fx.testOrg);
    expect(thaiNguyen.rows.every((r) => r.organisation.unitName !== "Tỉnh Quảng Bình")).toBe(true);
    // asking for an organisation outside the scope by its id gives nothing
    expect((await getScorecard(tinh, { organisationId: fx.testOrg }, TODAY)).rows).toEqual([]);
    expect((await getScorecard(so, {}, TODAY)).rows).toEqual([]);
    const options = await listScorecardOptions(tinh);
    expect(options.notices.map((n) => n.id)).not.toContain(fx.qbNotice);
    expect(options.notices.map((n) => n.id)).toContain(fx.tnNotice);
  });

  it("shows the seed notices honestly: their 2020 and 2023 deadlines passed with no progress reported, so those tasks are overdue", async () => {
    const n58 = await db.notice.findFirstOrThrow({ where: { number: "58/TB-UBND" } });
    const n3691 = await db.notice.findFirstOrThrow({ where: { number: "3691/TB-VPUBND" } });
    const s58 = await getScorecard(lanhdao, { noticeId: n58.id }, TODAY);
    expect(s58.total).toMatchObject({ DONE_ON_TIME: 0, DONE_LATE: 0, OVERDUE: 2, onTimeRate: 0 });
    expect(s58.tasks.filter((t) => t.cls === "OVERDUE").map((t) => t.number).sort()).toEqual(["2.1", "2.2"]);
    const s3691 = await getScorecard(lanhdao, { noticeId: n3691.id }, TODAY);
    expect(s3691.total.OVERDUE).toBe(s3691.tasks.filter((t) => t.deadline !== null).length);
    expect(s3691.total.OVERDUE).toBeGreaterThan(0);
  });
});
