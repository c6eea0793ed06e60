"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { formatNumber } from "@/lib/format";
import { HEARTBEAT_MS, type VisitStats } from "@/lib/visits/rules";

export const VIEWS_EVENT = "ntm:views";

async function sendBeacon(body: { visit: boolean; view?: string }) {
  const res = await fetch("/api/luot-xem", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), keepalive: true });
  // a rate-limited beacon (429) counts nothing but may still carry the statistics
  const data = (await res.json().catch(() => null)) as { stats?: VisitStats | null; views?: number | null } | null;
  return data?.stats ? { stats: data.stats, views: data.views ?? null } : null;
}

/** True once per browser tab: the first page of a visit (kept in sessionStorage, never sent as an id). */
function isNewVisit(): boolean {
  try {
    if (sessionStorage.getItem("ntm-visit")) return false;
    sessionStorage.setItem("ntm-visit", "1");
    return true;
  } catch {
    return false;
  }
}

/**
 * "Thống kê truy cập" as the provincial portals show it. Sends the page's beacon (the visit, and
 * the view of the article, notice or document marked with data-view-key) on every page, then a
 * heartbeat every 2 minutes while the page is visible, and shows the counts the server answers.
 */
export function VisitCounter() {
  const pathname = usePathname();
  const [stats, setStats] = useState<VisitStats | null>(null);

  useEffect(() => {
    const view = document.querySelector<HTMLElement>("[data-view-key]")?.dataset.viewKey;
    let live = true;
    sendBeacon({ visit: isNewVisit(), view })
      .then((r) => {
        if (!r || !live) return;
        setStats(r.stats);
        if (view && r.views !== null) window.dispatchEvent(new CustomEvent(VIEWS_EVENT, { detail: { key: view, views: r.views } }));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pathname]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      sendBeacon({ visit: false })
        .then((r) => r && setStats(r.stats))
        .catch(() => {});
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, []);

  const items: [string, number | undefined][] = [
    ["Đang truy cập", stats?.online],
    ["Hôm nay", stats?.today],
    ["Trong tuần", stats?.week],
    ["Tổng truy cập", stats?.total],
  ];
  return (
    <section aria-label="Thống kê truy cập" data-testid="visit-counter">
      <h2 className="font-semibold uppercase text-brand-800">Thống kê truy cập</h2>
      <dl className="mt-1 grid grid-cols-[max-content_auto] gap-x-3 tabular-nums">
        {items.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-gray-600">{label}</dt>
            <dd className="text-right font-semibold">{value === undefined ? "…" : formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
