// Who may download each stored file (GET /api/tep/<id> → findDownloadableFile): every kind of file
// × every account × inside and outside its scope, with content and OCOP products public and not.
// The expected table is written from the rules of the pages that list each file (README, the
// role descriptions), not read back from the code: a file goes to exactly those who may open
// the page showing it, and to nobody else — not even its uploader once it is attached somewhere.
// Fixtures are written directly in the database and removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { findDownloadableFile } from "@/lib/files/queries";
import { todayInVietnam } from "@/lib/format";
import { reportFigure } from "../figures";
import { onDate, putAssessment, viewerOf } from "./helpers";
import { loadPlaces } from "./programme-fixtures";

const RUN = `fs${Date.now().toString(36)}`;
const TODAY = todayInVietnam();
const day = (offset: number) => new Date(TODAY.getTime() + offset * 86_400_000);
const DOSSIER_YEAR = 2029; // no demo data (criteria set 2026–2030)

// ───────────── who ─────────────

const DEMO = {
  admin: "admin@ntm.demo",
  lanhdao: "lanhdao@ntm.demo",
  tinh: "tinh@ntm.demo",
  huyen: "huyen@ntm.demo",
  xa: "xa@ntm.demo",
  so: "so@ntm.demo",
  bientap: "bientap@ntm.demo",
} as const;
/** Not demo accounts: made by this file. */
const EXTRA = {
  soTN: `so-tn-${RUN}@ntm.test`, // DEPARTMENT_OFFICER of a department of Thái Nguyên
  lanhdaoTN: `lanhdao-tn-${RUN}@ntm.test`, // LEADER of the province of Thái Nguyên
} as const;
type Account = keyof typeof DEMO | keyof typeof EXTRA | "anonymous";
const ACCOUNTS: Account[] = [...(Object.keys(DEMO) as Account[]), ...(Object.keys(EXTRA) as Account[]), "anonymous"];

// ───────────── where ─────────────

/** Communes, the district of Phú Bình, and the provinces (Thái Nguyên today, Quảng Bình before 1/7/2025). */
type Place = "tanThanh" | "otherDistrict" | "qbCommune" | "phuBinh" | "tn" | "qb";
type Owner = "tn" | "qb" | "national";
/** Organisations that tasks are assigned to, and where each one works. */
type Org = "qbDept" | "tnDept" | "phuBinhOffice";
const ORG_PLACE: Record<Org, Place> = { qbDept: "qb", tnDept: "tn", phuBinhOffice: "phuBinh" };

const THAI_NGUYEN: Place[] = ["tanThanh", "otherDistrict", "phuBinh", "tn"];

interface Rights {
  national?: boolean;
  scope: Place[];
  /** opens a commune's dossier (assessment.read) */
  readsDossiers?: boolean;
  /** edits articles, notices and documents of its units (content.edit) */
  editsContent?: boolean;
  /** follows the tasks of the organisations in its scope (leadership's scorecard) */
  leadsTasks?: boolean;
  /** reports on the tasks of its own organisation */
  memberOf?: Org;
  /** opens the staff OCOP registry (dashboard pages) */
  seesOcopRegistry?: boolean;
}

/** What each account may open, from the role descriptions (README, prisma/seed/users.ts). */
const RIGHTS: Record<Account, Rights> = {
  admin: { national: true, scope: [], readsDossiers: true, editsContent: true, leadsTasks: true, seesOcopRegistry: true },
  lanhdao: { national: true, scope: [], readsDossiers: true, leadsTasks: true, seesOcopRegistry: true },
  tinh: { scope: THAI_NGUYEN, readsDossiers: true, editsContent: true, leadsTasks: true, seesOcopRegistry: true },
  huyen: { scope: ["tanThanh", "phuBinh"], readsDossiers: true, memberOf: "phuBinhOffice", seesOcopRegistry: true },
  xa: { scope: ["tanThanh"], readsDossiers: true },
  so: { scope: ["qbCommune", "qb"], readsDossiers: true, memberOf: "qbDept", seesOcopRegistry: true },
  bientap: { scope: THAI_NGUYEN, editsContent: true },
  soTN: { scope: THAI_NGUYEN, readsDossiers: true, memberOf: "tnDept", seesOcopRegistry: true },
  lanhdaoTN: { scope: THAI_NGUYEN, readsDossiers: true, leadsTasks: true, seesOcopRegistry: true },
  anonymous: { scope: [] },
};

