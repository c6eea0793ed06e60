import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ZSiteSettingsForm } from "@/lib/site/schemas";
import { readSiteSettings } from "@/lib/site/queries";
import { updateSiteSettings } from "@/lib/site/service";
import { appErrorOf, viewerOf } from "./helpers";

const INPUT = {
  name: "Cổng thông tin Nông thôn mới tỉnh Thái Nguyên",
  office: "Văn phòng Điều phối nông thôn mới tỉnh Thái Nguyên",
  address: "Số 18 đường Nha Trang, TP. Thái Nguyên",
  phone: "0208 3855 123",
  email: "vpdpntm@thainguyen.gov.vn",
};

describe("the portal's footer settings", () => {
  let stored: unknown;
  beforeAll(async () => {
    stored = (await db.siteSetting.findUnique({ where: { key: "site" } }))?.value;
  });
  afterAll(async () => {
    await db.siteSetting.update({ where: { key: "site" }, data: { value: stored as object } });
  });

  it("an admin changes them, the demo flag is kept, and the change is audited", async () => {
    const admin = await viewerOf("admin@ntm.demo");
    const auditBefore = await db.auditLog.count({ where: { action: "site.update" } });
    await updateSiteSettings(admin, ZSiteSettingsForm.parse(INPUT));
    const site = await readSiteSettings();
    expect(site).toMatchObject(INPUT);
    expect(site.isDemo).toBe(true);
    const audit = await db.auditLog.findMany({ where: { action: "site.update" }, orderBy: { id: "desc" }, take: 1 });
    expect(await db.auditLog.count({ where: { action: "site.update" } })).toBe(auditBefore + 1);
    expect(audit[0]).toMatchObject({ userId: admin.id, entityType: "SiteSetting", entityId: "site" });
    expect(audit[0].after).toMatchObject(INPUT);
  });

  it.each(["bientap@ntm.demo", "tinh@ntm.demo", "lanhdao@ntm.demo"])("%s cannot change them, and nothing is written", async (email) => {
    const before = await readSiteSettings();
    const auditBefore = await db.auditLog.count();
    await appErrorOf(updateSiteSettings(await viewerOf(email), ZSiteSettingsForm.parse({ ...INPUT, name: "Bị sửa trái phép" })), "FORBIDDEN");
    expect(await readSiteSettings()).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("an anonymous caller cannot change them", async () => {
    await appErrorOf(updateSiteSettings(null, ZSiteSettingsForm.parse(INPUT)), "UNAUTHENTICATED");
  });

  it("the form refuses an invalid e-mail, a phone with letters, an empty name", () => {
    const r = ZSiteSettingsForm.safeParse({ ...INPUT, email: "khong-phai-email", phone: "gọi tôi", name: " " });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["email", "phone", "name"]));
    expect(ZSiteSettingsForm.safeParse({ ...INPUT, email: "", phone: "", address: "" }).success).toBe(true);
  });
});
