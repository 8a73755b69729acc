// The request log's and metrics' route label (scripts/lib/observe.mjs): a fixed list, never what a visitor typed — a
// search for a name in the case list's address, a tracking number, a query code — nor unbounded.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without type declarations
import { routeOf } from "../scripts/lib/observe.mjs";

describe("routeOf", () => {
  it("names each page and endpoint by its route, in either language", () => {
    const cases: [string, string][] = [
      ["/", "/"],
      ["/en", "/"],
      ["/file", "/file"],
      ["/en/track", "/track"],
      ["/track/case", "/track/case"],
      ["/cases/XF2026000123", "/cases/:no"],
      ["/en/cases/XF2026000123", "/cases/:no"],
      ["/letters/q/%E5%BC%A0%E4%B8%89/page/2", "/letters"],
      ["/stats/2026/q/1/unit/ZJJ", "/stats"],
      ["/units", "/units"],
      ["/report/2025", "/report"],
      ["/verify", "/verify"],
      ["/staff", "/staff"],
      ["/staff/cases/cmabc123", "/staff/cases/:id"],
      ["/staff/admin/import", "/staff/admin/import"],
      ["/api/open/chains/XF2026000123.json", "/api/open/chains/:no"],
      ["/api/open311/v2/requests/XF2026000123.json", "/api/open311/v2/requests/:no"],
      ["/api/open/stats.json", "/api/open/stats.json"],
      ["/api/auth/callback/credentials", "/api/auth"],
      ["/_next/static/chunks/app.js", "/_next/static"],
    ];
    for (const [path, route] of cases) expect(routeOf(path), path).toBe(route);
  });
  it("folds anything else into one label", () => {
    for (const path of [
      "/wp-login.php",
      "/张三",
      "/staff/cases",
      "/cases/a/b",
      "/api/x y",
      "/api/aaa",
      "/api/open/x.json",
      "/en/nope",
    ])
      expect(routeOf(path), path).toBe("other");
  });
});
