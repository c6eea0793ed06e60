"use server";
// Server actions of the document editor: parse → service → expire the public documents cache.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth";
import { expireDocuments } from "@/lib/cache/expire";
import { ZPublish, ZRestore } from "@/lib/content/schemas";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields, formFile, parseInput } from "@/lib/forms";
import { ZDocument, ZDocumentUpdate } from "./schemas";
import { createDocument, publishDocument, restoreDocument, updateDocument, type DocumentWriteResult } from "./service";

export type DocumentActionResult = ActionResult<{ version: number; slug: string }>;

function done(r: DocumentWriteResult): DocumentActionResult {
  expireDocuments();
  revalidatePath("/quan-ly/van-ban", "layout");
  return { ok: true, data: { version: r.version, slug: r.slug } };
}

export async function saveDocumentAction(_prev: DocumentActionResult | null, form: FormData): Promise<DocumentActionResult> {
  let createdId: number;
  try {
    const fields = formFields(form);
    const file = await formFile(form, "file");
    const viewer = await getViewer();
    if (fields.id) return done(await updateDocument(viewer, parseInput(ZDocumentUpdate, fields), file));
    const created = await createDocument(viewer, parseInput(ZDocument, fields), file);
    done(created);
    createdId = created.id;
  } catch (err) {
    return toActionError(err);
  }
  redirect(`/quan-ly/van-ban/${createdId}?da-tao=1`);
}

export async function publishDocumentAction(_prev: DocumentActionResult | null, form: FormData): Promise<DocumentActionResult> {
  try {
    return done(await publishDocument(await getViewer(), parseInput(ZPublish, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}

export async function restoreDocumentAction(_prev: DocumentActionResult | null, form: FormData): Promise<DocumentActionResult> {
  try {
    return done(await restoreDocument(await getViewer(), parseInput(ZRestore, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}