const covers = (r: Rights, place: Place) => !!r.national || r.scope.includes(place);
/** Content of a province is edited by its editors; national content by national editors only. */
const editsContentOf = (r: Rights, owner: Owner) => !!r.editsContent && (owner === "national" ? !!r.national : covers(r, owner));

// ───────────── what ─────────────

type ContentState = "published" | "draft" | "scheduledLater" | "withdrawn";
type OcopState = "certified" | "expired" | "pending";
type Spec =
  | { kind: "evidence"; place: "tanThanh" | "otherDistrict" | "qbCommune" }
  | { kind: "notice" | "document" | "article"; owner: Owner; state: ContentState }
  | { kind: "task"; org: Org; notice: Owner }
  | { kind: "ocop"; place: "tanThanh" | "qbCommune"; state: OcopState }
  | { kind: "orphan"; uploader: Account | null }
  | { kind: "missing" };
type Kind = Spec["kind"];

const KIND_LABEL: Record<Kind, string> = {
  evidence: "criterion evidence",
  notice: "notice attachments",
  document: "document files",
  article: "article covers",
  task: "task result files",
  ocop: "OCOP product photos",
  orphan: "files attached to nothing",
  missing: "a file that does not exist",
};

/**
 * Who may download the file, from the rule of the page that shows it. A public page's files are
 * everyone's; otherwise only the staff page's rule counts.
 */
function mayDownload(r: Rights, account: Account, s: Spec): boolean {
  switch (s.kind) {
    case "evidence": // the commune's dossier page: assessment readers whose scope covers the commune
      return !!r.readsDossiers && covers(r, s.place);
    case "notice":
    case "document":
    case "article": // public once published (not when only scheduled, nor once withdrawn); before, its editors
      return s.state === "published" || editsContentOf(r, s.owner);
    case "task": // the task page: the assignee, leadership whose scope covers the assignee, editors of the notice
      return r.memberOf === s.org || (!!r.leadsTasks && covers(r, ORG_PLACE[s.org])) || editsContentOf(r, s.notice);
    case "ocop": // public with a certificate (in force or ended); otherwise the staff registry within scope
      return s.state !== "pending" || (!!r.seesOcopRegistry && covers(r, s.place));
    case "orphan": // listed by no page: its uploader alone
      return s.uploader !== null && s.uploader === account;
    case "missing":
      return false;
  }
}

/** Who uploaded each attached file: someone who, wherever the file ended up, gains nothing by it. */
const UPLOADER: Partial<Record<Kind, Account>> = { evidence: "xa", notice: "bientap", document: "bientap", article: "bientap", task: "huyen", ocop: "huyen" };

const SPECS: Spec[] = [
  ...(["tanThanh", "otherDistrict", "qbCommune"] as const).map((place) => ({ kind: "evidence" as const, place })),
  ...(["notice", "document", "article"] as const).flatMap((kind) =>
    (["tn", "qb", "national"] as const).flatMap((owner) => (["published", "draft", "scheduledLater", "withdrawn"] as const).map((state) => ({ kind, owner, state }))),
  ),
  { kind: "task", org: "qbDept", notice: "qb" },
  { kind: "task", org: "tnDept", notice: "tn" },
  { kind: "task", org: "phuBinhOffice", notice: "tn" },
  { kind: "task", org: "tnDept", notice: "national" },
  ...(["tanThanh", "qbCommune"] as const).flatMap((place) => (["certified", "expired", "pending"] as const).map((state) => ({ kind: "ocop" as const, place, state }))),
  { kind: "orphan", uploader: "so" },
  { kind: "orphan", uploader: null },
  { kind: "missing" },
];

function labelOf(s: Spec): string {
  switch (s.kind) {
    case "evidence":
    case "ocop":
      return `${s.place}${"state" in s ? ` ${s.state}` : ""}`;
    case "notice":
    case "document":
    case "article":
      return `${s.owner} ${s.state}`;
    case "task":
      return `${s.org} (notice ${s.notice})`;
    case "orphan":
      return `uploaded by ${s.uploader ?? "nobody"}`;
    case "missing":
      return "missing";
  }
}

// ───────────── fixtures ─────────────

const viewers = {} as Record<Account, Viewer | null>;
const fileIds = new Map<Spec, number>();
const created = { users: [] as number[], orgs: [] as number[], notices: [] as number[], documents: [] as number[], articles: [] as number[], producers: [] as number[], products: [] as number[], assessments: [] as number[] };

