"use client";
// A plain HTML editor: a textarea with a small toolbar, and next to it a live preview of the
// HTML exactly as it will be stored — cleaned on the server by the portal's one sanitiser.
import { useEffect, useRef, useState } from "react";
import { previewRichTextAction } from "@/lib/content/actions";
import { FieldError, type FieldErrorMap } from "./fields";

const UNSAFE_HINT = /<\s*(script|iframe|object|embed|style|svg|form)|\son\w+\s*=|javascript:|style\s*=/i;

type Tool = { label: string; title: string; before: string; after: string; block?: boolean };
const TOOLS: Tool[] = [
  { label: "Đậm", title: "Chữ đậm", before: "<strong>", after: "</strong>" },
  { label: "Nghiêng", title: "Chữ nghiêng", before: "<em>", after: "</em>" },
  { label: "Tiêu đề", title: "Tiêu đề mục", before: "<h3>", after: "</h3>", block: true },
  { label: "Đoạn văn", title: "Đoạn văn", before: "<p>", after: "</p>", block: true },
  { label: "Danh sách", title: "Danh sách gạch đầu dòng", before: "<ul>\n<li>", after: "</li>\n</ul>", block: true },
];

export function RichTextField({ name, label, defaultValue, errors, rows = 16, required }: { name: string; label: string; defaultValue: string; errors: FieldErrorMap; rows?: number; required?: boolean }) {
  const id = `f-${name}`;
  const error = errors[name]?.[0];
  const ref = useRef<HTMLTextAreaElement>(null);
  const [html, setHtml] = useState(defaultValue);
  const [preview, setPreview] = useState(defaultValue);
  const [previewError, setPreviewError] = useState<string | null>(null);

  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return; // the stored body is already clean: no call until the user types
    let live = true;
    const timer = setTimeout(async () => {
      const r = await previewRichTextAction(html);
      if (!live) return;
      if (r.ok) {
        setPreview(r.data.html);
        setPreviewError(null);
      } else setPreviewError(r.message);
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [html]);

  function insert(before: string, after: string, block = false) {
    const el = ref.current;
    if (!el) return;
    const { selectionStart: s, selectionEnd: e, value } = el;
    const selected = value.slice(s, e);
    const pre = block && s > 0 && value[s - 1] !== "\n" ? "\n" : "";
    el.setRangeText(`${pre}${before}${selected}${after}`, s, e, "select");
    el.setSelectionRange(s + pre.length + before.length, s + pre.length + before.length + selected.length);
    el.focus();
    typed.current = true;
    setHtml(el.value);
  }

  function insertLink() {
    const url = window.prompt("Địa chỉ liên kết (bắt đầu bằng https://):", "https://");
    if (!url) return;
    insert(`<a href="${url.replace(/"/g, "&quot;")}">`, "</a>");
  }

  return (
    <div className="grid gap-2 lg:grid-cols-2">
      <div className="grid content-start gap-1">
        <label htmlFor={id} className="text-sm font-semibold text-gray-800">
          {label}
          {required && <span className="text-red-700" aria-hidden="true"> *</span>}
        </label>
        <div role="toolbar" aria-label="Định dạng nội dung" aria-controls={id} className="flex flex-wrap gap-1">
          {TOOLS.map((t) => (
            <button key={t.label} type="button" title={t.title} onClick={() => insert(t.before, t.after, t.block)} className="rounded border border-gray-300 bg-white px-2 py-0.5 text-xs hover:bg-gray-50">
              {t.label}
            </button>
          ))}
          <button type="button" title="Chèn liên kết" onClick={insertLink} className="rounded border border-gray-300 bg-white px-2 py-0.5 text-xs hover:bg-gray-50">
            Liên kết
          </button>
        </div>
        <textarea
          ref={ref}
          id={id}
          name={name}
          rows={rows}
          value={html}
          onChange={(e) => {
            typed.current = true;
            setHtml(e.target.value);
          }}
          spellCheck={false}
          aria-invalid={!!error}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className={`w-full rounded border px-2 py-1.5 font-mono text-xs leading-relaxed ${error ? "border-red-600" : "border-gray-300"}`}
        />
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          HTML đơn giản: đoạn văn, tiêu đề, chữ đậm/nghiêng, danh sách, bảng, liên kết, ảnh. Mã script, thuộc tính sự kiện (onclick…), style và liên kết javascript: bị loại bỏ khi lưu.
        </p>
        {UNSAFE_HINT.test(html) && (
          <p className="text-xs text-amber-800" data-testid="unsafe-hint">
            Nội dung có mã không được phép; phần xem trước cho thấy nội dung sau khi đã loại bỏ.
          </p>
        )}
        <FieldError id={id} message={error} />
      </div>
      <div className="grid content-start gap-1">
        <p className="text-sm font-semibold text-gray-800" id={`${id}-preview-label`}>
          Xem trước (như sẽ hiển thị)
        </p>
        <div aria-labelledby={`${id}-preview-label`} aria-live="polite" role="region" className="prose-vn max-h-[32rem] overflow-auto rounded border border-dashed border-gray-300 bg-white p-3 text-sm" data-testid="rich-text-preview" dangerouslySetInnerHTML={{ __html: preview }} />
        {previewError && <p className="text-xs text-red-700">{previewError}</p>}
      </div>
    </div>
  );
}
