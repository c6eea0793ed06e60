"use client";

import { FormMessage, SelectField, TextField } from "@/components/editor/fields";
import { useFormAction } from "@/components/editor/use-form-action";
import { createUserAction } from "@/lib/users/actions";
import { PASSWORD_RULES_TEXT } from "@/lib/users/password-policy";

interface Option {
  id: number;
  label: string;
}

export interface UnitChoices {
  /** null: no province chosen; only a national scope can be given */
  province: Option | null;
  districts: Option[];
  communes: Option[];
  /** a national admin may give a national scope */
  allowNational: boolean;
}

/**
 * A new account within the admin's own scope. The server checks again that the role holds no
 * permission the admin lacks and that the unit and organisation lie within the admin's scope.
 */
export function UserCreateForm({ roles, units, organisations }: { roles: { value: string; label: string }[]; units: UnitChoices; organisations: Option[] }) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(createUserAction);
  const unitError = fieldErrors.unitId?.[0];
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-2xl gap-4 rounded border bg-white p-4" noValidate>
      <TextField name="email" label="Email" type="email" autoComplete="off" required errors={fieldErrors} />
      <TextField name="name" label="Họ tên" required errors={fieldErrors} />
      <SelectField name="role" label="Vai trò" required errors={fieldErrors} placeholder="— Chọn vai trò —" options={roles} hint="Chỉ các vai trò không vượt quá quyền của bạn." />
      <div className="grid content-start gap-1">
        <label htmlFor="f-unitId" className="text-sm font-semibold text-gray-800">Phạm vi quản lý</label>
        <select id="f-unitId" name="unitId" aria-invalid={!!unitError} aria-describedby="f-unitId-error" className="w-full rounded border border-gray-300 px-2 py-1.5 text-sm">
          {units.allowNational && !units.province && <option value="">Toàn quốc</option>}
          {units.province && (
            <optgroup label="Tỉnh, thành phố">
              <option value={units.province.id}>{units.province.label}</option>
            </optgroup>
          )}
          {units.districts.length > 0 && (
            <optgroup label="Huyện, quận, thị xã (đến 30/6/2025)">
              {units.districts.map((u) => (
                <option key={u.id} value={u.id}>{u.label}</option>
              ))}
            </optgroup>
          )}
          {units.communes.length > 0 && (
            <optgroup label="Xã, phường, thị trấn">
              {units.communes.map((u) => (
                <option key={u.id} value={u.id}>{u.label}</option>
              ))}
            </optgroup>
          )}
        </select>
        <p id="f-unitId-error" aria-live="polite" className="text-xs text-red-700">{unitError}</p>
      </div>
      <SelectField name="organisationId" label="Cơ quan" errors={fieldErrors} placeholder="— Không chọn —" options={organisations.map((o) => ({ value: o.id, label: o.label }))} />
      <TextField name="password" label="Mật khẩu ban đầu" type="password" autoComplete="new-password" required errors={fieldErrors} hint={`${PASSWORD_RULES_TEXT} Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.`} />
      <TextField name="confirm" label="Nhập lại mật khẩu" type="password" autoComplete="new-password" required errors={fieldErrors} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
          {pending ? "Đang tạo…" : "Tạo tài khoản"}
        </button>
        <FormMessage state={state} success="Đã tạo tài khoản. Người dùng sẽ phải đổi mật khẩu khi đăng nhập lần đầu." testId="user-create-status" />
      </div>
    </form>
  );
}
