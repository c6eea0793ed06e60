"use client";

import { useEffect, useState } from "react";
import { VIEWS_EVENT } from "@/components/layout/visit-counter";
import { formatNumber } from "@/lib/format";

/**
 * "N lượt xem": the count of the cached page's render, replaced by the live count the page's
 * beacon answers (the footer's VisitCounter sends it for the element marked data-view-key).
 */
export function ViewCount({ viewKey, initial }: { viewKey: string; initial: number }) {
  const [views, setViews] = useState(initial);
  useEffect(() => {
    const onViews = (e: Event) => {
      const d = (e as CustomEvent<{ key: string; views: number }>).detail;
      if (d.key === viewKey) setViews(d.views);
    };
    window.addEventListener(VIEWS_EVENT, onViews);
    return () => window.removeEventListener(VIEWS_EVENT, onViews);
  }, [viewKey]);
  return <span data-testid="view-count">{formatNumber(views)} lượt xem</span>;
}
