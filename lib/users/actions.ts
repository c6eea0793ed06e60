"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getSessionUser, getViewer } from "@/lib/auth";
import { toActionError, type ActionResult } from "@/lib/errors";
import { formFields, parseInput } from "@/lib/forms";
import { clientAddress, trustedProxyHops } from "./login-rules";
import { ZChangePasswordForm, ZCreateUserForm, ZResetPasswordForm, ZUserIdForm } from "./schemas";
import { changeOwnPassword, createUser, resetUserPassword, revokeUserSessions, setUserActive, signOutEverywhere } from "./service";

const USERS_PATH = "/quan-ly/nguoi-dung";

export async function createUserAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const input = parseInput(ZCreateUserForm, formFields(form));
    const user = await createUser(await getViewer(), input);
    revalidatePath(USERS_PATH);
    return { ok: true, data: user };
  } catch (err) {
    return toActionError(err);
  }
}

/** One form per row of the users table: the clicked button says what to do. */
export async function manageUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const { userId } = parseInput(ZUserIdForm, formFields(form));
    const viewer = await getViewer();
    switch (form.get("op")) {
      case "deactivate":
        await setUserActive(viewer, userId, false);
        break;
      case "activate":
        await setUserActive(viewer, userId, true);
        break;
      case "revoke":
        await revokeUserSessions(viewer, userId);
        break;
      default:
        return { ok: false, code: "VALIDATION", message: "Thao tác không hợp lệ." };
    }
    revalidatePath(USERS_PATH);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}

export async function resetUserPasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await resetUserPassword(await getViewer(), parseInput(ZResetPasswordForm, formFields(form)));
    revalidatePath(USERS_PATH);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}

/**
 * Open to a user who must change their password (they have a session but no viewer yet). On
 * success every session has ended: the form signs in again with the new password.
 */
export async function changeOwnPasswordAction(_prev: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  try {
    const input = parseInput(ZChangePasswordForm, formFields(form));
    const user = (await getSessionUser())?.viewer ?? null;
    const address = clientAddress((await headers()).get("x-forwarded-for"), trustedProxyHops());
    await changeOwnPassword(user, input, address);
    return { ok: true, data: { email: user!.email } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function signOutEverywhereAction(): Promise<ActionResult> {
  try {
    await signOutEverywhere((await getSessionUser())?.viewer ?? null);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
