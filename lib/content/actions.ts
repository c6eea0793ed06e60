"use server";
// The editors' live preview: the HTML exactly as it will be stored and shown, cleaned by the one
// sanitiser of the portal.
import { getViewer } from "@/lib/auth";
import { assertPermission } from "@/lib/authz";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { toActionError, type ActionResult } from "@/lib/errors";

const PREVIEW_MAX = 300_000;

export async function previewRichTextAction(html: string): Promise<ActionResult<{ html: string }>> {
  try {
    assertPermission(await getViewer(), "content.edit");
    return { ok: true, data: { html: sanitizeRichText(String(html).slice(0, PREVIEW_MAX)) } };
  } catch (err) {
    return toActionError(err);
  }
}
