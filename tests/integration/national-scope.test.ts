// Objects of the whole country — the national thresholds every commune is scored against and the
// portal's own settings — are changed by national accounts only. An ADMIN scoped to one province
// administers that province (its overrides), and its refused attempts change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { updateIndicatorThresholds } from "@/lib/criteria/service";
import { db } from "@/lib/db";
import { readSiteSettings } from "@/lib/site/queries";
import { ZSiteSettingsForm } from "@/lib/site/schemas";
import { updateSiteSettings } from "@/lib/site/service";
import { appErrorOf, viewerOf } from "./helpers";
import { reportFigure } from "../figures";

let nationalAdmin: Viewer;
let provinceAdmin: Viewer;
let provinceOfficer: Viewer;
let indicatorId: number;
let thresholdsBefore: unknown[];

const thresholdsOf = (id: number) =>
  db.indicatorThreshold.findMany({ where: { indicatorId: id }, orderBy: { id: "asc" }, select: { region: true, communeGroup: true, provinceId: true, value: true, isSample: true } });

beforeAll(async () => {
  nationalAdmin = await viewerOf("admin@ntm.demo");
  provinceAdmin = await viewerOf("admin.tinh@ntm.demo");
  provinceOfficer = await viewerOf("tinh@ntm.demo");
  // a numeric indicator of the 2021–2025 set with a general national threshold
  const indicator = await db.indicator.findFirstOrThrow({
    where: { kind: "PERCENT", criterion: { set: { code: "XA_2021_2025" } }, thresholds: { some: { region: null, communeGroup: null, provinceId: null } } },
    orderBy: { id: "asc" },
  });
  indicatorId = indicator.id;
  thresholdsBefore = await thresholdsOf(indicatorId);
});

afterAll(async () => {
  // put the indicator's thresholds back as the seed wrote them
  await db.indicatorThreshold.deleteMany({ where: { indicatorId } });
  await db.indicatorThreshold.createMany({ data: (thresholdsBefore as { region: null; communeGroup: null; provinceId: number | null; value: unknown; isSample: boolean }[]).map((t) => ({ ...t, indicatorId, value: t.value as number })) });
});

describe("national thresholds", () => {
  it("the seed has an administrator of one province, with the ADMIN role", () => {
    expect(provinceAdmin.role).toBe("ADMIN");
    expect(provinceAdmin.unitLevel).toBe("PROVINCE");
  });

  it.each([
    ["the administrator of Thái Nguyên", () => provinceAdmin],
    ["the province officer of Thái Nguyên", () => provinceOfficer],
  ])("%s cannot change a national threshold, and nothing is written", async (_who, viewer) => {
    const auditBefore = await db.auditLog.count();
    await appErrorOf(updateIndicatorThresholds(viewer(), { indicatorId, cells: { general: "1" }, verified: true }), "FORBIDDEN");
    expect(await thresholdsOf(indicatorId)).toEqual(thresholdsBefore);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("the administrator of Thái Nguyên sets the province's own threshold, audited under the province", async () => {
    await updateIndicatorThresholds(provinceAdmin, { indicatorId, cells: { province: "97" }, verified: false });
    const own = (await thresholdsOf(indicatorId)).filter((t) => t.provinceId !== null);
    expect(own.map((t) => [t.provinceId, Number(t.value)])).toEqual([[provinceAdmin.unitId, 97]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "threshold.update", userId: provinceAdmin.id }, orderBy: { id: "desc" } });
    expect(audit.unitId).toBe(provinceAdmin.unitId);
  });

  it("the national administrator changes a national threshold, audited without a province", async () => {
    await updateIndicatorThresholds(nationalAdmin, { indicatorId, cells: { general: "96" }, verified: false });
    const general = (await thresholdsOf(indicatorId)).find((t) => t.region === null && t.communeGroup === null && t.provinceId === null);
    expect(Number(general?.value)).toBe(96);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "threshold.update", userId: nationalAdmin.id }, orderBy: { id: "desc" } });
    expect(audit.unitId).toBeNull();
  });
});

describe("the portal's settings", () => {
  it("the administrator of Thái Nguyên cannot rename the national portal, and nothing is written", async () => {
    const before = await readSiteSettings();
    const auditBefore = await db.auditLog.count();
    const input = ZSiteSettingsForm.parse({ name: "Cổng bị đổi tên", office: "Văn phòng khác", address: "", phone: "", email: "" });
    await appErrorOf(updateSiteSettings(provinceAdmin, input), "FORBIDDEN");
    expect(await readSiteSettings()).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
    reportFigure("national objects: a province-scoped ADMIN is refused national thresholds and site settings, nothing written");
  });
});
