"use server";
// Server actions of the surveys. The public one sets the device cookie (a random token, httpOnly)
// before it records the answers; the client address only feeds the in-memory rate limit.
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { getViewer } from "@/lib/auth";
import { clientAddress, trustedProxyHops } from "@/lib/users/login-rules";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields } from "@/lib/ocop/input";
import { clientKey, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, isDeviceToken, newDeviceToken } from "./device";
import { QUESTIONS } from "./rules";
import type { TOpenSurvey, TSetSurveyOpen } from "./schemas";
import { openSurvey, setSurveyOpen, submitSurveyResponse } from "./service";

export async function submitSurveyAction(_prev: ActionResult<{ stored: boolean }> | null, form: FormData): Promise<ActionResult<{ stored: boolean }>> {
  try {
    const jar = await cookies();
    const h = await headers();
    let token = jar.get(DEVICE_COOKIE)?.value;
    if (!isDeviceToken(token)) {
      token = newDeviceToken();
      jar.set(DEVICE_COOKIE, token, {
        httpOnly: true,
        sameSite: "lax",
        secure: h.get("x-forwarded-proto") === "https",
        path: "/khao-sat",
        maxAge: DEVICE_COOKIE_MAX_AGE,
      });
    }
    // the hop our own proxy (or Next, when there is none) wrote; earlier ones are the client's word
    const address = clientAddress(h.get("x-forwarded-for"), trustedProxyHops()) || "unknown";
    const data = await submitSurveyResponse({
      communeId: form.get("communeId"),
      year: form.get("year"),
      answers: Object.fromEntries(QUESTIONS.map((q) => [q.key, form.get(q.key) ?? undefined])),
      honeypot: typeof form.get("website") === "string" ? (form.get("website") as string) : null,
      deviceToken: token,
      clientKey: clientKey(address),
    });
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function openSurveyAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const data = await openSurvey(await getViewer(), formFields<TOpenSurvey>(form));
    revalidatePath("/quan-ly/khao-sat");
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function setSurveyOpenAction(_prev: ActionResult<{ open: boolean }> | null, form: FormData): Promise<ActionResult<{ open: boolean }>> {
  try {
    const data = await setSurveyOpen(await getViewer(), formFields<TSetSurveyOpen>(form));
    revalidatePath("/quan-ly/khao-sat");
    return { ok: true, data: { open: data.open } };
  } catch (err) {
    return toActionError(err);
  }
}