beforeAll(async () => {
  for (const [account, email] of Object.entries(DEMO)) viewers[account as Account] = await viewerOf(email);
  viewers.anonymous = null;
  const places = await loadPlaces();
  const tn = viewers.tinh!.unitId!; // today's Thái Nguyên
  const qb = viewers.so!.unitId!; // Quảng Bình before 1/7/2025
  const qbCommune = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", provinceId: qb, ...onDate("2025-03-01") }, orderBy: { code: "asc" } });
  const communes = { tanThanh: places.tanThanh, otherDistrict: places.otherDistrict, qbCommune: qbCommune.id };
  const owners: Record<Owner, number | null> = { tn, qb, national: null };

  // the two accounts the demo lacks, with a real bcrypt hash (never used to sign in)
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
  const tnDept = await db.organisation.create({ data: { name: `Sở Nông nghiệp thử ${RUN}`, kind: "DEPARTMENT", unitId: tn } });
  created.orgs.push(tnDept.id);
  for (const [account, email, role, organisationId] of [
    ["soTN", EXTRA.soTN, "DEPARTMENT_OFFICER", tnDept.id],
    ["lanhdaoTN", EXTRA.lanhdaoTN, "LEADER", null],
  ] as const) {
    const user = await db.user.create({ data: { email, name: `Tài khoản thử ${account}`, passwordHash, role, unitId: tn, organisationId } });
    created.users.push(user.id);
    viewers[account] = await viewerOf(email);
  }
  const orgs: Record<Org, number> = { qbDept: viewers.so!.organisationId!, tnDept: tnDept.id, phuBinhOffice: viewers.huyen!.organisationId! };

  let n = 0;
  const storeFile = async (uploader: Account | null | undefined) => {
    const uploadedById = uploader ? (viewers[uploader]?.id ?? null) : null;
    const f = await db.storedFile.create({
      data: { storageKey: `file-scope/${RUN}/${++n}.pdf`, fileName: `tep-thu-${n}.pdf`, mimeType: "application/pdf", size: 9, sha256: "0".repeat(64), uploadedById },
    });
    return f.id;
  };
  const publication = (state: ContentState) =>
    ({
      published: { status: "PUBLISHED", publishedAt: day(-3) },
      draft: { status: "DRAFT", publishedAt: null },
      scheduledLater: { status: "SCHEDULED", publishedAt: day(3) },
      withdrawn: { status: "UNPUBLISHED", publishedAt: day(-30) },
    })[state] as { status: "PUBLISHED" | "DRAFT" | "SCHEDULED" | "UNPUBLISHED"; publishedAt: Date | null };
  const newNotice = async (slug: string, unitId: number | null, extra: Record<string, unknown>) => {
    const row = await db.notice.create({
      data: { slug, number: `${++n}/TB-THU`, title: `Thông báo thử ${RUN}`, summary: "Thử", bodyHtml: "<p>Thử</p>", issuedDate: day(-60), issuingBody: "UBND tỉnh", unitId, ...publication("published"), ...extra },
    });
    created.notices.push(row.id);
    return row.id;
  };
  const taskNotices: Record<Owner, number> = {
    tn: await newNotice(`tb-nv-tn-${RUN}`, tn, {}),
    qb: await newNotice(`tb-nv-qb-${RUN}`, qb, {}),
    national: await newNotice(`tb-nv-tw-${RUN}`, null, {}),
  };

  for (const spec of SPECS) {
    if (spec.kind === "missing") {
      fileIds.set(spec, (await db.storedFile.aggregate({ _max: { id: true } }))._max.id! + 1_000_000);
      continue;
    }
    const fileId = await storeFile(spec.kind === "orphan" ? spec.uploader : UPLOADER[spec.kind]);
    fileIds.set(spec, fileId);
    const slug = `${spec.kind}-${RUN}-${n}`;
    switch (spec.kind) {
      case "evidence": {
        const dossier = await putAssessment({ unitId: communes[spec.place], year: DOSSIER_YEAR, status: "DRAFT", results: ["NOT_MET"] });
        created.assessments.push(dossier.id);
        const result = await db.criterionResult.findFirstOrThrow({ where: { assessmentId: dossier.id } });
        await db.evidenceFile.create({ data: { criterionResultId: result.id, fileId } });
        break;
      }
      case "notice":
        await newNotice(slug, owners[spec.owner], { attachmentId: fileId, ...publication(spec.state) });
        break;
      case "document": {
        const row = await db.document.create({
          data: { slug, number: `${n}/QĐ-THU`, title: `Văn bản thử ${RUN}`, docType: "Quyết định", issuer: "UBND tỉnh", issuedDate: day(-60), summary: "Thử", fileId, unitId: owners[spec.owner], ...publication(spec.state) },
        });
        created.documents.push(row.id);
        break;
      }
      case "article": {
        const row = await db.article.create({
          data: { slug, title: `Bài viết thử ${RUN}`, summary: "Thử", bodyHtml: "<p>Thử</p>", coverId: fileId, unitId: owners[spec.owner], ...publication(spec.state) },
        });
        created.articles.push(row.id);
        break;
      }
      case "task": {
        const task = await db.noticeTask.create({
          data: { noticeId: taskNotices[spec.notice], assigneeOrgId: orgs[spec.org], number: String(n), sortOrder: n, content: `Nhiệm vụ thử ${n}`, assigneeText: "Đơn vị chủ trì", deadline: day(10) },
        });
        await db.taskProgress.create({ data: { taskId: task.id, date: day(-1), note: "Đã gửi báo cáo kết quả.", fileId, createdById: viewers.huyen!.id } });
        break;
      }
      case "ocop": {
        const producer = await db.ocopProducer.create({ data: { name: `HTX thử ${RUN} ${n}`, kind: "COOPERATIVE", communeId: communes[spec.place] } });
        created.producers.push(producer.id);
        const product = await db.ocopProduct.create({ data: { name: `Sản phẩm thử ${RUN} ${n}`, slug, producerId: producer.id, communeId: communes[spec.place], group: "FOOD", photoId: fileId } });
        created.products.push(product.id);
        const decided = spec.state === "pending" ? { decisionNo: null, decisionDate: null, expiresAt: null } : spec.state === "certified" ? { decisionNo: `${n}/QĐ-UBND`, decisionDate: day(-100), expiresAt: day(900) } : { decisionNo: `${n}/QĐ-UBND`, decisionDate: day(-1200), expiresAt: day(-100) };
        await db.ocopEvaluation.create({
          data: { productId: product.id, year: decided.decisionDate?.getUTCFullYear() ?? TODAY.getUTCFullYear(), councilLevel: "PROVINCE", scoreA: 30, scoreB: 20, scoreC: 25, totalScore: 75, stars: 4, ...decided },
        });
        break;
      }
      case "orphan":
        break;
    }
  }
});

