// Reads of the OCOP registry: staff reads take the viewer and apply its scope; public reads show
// certified products only (3★+ with a decision); dashboard reads take an optional province
// (today's or an earlier one) and include the units it succeeded.
import { figuresRead } from "@/lib/cache/cached-read";
import { forbidden, notFound } from "next/navigation";
import { hasPermission, isUnitInScope, type ScopedUnit, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { communeScopeWhere } from "@/lib/units/scope";
import { standingSinceReformEve } from "@/lib/units/rules";
import { unitWithPredecessors } from "@/lib/units/queries";
import { certificateState, currentEvaluation, EXPIRING_SOON_DAYS, isCertified, MIN_CERTIFIED_STARS, type CertificateState, type OcopGroup } from "./rules";

export const PAGE_SIZE = 30;

/** Commune ids in the viewer's scope (null = national: no restriction). One scope rule: communeScopeWhere. */
export async function scopedCommuneIds(viewer: Viewer): Promise<number[] | null> {
  if (viewer.unitId === null) return null;
  const rows = await db.adminUnit.findMany({ where: { level: "COMMUNE", ...communeScopeWhere(viewer) }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The evaluation that stands for a product (same order as rules.currentEvaluation). */
const CURRENT_EVALUATION = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT x.year, x.stars, x."totalScore"::float8 AS "totalScore", x."decisionNo", x."decisionDate", x."expiresAt", x."councilLevel"
      FROM "OcopEvaluation" x WHERE x."productId" = p.id
     ORDER BY (x."decisionDate" IS NOT NULL) DESC, x.year DESC, x."decisionDate" DESC NULLS LAST, x.id DESC
     LIMIT 1) e ON true`;

const CERTIFIED = Prisma.sql`e.stars >= ${MIN_CERTIFIED_STARS} AND e."decisionNo" IS NOT NULL AND e."decisionDate" IS NOT NULL`;

/** Certificate state in SQL, matching rules.certificateState (expiresAt is the first day without validity). */
function stateSql(state: CertificateState, today: Date) {
  switch (state) {
    case "NONE":
      return Prisma.sql`e."expiresAt" IS NULL`;
    case "EXPIRED":
      return Prisma.sql`e."expiresAt" <= ${today}::date`;
    case "EXPIRING_SOON":
      return Prisma.sql`e."expiresAt" > ${today}::date AND e."expiresAt" <= ${today}::date + ${EXPIRING_SOON_DAYS}::int`;
    case "VALID":
      return Prisma.sql`e."expiresAt" > ${today}::date + ${EXPIRING_SOON_DAYS}::int`;
  }
}

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ProductRow {
  id: number;
  name: string;
  slug: string;
  group: OcopGroup;
  subgroup: string | null;
  isDemo: boolean;
  photoId: number | null;
  communeId: number;
  commune: string;
  district: string | null;
  province: string | null;
  producer: string;
  producerKind: string;
  year: number | null;
  stars: number | null;
  totalScore: number | null;
  decisionNo: string | null;
  decisionDate: Date | null;
  expiresAt: Date | null;
  state: CertificateState;
}

interface ListFilter {
  q?: string;
  group?: string;
  stars?: number;
  state?: CertificateState;
  page: number;
  pageSize?: number;
}

async function listProducts(conditions: Prisma.Sql[], filter: ListFilter): Promise<{ items: ProductRow[]; total: number }> {
  const today = todayInVietnam();
  const where = [...conditions];
  if (filter.q) where.push(Prisma.sql`(public.unaccent(p.name) ILIKE public.unaccent(${likeText(filter.q)}) OR public.unaccent(pr.name) ILIKE public.unaccent(${likeText(filter.q)}))`);
  if (filter.group) where.push(Prisma.sql`p."group"::text = ${filter.group}`);
  if (filter.stars) where.push(Prisma.sql`e.stars = ${filter.stars}`);
  if (filter.state) where.push(stateSql(filter.state, today));
  const pageSize = filter.pageSize ?? PAGE_SIZE;
  const rows = await db.$queryRaw<(Omit<ProductRow, "state"> & { total: number })[]>`
    SELECT p.id, p.name, p.slug, p."group"::text AS "group", p.subgroup, p."isDemo", p."photoId",
           c.id AS "communeId", c."fullName" AS commune, d."fullName" AS district, pv."fullName" AS province,
           pr.name AS producer, pr.kind::text AS "producerKind",
           e.year, e.stars, e."totalScore", e."decisionNo", e."decisionDate", e."expiresAt",
           count(*) OVER ()::int AS total
      FROM "OcopProduct" p
      JOIN "AdminUnit" c ON c.id = p."communeId"
      LEFT JOIN "AdminUnit" d ON d.id = c."districtId"
      LEFT JOIN "AdminUnit" pv ON pv.id = c."provinceId"
      JOIN "OcopProducer" pr ON pr.id = p."producerId"
      ${CURRENT_EVALUATION}
     WHERE ${where.length ? Prisma.join(where, " AND ") : Prisma.sql`true`}
     ORDER BY e.stars DESC NULLS LAST, p.name COLLATE "vi-VN-x-icu", p.id
     LIMIT ${pageSize} OFFSET ${(filter.page - 1) * pageSize}`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...r }) => ({ ...r, state: certificateState(r.expiresAt, today) })),
  };
}

// ───────────── staff ─────────────

/** Products of the communes in the viewer's scope, filtered, a page at a time. */
export async function listProductsForViewer(viewer: Viewer, filter: ListFilter) {
  const ids = await scopedCommuneIds(viewer);
  return listProducts(ids ? [Prisma.sql`p."communeId" = ANY(${ids})`] : [], filter);
}

export interface OcopSummary {
  products: number;
  certified: number;
  byStars: { stars: number; products: number }[];
  expiringSoon: number;
  expired: number;
}

/** Headline figures of the viewer's registry: products, certified ones by stars, certificates ending. */
export async function ocopSummaryForViewer(viewer: Viewer): Promise<OcopSummary> {
  const ids = await scopedCommuneIds(viewer);
  const today = todayInVietnam();
  const rows = await db.$queryRaw<{ stars: number | null; certified: boolean; state: string; n: number }[]>`
    SELECT e.stars, coalesce(${CERTIFIED}, false) AS certified,
           CASE WHEN e."expiresAt" IS NULL THEN 'NONE'
                WHEN e."expiresAt" <= ${today}::date THEN 'EXPIRED'
                WHEN e."expiresAt" <= ${today}::date + ${EXPIRING_SOON_DAYS}::int THEN 'EXPIRING_SOON'
                ELSE 'VALID' END AS state,
           count(*)::int AS n
      FROM "OcopProduct" p ${CURRENT_EVALUATION}
     WHERE ${ids ? Prisma.sql`p."communeId" = ANY(${ids})` : Prisma.sql`true`}
     GROUP BY 1, 2, 3`;
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
  return {
    products: sum(() => true),
    certified: sum((r) => r.certified),
    byStars: [3, 4, 5].map((stars) => ({ stars, products: sum((r) => r.certified && r.stars === stars && r.state !== "EXPIRED") })),
    expiringSoon: sum((r) => r.certified && r.state === "EXPIRING_SOON"),
    expired: sum((r) => r.certified && r.state === "EXPIRED"),
  };
}

/** Who may open a product in the staff registry (and so see its photo before it is public): dashboard users whose scope covers its commune. */
export function canSeeProductForStaff(viewer: Viewer, commune: ScopedUnit): boolean {
  return hasPermission(viewer.role, "dashboard.view") && isUnitInScope(viewer, commune);
}

/** One product with its producer, commune and every evaluation, for staff. Out of scope → 403. */
export async function getProductForStaff(viewer: Viewer, productId: number) {
  const product = await db.ocopProduct.findUnique({
    where: { id: productId },
    include: {
      producer: true,
      commune: { include: { district: { select: { fullName: true } }, province: { select: { fullName: true } } } },
      photo: { select: { id: true, fileName: true } },
      evaluations: { orderBy: [{ year: "desc" }, { id: "desc" }] },
    },
  });
  if (!product) notFound();
  if (!canSeeProductForStaff(viewer, product.commune)) forbidden();
  const today = todayInVietnam();
  const evaluations = product.evaluations.map((e) => ({
    ...e,
    scoreA: Number(e.scoreA),
    scoreB: Number(e.scoreB),
    scoreC: Number(e.scoreC),
    totalScore: Number(e.totalScore),
    state: certificateState(e.expiresAt, today),
  }));
  const current = currentEvaluation(evaluations);
  return {
    product,
    evaluations,
    current,
    certified: current ? isCertified(current) : false,
    canEdit: hasPermission(viewer.role, "ocop.edit"),
  };
}

/**
 * Where a form's communes come from: the viewer's scope, or for national viewers the province
 * they picked (today's or an earlier one, with the units it succeeded); nothing before a pick.
 */
async function optionScope(viewer: Viewer, provinceId?: number): Promise<Prisma.AdminUnitWhereInput> {
  if (viewer.unitId !== null) return communeScopeWhere(viewer);
  return provinceId ? { provinceId: { in: await unitWithPredecessors(provinceId) } } : { id: -1 };
}

/** Communes a viewer may register products for: those in scope, today's units first, then those of 30/6/2025. */
export async function communeOptionsForViewer(viewer: Viewer, opts: { provinceId?: number } = {}) {
  const rows = await db.adminUnit.findMany({
    where: { AND: [{ level: "COMMUNE" }, await optionScope(viewer, opts.provinceId), standingSinceReformEve()] },
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { district: { name: "asc" } }, { name: "asc" }],
    select: { id: true, fullName: true, validTo: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } },
    take: 3000,
  });
  return rows.map((r) => ({
    id: r.id,
    label: [r.fullName, r.district?.fullName, r.province?.fullName].filter(Boolean).join(", "),
    current: r.validTo === null,
  }));
}

/** Producers of the communes in scope (for the product form's "chủ thể có sẵn"). */
export async function producerOptionsForViewer(viewer: Viewer, opts: { provinceId?: number } = {}) {
  const rows = await db.ocopProducer.findMany({
    where: { commune: await optionScope(viewer, opts.provinceId) },
    orderBy: { name: "asc" },
    take: 2000,
    select: { id: true, name: true, kind: true, commune: { select: { fullName: true } } },
  });
  return rows.map((r) => ({ id: r.id, label: `${r.name} (${r.commune.fullName})`, kind: r.kind }));
}

// ───────────── public ─────────────

export interface PublicFilter {
  provinceId?: number;
  stars?: number;
  group?: string;
  /** include products whose certificate has ended (default: only those in force) */
  includeExpired?: boolean;
  q?: string;
  page: number;
}

/** Certified products (3★+ with a decision) for the public directory; a province includes its predecessors. */
export async function listPublicProducts(filter: PublicFilter) {
  const conditions = [CERTIFIED];
  if (filter.provinceId) conditions.push(Prisma.sql`c."provinceId" = ANY(${await unitWithPredecessors(filter.provinceId)})`);
  if (!filter.includeExpired) conditions.push(Prisma.sql`e."expiresAt" > ${todayInVietnam()}::date`);
  return listProducts(conditions, { q: filter.q, group: filter.group, stars: filter.stars, page: filter.page, pageSize: 24 });
}

/**
 * What makes a product public (its page and its photo): the evaluation that stands for it, when
 * that is a certificate, in force or ended. Null: the product is not public.
 */
export function publicEvaluation<E extends { id: number; year: number; stars: number; decisionNo: string | null; decisionDate: Date | null }>(evaluations: readonly E[]): E | null {
  const current = currentEvaluation(evaluations);
  return current && isCertified(current) ? current : null;
}

/** A certified product by its address, with the public part of its history; null when not public. */
export async function getPublicProduct(slug: string) {
  const product = await db.ocopProduct.findUnique({
    where: { slug },
    include: {
      producer: { select: { name: true, kind: true, address: true } },
      commune: { select: { fullName: true, district: { select: { fullName: true } }, province: { select: { id: true, fullName: true } } } },
      evaluations: { orderBy: [{ year: "desc" }, { id: "desc" }] },
    },
  });
  if (!product) return null;
  const today = todayInVietnam();
  const evaluations = product.evaluations.map((e) => ({
    id: e.id,
    year: e.year,
    councilLevel: e.councilLevel,
    stars: e.stars,
    totalScore: Number(e.totalScore),
    decisionNo: e.decisionNo,
    decisionDate: e.decisionDate,
    certificateNo: e.certificateNo,
    expiresAt: e.expiresAt,
    state: certificateState(e.expiresAt, today),
  }));
  const current = publicEvaluation(evaluations);
  if (!current) return null;
  // only decided ranks of 3★+ are public history; pending or lower scores are the council's working data
  const history = evaluations.filter(isCertified);
  const { evaluations: _all, ...rest } = product;
  return { product: rest, current, history };
}

// ───────────── dashboards ─────────────

/** Where the dashboard and report reads look: a province (with the units it succeeded), a district, or everywhere. */
export interface OcopArea {
  provinceId?: number;
  districtId?: number;
}

async function areaSql(area: OcopArea): Promise<Prisma.Sql> {
  if (area.districtId) return Prisma.sql`AND c."districtId" = ${area.districtId}`;
  if (area.provinceId) return Prisma.sql`AND c."provinceId" = ANY(${await unitWithPredecessors(area.provinceId)})`;
  return Prisma.empty;
}

/**
 * For each product, the latest evaluation decided on or before `asOf`; the product counts when it
 * is 3★+ and its certificate has not ended that day. Shared by the counts and the list below.
 */
function inForceOn(asOf: Date) {
  return {
    join: Prisma.sql`JOIN LATERAL (
        SELECT x.year, x.stars, x."totalScore"::float8 AS "totalScore", x."councilLevel"::text AS "councilLevel",
               x."decisionNo", x."decisionDate", x."expiresAt" FROM "OcopEvaluation" x
         WHERE x."productId" = p.id AND x."decisionNo" IS NOT NULL AND x."decisionDate" <= ${asOf}::date
         ORDER BY x.year DESC, x."decisionDate" DESC, x.id DESC LIMIT 1) e ON true`,
    where: Prisma.sql`e.stars >= ${MIN_CERTIFIED_STARS} AND e."expiresAt" > ${asOf}::date`,
  };
}

/**
 * OCOP products by star rank (3★, 4★, 5★, always the three rows) holding a certificate in force
 * on `asOf` (default today): for each product the latest evaluation decided on or before that
 * day, counted when it is 3★+ and its certificate has not ended. `provinceId` may be today's
 * province or an earlier one; the units it succeeded are included. `districtId` narrows to one district.
 */
async function readOcopByStars(opts: OcopArea & { asOf?: Date } = {}): Promise<{ stars: number; products: number }[]> {
  const asOf = opts.asOf ?? todayInVietnam();
  const inForce = inForceOn(asOf);
  const rows = await db.$queryRaw<{ stars: number; products: number }[]>`
    SELECT e.stars, count(*)::int AS products
      FROM "OcopProduct" p
      JOIN "AdminUnit" c ON c.id = p."communeId"
      ${inForce.join}
     WHERE ${inForce.where} ${await areaSql(opts)}
     GROUP BY e.stars`;
  return [3, 4, 5].map((stars) => ({ stars, products: rows.find((r) => r.stars === stars)?.products ?? 0 }));
}

export interface CertifiedProduct {
  id: number;
  name: string;
  group: OcopGroup;
  producer: string;
  commune: string;
  district: string | null;
  province: string | null;
  year: number;
  stars: number;
  totalScore: number;
  councilLevel: string;
  decisionNo: string;
  decisionDate: Date;
  expiresAt: Date;
}

/** The products `ocopByStars` counts, one row each with the decision that certifies it (the OCOP list of a report). */
export async function listCertifiedProducts(opts: OcopArea & { asOf: Date }): Promise<CertifiedProduct[]> {
  const inForce = inForceOn(opts.asOf);
  return db.$queryRaw<CertifiedProduct[]>`
    SELECT p.id, p.name, p."group"::text AS "group", pr.name AS producer,
           c."fullName" AS commune, d."fullName" AS district, pv."fullName" AS province,
           e.year, e.stars, e."totalScore", e."councilLevel", e."decisionNo", e."decisionDate", e."expiresAt"
      FROM "OcopProduct" p
      JOIN "AdminUnit" c ON c.id = p."communeId"
      LEFT JOIN "AdminUnit" d ON d.id = c."districtId"
      LEFT JOIN "AdminUnit" pv ON pv.id = c."provinceId"
      JOIN "OcopProducer" pr ON pr.id = p."producerId"
      ${inForce.join}
     WHERE ${inForce.where} ${await areaSql(opts)}
     ORDER BY pv."fullName" COLLATE "vi-VN-x-icu", d."fullName" COLLATE "vi-VN-x-icu" NULLS FIRST,
              c."fullName" COLLATE "vi-VN-x-icu", e.stars DESC, p.name COLLATE "vi-VN-x-icu", p.id`;
}

// cached until the data it is read from changes (lib/cache/cached-read.ts)
export const ocopByStars = figuresRead("ocopByStars", readOcopByStars);
