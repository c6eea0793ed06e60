// The OCOP registry on a real database: invalid input gets a clear Vietnamese error and changes
// nothing; product edits use optimistic concurrency; only certified products are public, by
// today's provinces through succession; photos are checked by content and downloadable by anyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { findDownloadableFile } from "@/lib/files/queries";
import { getProductForStaff, getPublicProduct, listPublicProducts, ocopByStars } from "@/lib/ocop/queries";
import { addEvaluation, createProduct, setProductPhoto, updateProduct } from "@/lib/ocop/service";
import { appErrorOf, viewerOf } from "./helpers";
import { loadPlaces, PDF_HEAD, PNG_1x1, snapshotProgramme, type Places } from "./programme-fixtures";

let tinh: Viewer;
let huyen: Viewer;
let places: Places;
let newProvinceId: number;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  [tinh, huyen, places] = await Promise.all([viewerOf("tinh@ntm.demo"), viewerOf("huyen@ntm.demo"), loadPlaces()]);
  newProvinceId = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "19", validTo: null } })).id;
});

afterAll(async () => {
  await db.ocopProduct.deleteMany({ where: { isDemo: false } });
  await db.ocopProducer.deleteMany({ where: { isDemo: false } });
});

let seq = 0;
async function newProduct(communeId = places.tanThanh, name = `Gạo nếp thử nghiệm ${++seq}`) {
  return createProduct(tinh, { communeId, name, group: "FOOD", subgroup: "Gạo, ngũ cốc", producerName: `HTX Gạo thử nghiệm ${seq}`, producerKind: "COOPERATIVE" });
}

const evaluation = (productId: number, patch: Record<string, unknown> = {}) => ({
  productId,
  year: 2024,
  councilLevel: "PROVINCE",
  scoreA: "30",
  scoreB: "20",
  scoreC: "25",
  decisionNo: "88/QĐ-UBND",
  decisionDate: "2024-09-15",
  certificateNo: "OCOP-TN-2024-088",
  ...patch,
});

