"use server";
// Server actions of the entry screen: parse with zod → the service (which authorises) → revalidate.
import { revalidatePath, updateTag } from "next/cache";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { parseInput as parse } from "@/lib/forms";
import { ZSaveCriterion, ZTransition } from "./schemas";
import { attachEvidence, saveCriterion, transitionAssessment, type SaveCriterionResult } from "./service";

export async function saveCriterionAction(_prev: ActionResult<SaveCriterionResult> | null, form: FormData): Promise<ActionResult<SaveCriterionResult>> {
  try {
    const values: Record<string, string | null> = {};
    for (const [key, v] of form.entries()) {
      const m = /^v_(\d+)$/.exec(key);
      if (m && typeof v === "string") values[m[1]] = v;
    }
    const input = parse(ZSaveCriterion, {
      communeId: form.get("communeId"),
      year: form.get("year"),
      criterionId: form.get("criterionId"),
      version: form.get("version"),
      values,
      evidenceNote: form.get("evidenceNote") ?? "",
      overrideStatus: form.get("overrideStatus") ?? "",
      overrideReason: form.get("overrideReason") ?? "",
    });
    const data = await saveCriterion(await getViewer(), input);
    revalidatePath(`/quan-ly/xa/${input.communeId}`);
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function transitionAction(_prev: ActionResult<{ status: string }> | null, form: FormData): Promise<ActionResult<{ status: string }>> {
  try {
    const input = parse(ZTransition, Object.fromEntries(form.entries()));
    const data = await transitionAssessment(await getViewer(), input);
    revalidatePath("/quan-ly/xa", "layout");
    // public figures count confirmed reports: a confirmation changes them
    if (data.status === "CONFIRMED") updateTag(CACHE_TAGS.figures);
    return { ok: true, data: { status: data.status } };
  } catch (err) {
    return toActionError(err);
  }
}

const ZEvidence = z.object({
  communeId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2010).max(2035),
  criterionId: z.coerce.number().int().positive(),
});

export async function uploadEvidenceAction(_prev: ActionResult<{ fileName: string }> | null, form: FormData): Promise<ActionResult<{ fileName: string }>> {
  try {
    const input = parse(ZEvidence, { communeId: form.get("communeId"), year: form.get("year"), criterionId: form.get("criterionId") });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "Chọn tệp minh chứng (PDF hoặc ảnh).", { file: ["Chưa chọn tệp."] });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const data = await attachEvidence(await getViewer(), { ...input, file: { name: file.name, size: file.size, bytes } });
    revalidatePath(`/quan-ly/xa/${input.communeId}`);
    return { ok: true, data: { fileName: data.fileName } };
  } catch (err) {
    return toActionError(err);
  }
}
