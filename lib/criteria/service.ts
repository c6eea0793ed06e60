// Editing indicator thresholds: an admin corrects national values (and marks them verified
// against the official text); a province office sets its province's own stricter or adapted
// value (province override). Every change is audited.
import { assertCan, canActNationally, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { parseVietnameseNumber } from "@/lib/assessments/schemas";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound, type FieldErrors } from "@/lib/errors";
import type { NtmRegion } from "@/lib/generated/prisma/enums";
import type { TIndicatorThresholds } from "./schemas";

const REGIONS: NtmRegion[] = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];

type Key = { region: NtmRegion | null; communeGroup: number | null; provinceId: number | null };

function keyOf(cell: string, provinceId: number | null): Key {
  if (cell === "general") return { region: null, communeGroup: null, provinceId: null };
  if (cell === "province") return { region: null, communeGroup: null, provinceId };
  if (/^g[123]$/.test(cell)) return { region: null, communeGroup: Number(cell.slice(1)), provinceId: null };
  return { region: cell as NtmRegion, communeGroup: null, provinceId: null };
}

export async function updateIndicatorThresholds(viewer: Viewer | null, input: TIndicatorThresholds) {
  assertCan(viewer, "thresholds.edit");
  const indicator = await db.indicator.findUnique({ where: { id: input.indicatorId }, include: { thresholds: true, criterion: { include: { set: true } } } });
  if (!indicator) throw notFound("Không tìm thấy chỉ tiêu.");
  if (indicator.kind === "BOOLEAN") throw new AppError("VALIDATION", "Chỉ tiêu Đạt/Không đạt không có ngưỡng số.");

  // national values are scored for every commune of the country: a national account only
  const national = canActNationally(viewer, "thresholds.national");
  const provinceId = viewer.unitLevel === "PROVINCE" ? viewer.unitId : null;
  const cells = Object.entries(input.cells);
  for (const [cell] of cells) {
    if (cell === "province" ? !provinceId : !national) throw forbidden(cell === "province" ? "Chỉ văn phòng điều phối cấp tỉnh đặt ngưỡng riêng của tỉnh." : "Chỉ quản trị hệ thống cấp trung ương sửa ngưỡng quốc gia.");
    if (indicator.criterion.set.groupingScheme === "REGION_7" ? /^g[123]$/.test(cell) : REGIONS.includes(cell as NtmRegion)) {
      throw new AppError("VALIDATION", "Bộ tiêu chí này không phân ngưỡng theo cách đó.");
    }
  }
  const fieldErrors: FieldErrors = {};
  const parsed = cells.map(([cell, raw]) => {
    if (raw === "") return { cell, value: null as number | null };
    const n = parseVietnameseNumber(raw);
    if (Number.isNaN(n) || n < 0) fieldErrors[cell] = ["Nhập một số không âm (ví dụ 85,5)."];
    else if (indicator.kind === "PERCENT" && n > 100) fieldErrors[cell] = ["Tỷ lệ không vượt quá 100%."];
    return { cell, value: n };
  });
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Ngưỡng nhập chưa hợp lệ.", fieldErrors);

  // every commune must keep a national threshold: a general one, or one for each region/group
  const kept = new Map(indicator.thresholds.filter((t) => !t.provinceId).map((t) => [t.region ?? (t.communeGroup ? `g${t.communeGroup}` : "general"), true]));
  for (const p of parsed) if (p.cell !== "province") kept.set(p.cell, p.value !== null);
  const needed = indicator.criterion.set.groupingScheme === "REGION_7" ? REGIONS : ["g1", "g2", "g3"];
  if (!kept.get("general") && !needed.every((k) => kept.get(k))) {
    throw new AppError("VALIDATION", "Cần giữ ngưỡng chung, hoặc nhập ngưỡng cho mọi vùng/nhóm xã.", { general: ["Không được để trống."] });
  }

  await db.$transaction(async (tx) => {
    const before = indicator.thresholds.map((t) => ({
      region: t.region, communeGroup: t.communeGroup, provinceId: t.provinceId, value: t.value === null ? null : Number(t.value),
      isSample: t.isSample, source: t.source, confidence: t.confidence,
    }));
    for (const { cell, value } of parsed) {
      const key = keyOf(cell, provinceId);
      const existing = indicator.thresholds.find((t) => t.region === key.region && t.communeGroup === key.communeGroup && t.provinceId === key.provinceId);
      if (value === null) {
        if (existing) await tx.indicatorThreshold.delete({ where: { id: existing.id } });
        continue;
      }
      if (existing && existing.value !== null && Number(existing.value) === value) {
        // a value kept as it was keeps its source; the "checked against the text" box sets or
        // clears "mẫu" only on national values without a source
        const isSample = !input.verified && existing.source === null;
        if (!key.provinceId && existing.isSample !== isSample) {
          await tx.indicatorThreshold.update({ where: { id: existing.id }, data: { isSample, updatedById: viewer.id } });
        }
        continue;
      }
      // a new value is no longer the one its source states
      const isSample = key.provinceId ? false : !input.verified;
      const data = { value, isSample, source: null, confidence: null, note: null, updatedById: viewer.id };
      if (existing) await tx.indicatorThreshold.update({ where: { id: existing.id }, data });
      else await tx.indicatorThreshold.create({ data: { indicatorId: indicator.id, ...key, ...data } });
    }
    if (national && input.verified) await tx.indicator.update({ where: { id: indicator.id }, data: { isSample: false } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "threshold.update",
      entityType: "Indicator",
      entityId: indicator.id,
      unitId: provinceId,
      before,
      after: Object.fromEntries(parsed.map((p) => [p.cell, p.value])),
    });
  });
}
