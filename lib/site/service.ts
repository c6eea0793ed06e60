// Editing the portal's identity (SiteSetting "site"): name, responsible office, address, phone,
// e-mail shown in every public page's footer. National accounts with site.manage only; audited in the same transaction.
import { writeAudit } from "@/lib/audit";
import { assertCanNationally, type Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { ZSite, type TSite, type TSiteSettingsForm } from "./schemas";

export async function updateSiteSettings(viewer: Viewer | null, input: TSiteSettingsForm): Promise<TSite> {
  assertCanNationally(viewer, "site.manage");
  return db.$transaction(async (tx) => {
    const row = await tx.siteSetting.findUnique({ where: { key: "site" } });
    const before = ZSite.safeParse(row?.value);
    // the demo flag is the seed's, not a setting
    const after: TSite = { ...input, ...(before.success && before.data.isDemo !== undefined ? { isDemo: before.data.isDemo } : {}) };
    await tx.siteSetting.upsert({ where: { key: "site" }, create: { key: "site", value: after }, update: { value: after } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "site.update",
      entityType: "SiteSetting",
      entityId: "site",
      before: row?.value ?? null,
      after,
    });
    return after;
  });
}
