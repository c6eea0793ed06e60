"use server";
// Server actions of the plan pages: form → the service (which parses and authorises) → revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields } from "@/lib/ocop/input";
import type { TDeleteEntry, TRegisterEntry, TRemoveRoadmapItem, TSaveRoadmapItem, TUpdateEntry } from "./schemas";
import { deletePlanEntry, registerPlanEntry, removeRoadmapItem, saveRoadmapItem, updatePlanEntry } from "./service";

function revalidatePlans(entryId?: number) {
  revalidatePath("/quan-ly/ke-hoach", "layout");
  if (entryId) revalidatePath(`/quan-ly/ke-hoach/${entryId}`);
}

export async function registerPlanEntryAction(_prev: ActionResult<{ id: number; roadmapItems: number }> | null, form: FormData): Promise<ActionResult<{ id: number; roadmapItems: number }>> {
  try {
    const data = await registerPlanEntry(await getViewer(), formFields<TRegisterEntry>(form));
    revalidatePlans(data.id);
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function updatePlanEntryAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const data = await updatePlanEntry(await getViewer(), formFields<TUpdateEntry>(form));
    revalidatePlans(data.id);
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function deletePlanEntryAction(_prev: ActionResult<{ year: number }> | null, form: FormData): Promise<ActionResult<{ year: number }>> {
  let year: number;
  try {
    year = (await deletePlanEntry(await getViewer(), formFields<TDeleteEntry>(form))).year;
    revalidatePlans();
  } catch (err) {
    return toActionError(err);
  }
  redirect(`/quan-ly/ke-hoach?nam=${year}`);
}

export async function saveRoadmapItemAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const data = await saveRoadmapItem(await getViewer(), formFields<TSaveRoadmapItem>(form));
    revalidatePlans(Number(form.get("entryId")));
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function removeRoadmapItemAction(_prev: ActionResult<{ entryId: number }> | null, form: FormData): Promise<ActionResult<{ entryId: number }>> {
  try {
    const data = await removeRoadmapItem(await getViewer(), formFields<TRemoveRoadmapItem>(form));
    revalidatePlans(data.entryId);
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}
