"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { ZIndicatorThresholds } from "./schemas";
import { updateIndicatorThresholds } from "./service";

export async function updateThresholdsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const cells: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (k.startsWith("t_") && typeof v === "string") cells[k.slice(2)] = v;
    const parsed = ZIndicatorThresholds.safeParse({ indicatorId: form.get("indicatorId"), cells, verified: form.get("verified") === "on" });
    if (!parsed.success) throw new AppError("VALIDATION", "Dữ liệu nhập chưa hợp lệ.");
    await updateIndicatorThresholds(await getViewer(), parsed.data);
    revalidatePath("/quan-ly/tieu-chi");
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
