// DEMO OCOP products and capital lines (isDemo = true), deterministic.
import { addMonths } from "date-fns";
import { starsFromScore } from "../../lib/ocop/rules.ts";
import { slugify } from "../../lib/slug.ts";
import { createRandom, insertRows, type Sql } from "./sql.ts";
import type { DemoCommune } from "./demo-assessments.ts";

const PRODUCTS: { name: string; group: string; subgroup: string }[] = [
  { name: "Chè búp khô", group: "DRINK", subgroup: "Chè và sản phẩm từ chè" },
  { name: "Miến dong", group: "FOOD", subgroup: "Sản phẩm chế biến từ tinh bột" },
  { name: "Mật ong rừng", group: "FOOD", subgroup: "Mật ong, sản phẩm từ mật ong" },
  { name: "Gạo nếp cái hoa vàng", group: "FOOD", subgroup: "Gạo, ngũ cốc" },
  { name: "Nước mắm truyền thống", group: "FOOD", subgroup: "Gia vị" },
  { name: "Rượu men lá", group: "DRINK", subgroup: "Đồ uống có cồn" },
  { name: "Cao dược liệu", group: "HERBAL", subgroup: "Thực phẩm chức năng, thuốc dược liệu" },
  { name: "Trà hoa vàng", group: "HERBAL", subgroup: "Trà dược liệu" },
  { name: "Chổi đót", group: "HANDICRAFT", subgroup: "Thủ công mỹ nghệ gia dụng" },
  { name: "Thổ cẩm dệt tay", group: "HANDICRAFT", subgroup: "Dệt may" },
  { name: "Bonsai sứ", group: "ORNAMENTAL", subgroup: "Cây cảnh" },
  { name: "Du lịch cộng đồng bản", group: "TOURISM", subgroup: "Du lịch cộng đồng" },
  { name: "Bánh chưng gù", group: "FOOD", subgroup: "Sản phẩm chế biến" },
  { name: "Thịt trâu gác bếp", group: "FOOD", subgroup: "Thịt và sản phẩm từ thịt" },
  { name: "Tỏi cô đơn", group: "FOOD", subgroup: "Rau, củ, quả tươi" },
  { name: "Nho sấy", group: "FOOD", subgroup: "Rau, củ, quả chế biến" },
];
const PRODUCER_KINDS = ["COOPERATIVE", "COOPERATIVE", "HOUSEHOLD", "ENTERPRISE", "COOPERATIVE_GROUP"];
const PRODUCER_PREFIX: Record<string, string> = {
  COOPERATIVE: "HTX",
  HOUSEHOLD: "Hộ kinh doanh",
  ENTERPRISE: "Công ty TNHH",
  COOPERATIVE_GROUP: "Tổ hợp tác",
};
const SOURCES = ["NSTW_DTPT", "NSTW_SN", "NSDP", "LONG_GHEP", "TIN_DUNG", "DOANH_NGHIEP", "DAN_GOP"];

