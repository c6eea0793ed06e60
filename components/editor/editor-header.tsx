import Link from "next/link";
import type { ReactNode } from "react";

/** The heading of an editor page with the way back to its list and the page's own links. */
export function EditorHeader({ title, back, actions, children }: { title: string; back?: { href: string; label: string }; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        {back && (
          <Link href={back.href} className="text-sm text-brand-700 hover:underline">
            ← {back.label}
          </Link>
        )}
        <h1 className="text-xl font-semibold text-brand-800">{title}</h1>
        {children}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export const linkButton = "rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-800 hover:bg-brand-50";
export const primaryLinkButton = "rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800";
