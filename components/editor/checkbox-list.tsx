"use client";
// A long list of choices (communes, criteria) as labelled checkboxes, with a filter box that
// ignores diacritics and case ("tan thanh" finds "Tân Thành"); chosen items stay listed first.
import { useMemo, useState } from "react";
import { removeDiacritics } from "@/lib/slug";
import { FieldError, type FieldErrorMap } from "./fields";

export interface CheckboxGroup {
  label: string;
  items: { value: number; label: string }[];
}

const fold = (s: string) => removeDiacritics(s).toLowerCase();

export function CheckboxList({ name, legend, groups, defaultChecked, errors, filterLabel, emptyText }: {
  name: string;
  legend: string;
  groups: CheckboxGroup[];
  defaultChecked: number[];
  errors: FieldErrorMap;
  filterLabel?: string;
  emptyText?: string;
}) {
  const [checked, setChecked] = useState(() => new Set(defaultChecked));
  const [filter, setFilter] = useState("");
  const id = `f-${name}`;
  const error = errors[name]?.[0];
  const q = fold(filter.trim());
  const visible = useMemo(
    () => groups.map((g) => ({ ...g, items: g.items.filter((i) => checked.has(i.value) || !q || fold(i.label).includes(q)) })).filter((g) => g.items.length),
    [groups, q, checked],
  );
  const labelOf = useMemo(() => new Map(groups.flatMap((g) => g.items.map((i) => [i.value, i.label] as const))), [groups]);
  const total = groups.reduce((s, g) => s + g.items.length, 0);
  const toggle = (v: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(v);
    else next.delete(v);
    setChecked(next);
  };
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-semibold text-gray-800">
        {legend} <span className="font-normal text-gray-500">({checked.size} đã chọn)</span>
      </legend>
      {checked.size > 0 && (
        <p className="text-xs text-gray-700">
          Đã chọn: {[...checked].map((v) => labelOf.get(v)).filter(Boolean).join("; ")}
        </p>
      )}
      {total === 0 ? (
        <p className="text-sm text-gray-500">{emptyText ?? "Không có mục nào để chọn."}</p>
      ) : (
        <>
          {total > 12 && (
            <div className="flex items-center gap-2">
              <label htmlFor={`${id}-filter`} className="text-xs text-gray-700">{filterLabel ?? "Lọc"}</label>
              <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="w-64 rounded border border-gray-300 px-2 py-1 text-sm" />
            </div>
          )}
          <div className="max-h-64 overflow-auto rounded border border-gray-200 p-2">
            {visible.map((g) => (
              <div key={g.label} className="mb-2">
                {groups.length > 1 && <p className="text-xs font-semibold uppercase text-gray-500">{g.label}</p>}
                <ul className="grid gap-0.5 sm:grid-cols-2">
                  {g.items.map((i) => (
                    <li key={i.value}>
                      <label className="flex items-start gap-1.5 text-sm">
                        <input type="checkbox" name={name} value={i.value} checked={checked.has(i.value)} onChange={(e) => toggle(i.value, e.target.checked)} className="mt-1" />
                        <span>{i.label}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {visible.length === 0 && <p className="text-sm text-gray-500">Không có mục nào khớp.</p>}
          </div>
        </>
      )}
      <FieldError id={id} message={error} />
    </fieldset>
  );
}