export async function seedDemoOcop(sql: Sql, communes: DemoCommune[], communeNames: Map<number, string>) {
  const rng = createRandom(2026);
  const producers: unknown[][] = [];
  const products: { communeId: number; name: string; group: string; subgroup: string; kind: string }[] = [];
  for (const c of communes) {
    if (!rng.chance(0.22)) continue;
    const p = rng.pick(PRODUCTS);
    const kind = rng.pick(PRODUCER_KINDS);
    const place = communeNames.get(c.id) ?? c.code;
    producers.push([`${PRODUCER_PREFIX[kind]} ${p.name.split(" ")[0]} ${place}`, kind, c.id, true]);
    products.push({ communeId: c.id, name: `${p.name} ${place}`, group: p.group, subgroup: p.subgroup, kind });
  }
  const producerIds = await insertRows<{ id: number }>(
    sql, "OcopProducer",
    [{ name: "name", type: "text" }, { name: "kind", type: "ProducerKind" }, { name: "communeId", type: "int" }, { name: "isDemo", type: "boolean" }],
    producers, { returning: "id" },
  );
  const seenSlugs = new Set<string>();
  const productIds = await insertRows<{ id: number }>(
    sql, "OcopProduct",
    [
      { name: "name", type: "text" }, { name: "slug", type: "text" }, { name: "producerId", type: "int" },
      { name: "communeId", type: "int" }, { name: "group", type: "OcopGroup" }, { name: "subgroup", type: "text" },
      { name: "isDemo", type: "boolean" },
    ],
    products.map((p, i) => {
      let slug = slugify(p.name);
      while (seenSlugs.has(slug)) slug = `${slugify(p.name)}-${i}`;
      seenSlugs.add(slug);
      return [p.name, slug, producerIds[i].id, p.communeId, p.group, p.subgroup, true];
    }),
    { returning: "id" },
  );
  const evaluations: unknown[][] = [];
  productIds.forEach(({ id }, i) => {
    let year = rng.int(2019, 2023);
    let score = 50 + rng.next() * 42;
    for (let round = 0; round < 2 && year <= 2025; round++) {
      const a = Math.min(40, (score * 0.4) * (0.9 + rng.next() * 0.2));
      const b = Math.min(25, (score * 0.25) * (0.9 + rng.next() * 0.2));
      const c = Math.min(35, score - a - b);
      const total = Math.round((a + b + c) * 100) / 100;
      const decisionDate = new Date(Date.UTC(year, rng.int(5, 11), rng.int(1, 28)));
      const stars = starsFromScore(total);
      evaluations.push([id, year, stars >= 5 ? "CENTRAL" : stars === 4 ? "PROVINCE" : "DISTRICT",
        a.toFixed(2), b.toFixed(2), c.toFixed(2), total.toFixed(2), stars,
        `${100 + i}/QĐ-UBND`, decisionDate, `OCOP-${year}-${String(i + 1).padStart(4, "0")}`, addMonths(decisionDate, 36)]);
      year += 3; // re-recognition when the certificate ends
      score = Math.min(96, score + rng.next() * 6);
    }
  });
  await insertRows(
    sql, "OcopEvaluation",
    [
      { name: "productId", type: "int" }, { name: "year", type: "int" }, { name: "councilLevel", type: "CouncilLevel" },
      { name: "scoreA", type: "numeric" }, { name: "scoreB", type: "numeric" }, { name: "scoreC", type: "numeric" },
      { name: "totalScore", type: "numeric" }, { name: "stars", type: "int" }, { name: "decisionNo", type: "text" },
      { name: "decisionDate", type: "date" }, { name: "certificateNo", type: "text" }, { name: "expiresAt", type: "date" },
    ],
    evaluations,
  );
  return { products: productIds.length, evaluations: evaluations.length };
}

/** Capital lines per province and year by source, in million VND, with dated disbursements. */
export async function seedDemoCapital(sql: Sql, provinceIds: number[], years: number[]) {
  const rng = createRandom(1600);
  const lines: unknown[][] = [];
  for (const unitId of provinceIds) {
    for (const year of years) {
      for (const source of SOURCES) {
        if (!rng.chance(0.8)) continue;
        const allocated = Math.round((20_000 + rng.next() * 180_000) / 10) * 10;
        lines.push([year, unitId, source, allocated * (1 + rng.next() * 0.1), allocated, `${year + 1}-01-31`, true]);
      }
    }
  }
  const ids = await insertRows<{ id: number; year: number; allocated: string }>(
    sql, "CapitalLine",
    [
      { name: "year", type: "int" }, { name: "unitId", type: "int" }, { name: "source", type: "CapitalSource" },
      { name: "planned", type: "numeric" }, { name: "allocated", type: "numeric" }, { name: "disbursementDeadline", type: "date" },
      { name: "isDemo", type: "boolean" },
    ],
    lines, { returning: "id, year, allocated" },
  );
  const disbursements: unknown[][] = [];
  for (const line of ids) {
    const rate = 0.55 + rng.next() * 0.45; // share disbursed by the deadline
    const allocated = Number(line.allocated);
    for (const [month, share] of [[3, 0.15], [6, 0.35], [9, 0.3], [12, 0.2]] as const) {
      disbursements.push([line.id, `${line.year}-${String(month).padStart(2, "0")}-28`, Math.round(allocated * rate * share)]);
    }
  }
  await insertRows(
    sql, "CapitalDisbursement",
    [{ name: "lineId", type: "int" }, { name: "date", type: "date" }, { name: "amount", type: "numeric" }],
    disbursements,
  );
  return { capitalLines: ids.length, disbursements: disbursements.length };
}
