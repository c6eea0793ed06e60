// Writes of the OCOP registry: check the permission → parse → load the target from the database →
// authorise by the scope of the commune it belongs to → one transaction with the change and its
// audit row. Each function takes the viewer; the unit is never taken from the form.
import { assertCan, assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { checkUpload, type FileKind } from "@/lib/files/rules";
import { recordUpload, RECORDING_TRANSACTION } from "@/lib/files/storage";
import { todayInVietnam } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { parseInput, validationError } from "./input";
import { certificateExpiry, councilLevelError, MIN_CERTIFIED_STARS, scoreErrors, starsFromScore, totalScore } from "./rules";
import { ZAddEvaluation, ZCreateProduct, ZUpdateProduct, type TAddEvaluation, type TCreateProduct, type TUpdateProduct } from "./schemas";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_KINDS: FileKind[] = ["jpeg", "png", "webp"];

const unitScope = { id: true, level: true, provinceId: true, districtId: true, fullName: true } as const;

async function loadCommune(communeId: number) {
  const commune = await db.adminUnit.findUnique({ where: { id: communeId }, select: unitScope });
  if (!commune || commune.level !== "COMMUNE") throw validationError({ communeId: ["Không tìm thấy xã này."] }, "Không tìm thấy xã của sản phẩm.");
  return commune;
}

async function loadProduct(productId: number) {
  const product = await db.ocopProduct.findUnique({ where: { id: productId }, include: { commune: { select: unitScope }, producer: true } });
  if (!product) throw notFound("Không tìm thấy sản phẩm OCOP.");
  return product;
}

/** An existing producer must be one the viewer answers for; a new one is created in the product's commune. */
async function resolveProducer(viewer: Viewer, input: { producerId: number | null }) {
  if (!input.producerId) return null;
  const producer = await db.ocopProducer.findUnique({ where: { id: input.producerId }, include: { commune: { select: unitScope } } });
  if (!producer) throw validationError({ producerId: ["Không tìm thấy chủ thể này."] });
  assertCan(viewer, "ocop.edit", producer.commune);
  return producer;
}

async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name) || "san-pham-ocop";
  const taken = new Set((await tx.ocopProduct.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function assertNoTwin(tx: Tx, producerId: number, name: string, exceptId?: number) {
  const twin = await tx.ocopProduct.findFirst({
    where: { producerId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (twin) throw validationError({ name: ["Chủ thể này đã có một sản phẩm cùng tên."] }, "Sản phẩm đã có trong danh mục.");
}

const snapshot = (p: { name: string; communeId: number; producerId: number; group: string; subgroup: string | null; description: string | null }) => ({
  name: p.name,
  communeId: p.communeId,
  producerId: p.producerId,
  group: p.group,
  subgroup: p.subgroup,
  description: p.description,
});

/** Registers a product of a commune in the viewer's scope, with its producer (existing or new). */
export async function createProduct(viewer: Viewer | null, raw: TCreateProduct): Promise<{ id: number; slug: string }> {
  assertPermission(viewer, "ocop.edit");
  const input = parseInput(ZCreateProduct, raw);
  const commune = await loadCommune(input.communeId);
  assertCan(viewer, "ocop.edit", commune);
  const existing = await resolveProducer(viewer, input);

  return db.$transaction(async (tx) => {
    const producer =
      existing ??
      (await tx.ocopProducer.create({
        data: { name: input.producerName!, kind: input.producerKind as "ENTERPRISE", communeId: commune.id, address: input.producerAddress },
      }));
    await assertNoTwin(tx, producer.id, input.name);
    const product = await tx.ocopProduct.create({
      data: {
        name: input.name,
        slug: await uniqueSlug(tx, input.name),
        producerId: producer.id,
        communeId: commune.id,
        group: input.group as "FOOD",
        subgroup: input.subgroup,
        description: input.description,
      },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "ocop.product.create",
      entityType: "OcopProduct",
      entityId: product.id,
      unitId: commune.id,
      after: { ...snapshot(product), producer: existing ? undefined : { name: producer.name, kind: producer.kind } },
    });
    return { id: product.id, slug: product.slug };
  });
}

/**
 * Edits a product. Refused when someone saved it since the form was loaded (optimistic
 * concurrency on OcopProduct.version). Moving it to another commune needs that commune in
 * scope too. The slug stays: published addresses keep working after a rename.
 */
export async function updateProduct(viewer: Viewer | null, raw: TUpdateProduct): Promise<{ id: number; version: number }> {
  assertPermission(viewer, "ocop.edit");
  const input = parseInput(ZUpdateProduct, raw);
  const product = await loadProduct(input.productId);
  assertCan(viewer, "ocop.edit", product.commune);
  const commune = input.communeId === product.communeId ? product.commune : await loadCommune(input.communeId);
  assertCan(viewer, "ocop.edit", commune);
  const existing = input.producerId === product.producerId ? product.producer : await resolveProducer(viewer, input);

  return db.$transaction(async (tx) => {
    const producer =
      existing ??
      (await tx.ocopProducer.create({
        data: { name: input.producerName!, kind: input.producerKind as "ENTERPRISE", communeId: commune.id, address: input.producerAddress },
      }));
    await assertNoTwin(tx, producer.id, input.name, product.id);
    const data = {
      name: input.name,
      communeId: commune.id,
      producerId: producer.id,
      group: input.group as "FOOD",
      subgroup: input.subgroup,
      description: input.description,
    };
    // the version in the WHERE makes the second of two concurrent saves fail here
    const updated = await tx.ocopProduct.updateMany({ where: { id: product.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) {
      throw new AppError("CONFLICT", "Sản phẩm vừa được người khác sửa sau khi bạn mở trang. Hãy tải lại trang để xem thông tin mới rồi sửa lại.");
    }
    await writeAudit(tx, {
      userId: viewer.id,
      action: "ocop.product.update",
      entityType: "OcopProduct",
      entityId: product.id,
      unitId: commune.id,
      before: snapshot(product),
      after: snapshot(data),
    });
    return { id: product.id, version: input.version + 1 };
  });
}

export interface AddedEvaluation {
  id: number;
  totalScore: number;
  stars: number;
  expiresAt: Date | null;
}

/**
 * Records an evaluation (đánh giá, phân hạng) of a product — a re-recognition adds another.
 * Each part is checked against its maximum (A 40 · B 25 · C 35); the total, the star rank and the
 * certificate's expiry (decision + 36 months) are derived, never typed. A decision is given only
 * to 3★ and above, dated within [1/1 of the evaluation year, today]; the council level must fit
 * the rank; one evaluation per product and year.
 */
export async function addEvaluation(viewer: Viewer | null, raw: TAddEvaluation): Promise<AddedEvaluation> {
  assertPermission(viewer, "ocop.edit");
  const input = parseInput(ZAddEvaluation, raw);
  const product = await loadProduct(input.productId);
  assertCan(viewer, "ocop.edit", product.commune);

  const fieldErrors: FieldErrors = {};
  const scores = { A: input.scoreA, B: input.scoreB, C: input.scoreC };
  for (const [part, message] of Object.entries(scoreErrors(scores))) fieldErrors[`score${part}`] = [message];
  const today = todayInVietnam();
  if (input.year > today.getUTCFullYear()) fieldErrors.year = ["Năm đánh giá không được ở tương lai."];
  const total = totalScore(scores);
  const stars = starsFromScore(total);
  if (input.decisionDate) {
    if (input.decisionDate.getUTCFullYear() < input.year) fieldErrors.decisionDate = [`Ngày quyết định không thể trước năm đánh giá ${input.year}.`];
    else if (input.decisionDate > today) fieldErrors.decisionDate = ["Ngày quyết định không được ở tương lai."];
  }
  if (!Object.keys(fieldErrors).length) {
    if (input.decisionNo && stars < MIN_CERTIFIED_STARS) {
      fieldErrors.decisionNo = [`Tổng điểm ${total} xếp hạng ${stars} sao: chỉ sản phẩm từ 3 sao trở lên được công nhận và cấp giấy chứng nhận OCOP.`];
    }
    const council = councilLevelError(stars, input.councilLevel, input.decisionDate);
    if (council) fieldErrors.councilLevel = [council];
  }
  if (Object.keys(fieldErrors).length) throw validationError(fieldErrors);

  return db.$transaction(async (tx) => {
    // one evaluation per product and year; the product row is locked so two entries of the same
    // year cannot both pass the check
    await tx.$queryRaw`SELECT id FROM "OcopProduct" WHERE id = ${product.id} FOR UPDATE`;
    const sameYear = await tx.ocopEvaluation.findFirst({ where: { productId: product.id, year: input.year }, select: { id: true } });
    if (sameYear) throw validationError({ year: [`Sản phẩm đã có kết quả đánh giá năm ${input.year}.`] }, "Kết quả đánh giá của năm này đã được ghi nhận.");
    const expiresAt = input.decisionDate ? certificateExpiry(input.decisionDate) : null;
    const evaluation = await tx.ocopEvaluation.create({
      data: {
        productId: product.id,
        year: input.year,
        councilLevel: input.councilLevel,
        scoreA: scores.A,
        scoreB: scores.B,
        scoreC: scores.C,
        totalScore: total,
        stars,
        decisionNo: input.decisionNo,
        decisionDate: input.decisionDate,
        certificateNo: input.certificateNo,
        expiresAt,
      },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "ocop.evaluation.add",
      entityType: "OcopProduct",
      entityId: product.id,
      unitId: product.communeId,
      after: { evaluationId: evaluation.id, year: input.year, councilLevel: input.councilLevel, scores, totalScore: total, stars, decisionNo: input.decisionNo, decisionDate: input.decisionDate, expiresAt },
    });
    return { id: evaluation.id, totalScore: total, stars, expiresAt };
  });
}

/** Sets the product's photo (JPEG, PNG or WebP up to 5 MB, checked by its content). */
export async function setProductPhoto(
  viewer: Viewer | null,
  input: { productId: number; file: { name: string; bytes: Uint8Array } },
): Promise<{ fileId: number; fileName: string }> {
  assertPermission(viewer, "ocop.edit");
  const product = await loadProduct(input.productId);
  assertCan(viewer, "ocop.edit", product.commune);
  const size = input.file.bytes.length;
  const check = checkUpload({ name: input.file.name, size, bytes: input.file.bytes }, { maxBytes: PHOTO_MAX_BYTES, kinds: PHOTO_KINDS });
  if ("error" in check) throw validationError({ file: [check.error] }, check.error);

  return db.$transaction(async (tx) => {
    const stored = await recordUpload(tx, { bytes: input.file.bytes, name: input.file.name, kind: check.kind, userId: viewer.id });
    await tx.ocopProduct.update({ where: { id: product.id }, data: { photoId: stored.id } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "ocop.product.photo",
      entityType: "OcopProduct",
      entityId: product.id,
      unitId: product.communeId,
      before: { photoId: product.photoId },
      after: { photoId: stored.id, file: stored.fileName, size: stored.size, sha256: stored.sha256 },
    });
    return { fileId: stored.id, fileName: stored.fileName };
  }, RECORDING_TRANSACTION);
}
