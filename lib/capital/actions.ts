"use server";
// Server actions of the capital pages: form → the service (which parses and authorises) → revalidate.
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields } from "@/lib/ocop/input";
import type { TAddDisbursement, TCreateLine, TDeleteDisbursement, TUpdateLine } from "./schemas";
import { addDisbursement, createLine, deleteDisbursement, updateLine } from "./service";

function revalidateCapital(lineId?: number) {
  revalidatePath("/quan-ly/von");
  if (lineId) revalidatePath(`/quan-ly/von/${lineId}`);
}

export async function createLineAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const data = await createLine(await getViewer(), formFields<TCreateLine>(form));
    revalidateCapital(data.id);
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function updateLineAction(_prev: ActionResult<{ version: number }> | null, form: FormData): Promise<ActionResult<{ version: number }>> {
  try {
    const data = await updateLine(await getViewer(), formFields<TUpdateLine>(form));
    revalidateCapital(data.id);
    return { ok: true, data: { version: data.version } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function addDisbursementAction(_prev: ActionResult<{ disbursed: number }> | null, form: FormData): Promise<ActionResult<{ disbursed: number }>> {
  try {
    const data = await addDisbursement(await getViewer(), formFields<TAddDisbursement>(form));
    revalidateCapital(Number(form.get("lineId")));
    return { ok: true, data: { disbursed: data.disbursed } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function deleteDisbursementAction(_prev: ActionResult<{ lineId: number }> | null, form: FormData): Promise<ActionResult<{ lineId: number }>> {
  try {
    const data = await deleteDisbursement(await getViewer(), formFields<TDeleteDisbursement>(form));
    revalidateCapital(data.lineId);
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}
