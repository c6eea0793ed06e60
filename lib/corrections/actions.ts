"use server";
// Server actions of the correction forms: form → the service (which parses and authorises) → revalidate.
import { revalidatePath, updateTag } from "next/cache";
import { getViewer } from "@/lib/auth";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields } from "@/lib/forms";
import { approveCorrection, rejectCorrection, requestCorrection } from "./service";

function revalidateCorrections() {
  revalidatePath("/quan-ly/xa", "layout");
  revalidatePath("/quan-ly/dieu-chinh");
}

/** The request form sends the chosen indicators as `v_<indicatorId>` = new value. */
export async function requestCorrectionAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const fields = formFields(form);
    const values: Record<string, string> = {};
    for (const [key, v] of Object.entries(fields)) {
      const m = /^v_(\d+)$/.exec(key);
      if (m && typeof v === "string") values[m[1]] = v;
    }
    const data = await requestCorrection(await getViewer(), { assessmentId: fields.assessmentId as string, reason: (fields.reason as string) ?? "", values });
    revalidateCorrections();
    return { ok: true, data: { id: data.id } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function approveCorrectionAction(_prev: ActionResult<{ criteriaMet: number; criteriaTotal: number }> | null, form: FormData): Promise<ActionResult<{ criteriaMet: number; criteriaTotal: number }>> {
  try {
    const fields = formFields(form);
    const data = await approveCorrection(await getViewer(), { requestId: fields.requestId as string, note: (fields.note as string) ?? "" });
    revalidateCorrections();
    // public figures (and the home page's cached ones) may have changed
    updateTag(CACHE_TAGS.figures);
    return { ok: true, data: { criteriaMet: data.criteriaMet, criteriaTotal: data.criteriaTotal } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function rejectCorrectionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const fields = formFields(form);
    await rejectCorrection(await getViewer(), { requestId: fields.requestId as string, note: (fields.note as string) ?? "" });
    revalidateCorrections();
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