describe("invalid evaluations are refused with a Vietnamese message and change nothing", () => {
  it.each([
    ["part A above its maximum of 40", { scoreA: "40,5" }, "scoreA", /phần A tối đa 40/],
    ["part B above its maximum of 25", { scoreB: "26" }, "scoreB", /phần B tối đa 25/],
    ["part C above its maximum of 35", { scoreC: 35.01 }, "scoreC", /phần C tối đa 35/],
    ["a negative score", { scoreA: "-1" }, "scoreA", /không được âm/],
    ["a score that is not a number", { scoreB: "hai mươi" }, "scoreB", /phải là một số/],
    ["a decision for a 2-star rank", { scoreA: "15", scoreB: "10", scoreC: "10" }, "decisionNo", /chỉ sản phẩm từ 3 sao/],
    ["a 5-star rank by a province council", { scoreA: "38", scoreB: "24", scoreC: "30" }, "councilLevel", /Trung ương/],
    ["a district council after 1/7/2025", { year: 2025, councilLevel: "DISTRICT", scoreA: "25", scoreB: "15", scoreC: "20", decisionDate: "2025-09-01" }, "councilLevel", /1\/7\/2025/],
    ["a decision dated before the evaluation year", { decisionDate: "2023-12-31" }, "decisionDate", /trước năm đánh giá/],
    ["a decision dated in the future", { year: 2026, decisionDate: "2099-01-01" }, "decisionDate", /tương lai/],
    ["a decision number without its date", { decisionDate: "" }, "decisionDate", /Nhập ngày/],
    ["a certificate without a decision", { decisionNo: "", decisionDate: "" }, "certificateNo", /quyết định/],
  ])("%s", async (_label, patch, field, message) => {
    const { id } = await newProduct();
    const before = await snapshotProgramme();
    const err = await appErrorOf(addEvaluation(tinh, evaluation(id, patch)), "VALIDATION");
    expect(err.fieldErrors?.[field]?.[0]).toMatch(message);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("a second evaluation of the same year is refused", async () => {
    const { id } = await newProduct();
    await addEvaluation(tinh, evaluation(id));
    const before = await snapshotProgramme();
    const err = await appErrorOf(addEvaluation(tinh, evaluation(id, { decisionNo: "89/QĐ-UBND" })), "VALIDATION");
    expect(err.fieldErrors?.year?.[0]).toMatch(/đã có kết quả đánh giá năm 2024/);
    expect(await snapshotProgramme()).toEqual(before);
  });
});

describe("evaluation, re-recognition and certificate", () => {
  it("derives total, stars and expiry; a re-recognition adds to the history and becomes the standing rank", async () => {
    const { id } = await newProduct();
    const first = await addEvaluation(tinh, evaluation(id, { year: 2021, decisionDate: "2021-11-20", scoreA: "22", scoreB: "15", scoreC: "18,5" }));
    expect(first).toMatchObject({ totalScore: 55.5, stars: 3, expiresAt: d("2024-11-20") });
    const second = await addEvaluation(tinh, evaluation(id, { year: 2024, decisionDate: "2024-11-21" }));
    expect(second).toMatchObject({ totalScore: 75, stars: 4, expiresAt: d("2027-11-21") });
    const view = await getProductForStaff(tinh, id);
    expect(view.evaluations.map((e) => [e.year, e.stars, e.state])).toEqual([
      [2024, 4, "VALID"],
      [2021, 3, "EXPIRED"],
    ]);
    expect(view.current?.id).toBe(second.id);
    expect(view.certified).toBe(true);
  });
});

describe("product edits", () => {
  it("the second of two people editing the same version is refused with CONFLICT and changes nothing", async () => {
    const { id } = await newProduct();
    const product = await db.ocopProduct.findUniqueOrThrow({ where: { id } });
    const edit = (name: string) => ({ productId: id, version: 1, communeId: product.communeId, producerId: product.producerId, name, group: "FOOD" });
    expect(await updateProduct(tinh, edit("Gạo nếp cái hoa vàng"))).toEqual({ id, version: 2 });
    const before = await snapshotProgramme();
    const err = await appErrorOf(updateProduct(huyen, edit("Gạo nếp Phú Bình")), "CONFLICT");
    expect(err.message).toMatch(/tải lại trang/);
    expect(await snapshotProgramme()).toEqual(before);
    expect((await db.ocopProduct.findUniqueOrThrow({ where: { id } })).name).toBe("Gạo nếp cái hoa vàng");
  });

  it("a district officer cannot move its product to a commune of another district", async () => {
    const { id } = await newProduct(places.tanThanh);
    const product = await db.ocopProduct.findUniqueOrThrow({ where: { id } });
    const before = await snapshotProgramme();
    await appErrorOf(
      updateProduct(huyen, { productId: id, version: 1, communeId: places.otherDistrict, producerId: product.producerId, name: product.name, group: "FOOD" }),
      "FORBIDDEN",
    );
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("a district officer cannot attach a producer of another district", async () => {
    const other = await newProduct(places.otherDistrict);
    const otherProducer = (await db.ocopProduct.findUniqueOrThrow({ where: { id: other.id } })).producerId;
    const before = await snapshotProgramme();
    await appErrorOf(createProduct(huyen, { communeId: places.tanThanh, name: "Mật ong thử nghiệm", group: "FOOD", producerId: otherProducer }), "FORBIDDEN");
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("the same producer cannot register two products of the same name", async () => {
    const { id } = await newProduct(places.tanThanh, "Chè búp Tân Thành");
    const { producerId } = await db.ocopProduct.findUniqueOrThrow({ where: { id } });
    const before = await snapshotProgramme();
    const err = await appErrorOf(createProduct(tinh, { communeId: places.tanThanh, name: "chè búp tân thành", group: "DRINK", producerId }), "VALIDATION");
    expect(err.fieldErrors?.name?.[0]).toMatch(/cùng tên/);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("a product without a producer is refused field by field", async () => {
    const err = await appErrorOf(createProduct(tinh, { communeId: places.tanThanh, name: "Không chủ thể", group: "FOOD" }), "VALIDATION");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["producerKind", "producerName"]);
  });
});

describe("photos", () => {
  it("a PDF named .png is refused by its content and nothing is stored", async () => {
    const { id } = await newProduct();
    const before = await snapshotProgramme();
    const err = await appErrorOf(setProductPhoto(tinh, { productId: id, file: { name: "anh.png", bytes: PDF_HEAD } }), "VALIDATION");
    expect(err.message).toMatch(/không được chấp nhận/);
    expect(await snapshotProgramme()).toEqual(before); // StoredFile and StoredFileChunk among its tables
  });

  it("a product photo is public once the product is certified; before, only staff whose scope covers it", async () => {
    const { id } = await newProduct();
    const { fileId } = await setProductPhoto(tinh, { productId: id, file: { name: "che.png", bytes: PNG_1x1 } });
    expect(await findDownloadableFile(null, fileId)).toBeNull();
    expect(await findDownloadableFile(tinh, fileId)).toMatchObject({ id: fileId, mimeType: "image/png" });
    await addEvaluation(tinh, evaluation(id));
    expect(await findDownloadableFile(null, fileId)).toMatchObject({ id: fileId, mimeType: "image/png" });
  });
});

describe("the public directory shows certified products only", () => {
  it("a product ranked below 3 stars, or without a decision, is not public; with a 3-star decision it is", async () => {
    const low = await newProduct();
    await addEvaluation(tinh, evaluation(low.id, { scoreA: "15", scoreB: "10", scoreC: "10", decisionNo: "", decisionDate: "", certificateNo: "" }));
    const pending = await newProduct();
    await addEvaluation(tinh, evaluation(pending.id, { decisionNo: "", decisionDate: "", certificateNo: "" }));
    const certified = await newProduct();
    await addEvaluation(tinh, evaluation(certified.id));

    expect(await getPublicProduct(low.slug)).toBeNull();
    expect(await getPublicProduct(pending.slug)).toBeNull();
    expect(await getPublicProduct(certified.slug)).toMatchObject({ current: { stars: 4, decisionNo: "88/QĐ-UBND" } });

    // today's Thái Nguyên shows the products of the communes of the old province through succession
    const list = await listPublicProducts({ provinceId: newProvinceId, page: 1, q: "Gạo nếp thử nghiệm" });
    const slugs = list.items.map((p) => p.slug);
    expect(slugs).toContain(certified.slug);
    expect(slugs).not.toContain(low.slug);
    expect(slugs).not.toContain(pending.slug);
    // …and not those of another province
    const caoBang = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "04", validTo: null } })).id;
    expect((await listPublicProducts({ provinceId: caoBang, page: 1, q: "Gạo nếp thử nghiệm" })).items).toHaveLength(0);
  });

  it("an expired certificate is hidden unless asked for; stars and group filter", async () => {
    const old = await newProduct();
    await addEvaluation(tinh, evaluation(old.id, { year: 2020, decisionDate: "2020-10-01", councilLevel: "DISTRICT", scoreA: "22", scoreB: "15", scoreC: "18" }));
    const q = "Gạo nếp thử nghiệm";
    expect((await listPublicProducts({ page: 1, q })).items.map((p) => p.slug)).not.toContain(old.slug);
    expect((await listPublicProducts({ page: 1, q, includeExpired: true })).items.map((p) => p.slug)).toContain(old.slug);
    expect((await listPublicProducts({ page: 1, q, includeExpired: true, stars: 4 })).items.map((p) => p.slug)).not.toContain(old.slug);
    expect((await listPublicProducts({ page: 1, q, includeExpired: true, group: "HANDICRAFT" })).items).toHaveLength(0);
  });
});

describe("OCOP by stars for the dashboards", () => {
  it("counts products holding a certificate in force on a day, by their rank then, through succession", async () => {
    const days = [d("2025-02-28"), d("2025-06-01"), d("2028-03-01")];
    const count = () => Promise.all(days.map((asOf) => ocopByStars({ provinceId: newProvinceId, asOf })));
    const five = (rows: { stars: number; products: number }[]) => rows.find((r) => r.stars === 5)!.products;
    const caoBang = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "04", validTo: null } })).id;
    const caoBangBefore = await ocopByStars({ provinceId: caoBang, asOf: days[1] });
    const before = await count();
    expect(before[0].map((r) => r.stars)).toEqual([3, 4, 5]);
    const { id } = await newProduct();
    await addEvaluation(tinh, evaluation(id, { year: 2025, decisionDate: "2025-03-01", scoreA: "36", scoreB: "24", scoreC: "31", councilLevel: "CENTRAL" }));
    const after = await count();
    expect(five(after[0])).toBe(five(before[0])); // the day before the decision
    expect(five(after[1])).toBe(five(before[1]) + 1); // in force
    expect(five(after[2])).toBe(five(before[2])); // 36 months later: ended
    // another province's figure does not move
    expect(await ocopByStars({ provinceId: caoBang, asOf: days[1] })).toEqual(caoBangBefore);
  });
});
