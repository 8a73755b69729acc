"use client";

import dynamic from "next/dynamic";

// The charts are drawn in the browser only: the page's HTML carries the figures and the tables (readable without
// JavaScript), and Recharts' script loads after it — nor may server-rendered markup carry the inline styles Recharts
// writes, which the Content-Security-Policy (style-src 'self') refuses; set from script, they are allowed.
export const LazyStatsChart = dynamic(() => import("./stats-chart").then((m) => m.StatsChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-[280px] w-full rounded bg-stone-50" />,
});
