import { describe, expect, it } from "vitest";
import { isCachedPage, isRevalidatablePage, stalePages } from "./public-pages";

describe("stalePages", () => {
  it("names each changed case's page in every language, once, and the home pages when asked", () => {
    expect(stalePages({ trackingNos: ["XF2026000002", "XF2026000001", "XF2026000002"], home: false })).toEqual([
      "/zh-CN/cases/XF2026000001",
      "/en/cases/XF2026000001",
      "/zh-CN/cases/XF2026000002",
      "/en/cases/XF2026000002",
      // Any changed case: every page of the public case list and of the unit scorecards.
      "/zh-CN/letters",
      "/en/letters",
      "/zh-CN/units",
      "/en/units",
    ]);
    // The figures changed: the home pages and every page of the statistics and the report.
    expect(stalePages({ trackingNos: [], home: true })).toEqual([
      "/zh-CN",
      "/en",
      "/zh-CN/stats",
      "/en/stats",
      "/zh-CN/report",
      "/en/report",
      "/zh-CN/units",
      "/en/units",
    ]);
    expect(stalePages({ trackingNos: [], home: false })).toEqual([]);
  });
});

describe("isRevalidatablePage", () => {
  it("accepts the home and case pages of well-formed numbers only", () => {
    for (const ok of [
      "/zh-CN",
      "/en",
      "/zh-CN/cases/XF2026000001",
      "/en/cases/XFD2026900003",
      "/en/letters",
      "/zh-CN/stats",
      "/en/report",
    ])
      expect(isRevalidatablePage(ok), ok).toBe(true);
    for (const bad of [
      "/",
      "/cases/XF2026000001",
      "/en/cases/nope",
      "/fr",
      "/en/staff",
      42,
      null,
      "/en/file/..",
      "/zh-CN/letters/year/2026",
      "/zh-CN/stats/2026",
      "/en/stats/go",
      "/report",
    ])
      expect(isRevalidatablePage(bad), String(bad)).toBe(false);
  });
});

describe("isCachedPage", () => {
  it("is the home, filing, tracking, case, case-list, statistics and report pages in each language", () => {
    for (const p of [
      "/zh-CN",
      "/en",
      "/zh-CN/file",
      "/en/track",
      "/en/track/expired",
      "/zh-CN/cases/XF2026000001",
      "/zh-CN/letters",
      "/en/letters/year/2026/page/2",
      "/zh-CN/stats",
      "/en/stats/2025/q/4/unit/ZJJ",
      "/zh-CN/report/2025",
      "/en/units/2026/unit/ZJJ",
      "/zh-CN/verify",
    ])
      expect(isCachedPage(p), p).toBe(true);
  });

  it("is not the petitioner's view, a staff page, an unknown page or the plain paths", () => {
    for (const p of [
      "/zh-CN/track/case",
      "/staff",
      "/zh-CN/staff",
      "/zh-CN/nope",
      "/",
      "/file",
      "/en/cases/a/b",
      "/enx",
      "/zh-CN/letters/go", // the filter form's redirect
      "/en/stats/go",
      "/zh-CN/report/go",
      "/zh-CN/statsx",
    ])
      expect(isCachedPage(p), p).toBe(false);
  });
});
