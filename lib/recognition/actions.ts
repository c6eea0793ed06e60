"use server";
// Server actions of the recognition procedure: parse with zod → the service (which authorises)
// → revalidate. A decision or a revocation changes the public figures.
import { revalidatePath, updateTag } from "next/cache";
import { getViewer } from "@/lib/auth";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { toActionError, type ActionResult } from "@/lib/errors";
import { parseInput as parse } from "@/lib/forms";
import { ZDossierStep, ZPropose, ZRevoke } from "./schemas";
import { proposeRecognition, revokeRecognition, stepDossier } from "./service";

export async function proposeRecognitionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const input = parse(ZPropose, Object.fromEntries(form.entries()));
    await proposeRecognition(await getViewer(), input);
    revalidatePath("/quan-ly/xa", "layout");
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}

export async function stepDossierAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const input = parse(ZDossierStep, Object.fromEntries(form.entries()));
    const result = await stepDossier(await getViewer(), input);
    revalidatePath("/quan-ly/xa", "layout");
    if (result.recognitionId) updateTag(CACHE_TAGS.figures);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}

export async function revokeRecognitionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const input = parse(ZRevoke, Object.fromEntries(form.entries()));
    await revokeRecognition(await getViewer(), input);
    revalidatePath("/quan-ly/xa", "layout");
    updateTag(CACHE_TAGS.figures);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
