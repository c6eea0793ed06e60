"use server";
// Server actions of the article editor: parse with zod → the service (which authorises) →
// expire the public caches of the article (old and new slug) and refresh the staff pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth";
import { expireArticle } from "@/lib/cache/expire";
import { ZPublish, ZRestore } from "@/lib/content/schemas";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields, formFile, parseInput } from "@/lib/forms";
import { ZArticle, ZArticleUpdate } from "./schemas";
import { createArticle, publishArticle, restoreArticle, updateArticle, type ArticleWriteResult } from "./service";

export type ArticleActionResult = ActionResult<{ version: number; slug: string }>;

function done(r: ArticleWriteResult): ArticleActionResult {
  expireArticle(r.slug, r.previousSlug);
  revalidatePath("/quan-ly/tin-bai", "layout");
  return { ok: true, data: { version: r.version, slug: r.slug } };
}

export async function saveArticleAction(_prev: ArticleActionResult | null, form: FormData): Promise<ArticleActionResult> {
  let createdId: number;
  try {
    const fields = formFields(form);
    const cover = await formFile(form, "cover");
    const viewer = await getViewer();
    if (fields.id) return done(await updateArticle(viewer, parseInput(ZArticleUpdate, fields), cover));
    const created = await createArticle(viewer, parseInput(ZArticle, fields), cover);
    done(created);
    createdId = created.id;
  } catch (err) {
    return toActionError(err);
  }
  redirect(`/quan-ly/tin-bai/${createdId}?da-tao=1`);
}

export async function publishArticleAction(_prev: ArticleActionResult | null, form: FormData): Promise<ArticleActionResult> {
  try {
    return done(await publishArticle(await getViewer(), parseInput(ZPublish, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}

export async function restoreArticleAction(_prev: ArticleActionResult | null, form: FormData): Promise<ArticleActionResult> {
  try {
    return done(await restoreArticle(await getViewer(), parseInput(ZRestore, formFields(form))));
  } catch (err) {
    return toActionError(err);
  }
}