afterAll(async () => {
  const ids = [...fileIds.values()];
  await db.assessment.deleteMany({ where: { id: { in: created.assessments } } }); // results and evidence cascade
  await db.notice.deleteMany({ where: { id: { in: created.notices } } }); // tasks and progress cascade
  await db.document.deleteMany({ where: { id: { in: created.documents } } });
  await db.article.deleteMany({ where: { id: { in: created.articles } } });
  await db.ocopProduct.deleteMany({ where: { id: { in: created.products } } }); // evaluations cascade
  await db.ocopProducer.deleteMany({ where: { id: { in: created.producers } } });
  await db.storedFile.deleteMany({ where: { id: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: created.users } } });
  await db.organisation.deleteMany({ where: { id: { in: created.orgs } } });
});

// ───────────── the matrix ─────────────

const KINDS = [...new Set(SPECS.map((s) => s.kind))];
const tally = { cases: 0, allowed: 0, refused: 0 };

describe("file downloads follow the page that lists the file", () => {
  for (const account of ACCOUNTS) {
    for (const kind of KINDS) {
      const specs = SPECS.filter((s) => s.kind === kind);
      it(`${account}: ${KIND_LABEL[kind]}`, async () => {
        const expected: Record<string, boolean> = {};
        const actual: Record<string, boolean> = {};
        for (const spec of specs) {
          const fileId = fileIds.get(spec)!;
          const may = mayDownload(RIGHTS[account], account, spec);
          expected[labelOf(spec)] = may;
          const file = await findDownloadableFile(viewers[account], fileId);
          actual[labelOf(spec)] = file !== null && file.id === fileId;
          tally.cases++;
          tally[may ? "allowed" : "refused"]++;
        }
        expect(actual).toEqual(expected);
      });
    }
  }

  afterAll(() => {
    reportFigure(
      `authorisation matrix, file downloads (${KINDS.length} kinds incl. orphan and missing × ${ACCOUNTS.length} accounts × in/out of scope, public/not): ` +
        `${tally.cases} cases (${tally.allowed} allowed, ${tally.refused} refused as not found)`,
    );
  });
});
