"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { createProductAction, updateProductAction } from "@/lib/ocop/actions";
import { OCOP_GROUP_LABELS, OCOP_GROUPS, OCOP_SUBGROUP_SUGGESTIONS, PRODUCER_KIND_LABELS, type OcopGroup, type ProducerKind } from "@/lib/ocop/rules";
import { errorProps, Field, FormStatus, inputClass } from "./form-field";
import { useFormAction } from "./use-form-action";

export interface ProductFormInitial {
  productId: number;
  version: number;
  communeId: number;
  producerId: number;
  name: string;
  group: OcopGroup;
  subgroup: string | null;
  description: string | null;
}

/** Register a product (with an existing or a new producer) or edit one; the server checks scope and version again. */
export function ProductForm({
  communes,
  producers,
  initial,
}: {
  communes: { id: number; label: string; current: boolean }[];
  producers: { id: number; label: string; kind: string }[];
  initial?: ProductFormInitial;
}) {
  const router = useRouter();
  const editing = !!initial;
  const create = useFormAction(createProductAction);
  const update = useFormAction(updateProductAction);
  const { state: created } = create;
  const { state: updated } = update;
  const state = editing ? updated : created;
  const pending = create.pending || update.pending;
  const [group, setGroup] = useState<OcopGroup>(initial?.group ?? "FOOD");
  const [producerId, setProducerId] = useState<string>(initial ? String(initial.producerId) : "");
  const version = updated?.ok ? updated.data.version : initial?.version;
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};

  useEffect(() => {
    if (created?.ok) router.push(`/quan-ly/ocop/${created.data.id}`);
  }, [created, router]);

  const current = communes.filter((c) => c.current);
  const earlier = communes.filter((c) => !c.current);
  return (
    <form {...(editing ? update.formProps : create.formProps)} className="grid gap-3 rounded border bg-white p-4" aria-label={editing ? "Sửa thông tin sản phẩm" : "Đăng ký sản phẩm OCOP"}>
      {initial && (
        <>
          <input type="hidden" name="productId" value={initial.productId} />
          <input type="hidden" name="version" value={version} />
        </>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="name" label="Tên sản phẩm" errors={errors.name}>
          <input id="name" name="name" required defaultValue={initial?.name} className={inputClass} {...errorProps("name", errors.name)} />
        </Field>
        <Field id="communeId" label="Xã (nơi sản xuất)" errors={errors.communeId}>
          <select id="communeId" name="communeId" required defaultValue={initial?.communeId ?? ""} className={inputClass} {...errorProps("communeId", errors.communeId)}>
            <option value="">— Chọn xã —</option>
            {current.length > 0 && (
              <optgroup label="Đơn vị hành chính hiện nay">
                {current.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </optgroup>
            )}
            {earlier.length > 0 && (
              <optgroup label="Đơn vị trước 1/7/2025">
                {earlier.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        <Field id="group" label="Nhóm sản phẩm (QĐ 148/QĐ-TTg)" errors={errors.group}>
          <select id="group" name="group" value={group} onChange={(e) => setGroup(e.target.value as OcopGroup)} className={inputClass} {...errorProps("group", errors.group)}>
            {OCOP_GROUPS.map((g) => (
              <option key={g} value={g}>{OCOP_GROUP_LABELS[g]}</option>
            ))}
          </select>
        </Field>
        <Field id="subgroup" label="Phân nhóm" hint="Gõ hoặc chọn gợi ý (danh mục gợi ý chưa đối chiếu Phụ lục QĐ 148)." errors={errors.subgroup}>
          <input id="subgroup" name="subgroup" list="subgroups" defaultValue={initial?.subgroup ?? ""} className={inputClass} {...errorProps("subgroup", errors.subgroup)} />
          <datalist id="subgroups">
            {OCOP_SUBGROUP_SUGGESTIONS[group].map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
      </div>

      <fieldset className="grid gap-3 rounded border p-3 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Chủ thể OCOP</legend>
        <Field id="producerId" label="Chủ thể" errors={errors.producerId} className="md:col-span-2">
          <select id="producerId" name="producerId" value={producerId} onChange={(e) => setProducerId(e.target.value)} className={inputClass} {...errorProps("producerId", errors.producerId)}>
            <option value="">— Chủ thể mới (nhập bên dưới) —</option>
            {producers.map((p) => (
              <option key={p.id} value={p.id}>{p.label} · {PRODUCER_KIND_LABELS[p.kind as ProducerKind]}</option>
            ))}
          </select>
        </Field>
        {producerId === "" && (
          <>
            <Field id="producerName" label="Tên chủ thể mới" errors={errors.producerName}>
              <input id="producerName" name="producerName" className={inputClass} placeholder="HTX Chè Tân Cương" {...errorProps("producerName", errors.producerName)} />
            </Field>
            <Field id="producerKind" label="Loại chủ thể" errors={errors.producerKind}>
              <select id="producerKind" name="producerKind" defaultValue="" className={inputClass} {...errorProps("producerKind", errors.producerKind)}>
                <option value="">— Chọn —</option>
                {(Object.keys(PRODUCER_KIND_LABELS) as ProducerKind[]).map((k) => (
                  <option key={k} value={k}>{PRODUCER_KIND_LABELS[k]}</option>
                ))}
              </select>
            </Field>
            <Field id="producerAddress" label="Địa chỉ chủ thể" errors={errors.producerAddress} className="md:col-span-2">
              <input id="producerAddress" name="producerAddress" className={inputClass} {...errorProps("producerAddress", errors.producerAddress)} />
            </Field>
          </>
        )}
      </fieldset>

      <Field id="description" label="Câu chuyện sản phẩm, mô tả" errors={errors.description}>
        <textarea id="description" name="description" rows={4} defaultValue={initial?.description ?? ""} className={inputClass} {...errorProps("description", errors.description)} />
      </Field>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Đang lưu…" : editing ? "Lưu thay đổi" : "Đăng ký sản phẩm"}
        </button>
        <FormStatus state={state} success={editing ? "Đã lưu thông tin sản phẩm." : "Đã đăng ký sản phẩm."} testId="product-form-status" />
      </div>
    </form>
  );
}
