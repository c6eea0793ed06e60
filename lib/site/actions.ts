"use server";
import { updateTag } from "next/cache";
import { getViewer } from "@/lib/auth";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields, parseInput } from "@/lib/forms";
import { ZSiteSettingsForm } from "./schemas";
import { updateSiteSettings } from "./service";

export async function updateSiteSettingsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const input = parseInput(ZSiteSettingsForm, formFields(form));
    await updateSiteSettings(await getViewer(), input);
    // every public page shows the footer: its cached pages and reads expire now
    updateTag(CACHE_TAGS.site);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
