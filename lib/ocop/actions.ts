"use server";
// Server actions of the OCOP pages: form → the service (which parses and authorises) → revalidate.
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { formFile, parseInput } from "@/lib/forms";
import { formFields } from "./input";
import { ZProductPhoto, type TAddEvaluation, type TCreateProduct, type TUpdateProduct } from "./schemas";
import { addEvaluation, createProduct, setProductPhoto, updateProduct, type AddedEvaluation } from "./service";

function revalidateOcop(productId?: number) {
  revalidatePath("/quan-ly/ocop");
  if (productId) revalidatePath(`/quan-ly/ocop/${productId}`);
  revalidatePath("/ocop", "layout");
}

export async function createProductAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const data = await createProduct(await getViewer(), formFields<TCreateProduct>(form));
    revalidateOcop(data.id);
    return { ok: true, data: { id: data.id } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function updateProductAction(_prev: ActionResult<{ version: number }> | null, form: FormData): Promise<ActionResult<{ version: number }>> {
  try {
    const data = await updateProduct(await getViewer(), formFields<TUpdateProduct>(form));
    revalidateOcop(data.id);
    return { ok: true, data: { version: data.version } };
  } catch (err) {
    return toActionError(err);
  }
}

export async function addEvaluationAction(_prev: ActionResult<AddedEvaluation> | null, form: FormData): Promise<ActionResult<AddedEvaluation>> {
  try {
    const data = await addEvaluation(await getViewer(), formFields<TAddEvaluation>(form));
    revalidateOcop(Number(form.get("productId")));
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function setProductPhotoAction(_prev: ActionResult<{ fileName: string }> | null, form: FormData): Promise<ActionResult<{ fileName: string }>> {
  try {
    const { productId } = parseInput(ZProductPhoto, formFields(form));
    const file = await formFile(form, "file");
    if (!file) throw new AppError("VALIDATION", "Chọn ảnh sản phẩm (JPEG, PNG hoặc WebP).", { file: ["Chưa chọn tệp."] });
    const data = await setProductPhoto(await getViewer(), { productId, file });
    revalidateOcop(productId);
    return { ok: true, data: { fileName: data.fileName } };
  } catch (err) {
    return toActionError(err);
  }
}
