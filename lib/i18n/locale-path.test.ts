import { describe, expect, it } from "vitest";
import { internalPath, languageAlternates, localePath, otherLocale, routeLocale, splitLocale } from "./locale-path";

describe("localePath", () => {
  it("keeps Chinese at the plain path and puts English under /en", () => {
    expect(localePath("zh-CN", "/")).toBe("/");
    expect(localePath("zh-CN", "/cases/XF2026")).toBe("/cases/XF2026");
    expect(localePath("en", "/")).toBe("/en");
    expect(localePath("en", "/file")).toBe("/en/file");
    expect(localePath("en", "/?q=1")).toBe("/en?q=1");
    expect(localePath("en", "/track/expired")).toBe("/en/track/expired");
  });

  it("switches to the other language", () => {
    expect(otherLocale("zh-CN")).toBe("en");
    expect(otherLocale("en")).toBe("zh-CN");
  });
});

describe("splitLocale and internalPath", () => {
  it("reads an explicit prefix, and only a whole segment", () => {
    expect(splitLocale("/en")).toEqual({ locale: "en", path: "/" });
    expect(splitLocale("/en/cases/X")).toEqual({ locale: "en", path: "/cases/X" });
    expect(splitLocale("/zh-CN/file")).toEqual({ locale: "zh-CN", path: "/file" });
    expect(splitLocale("/english")).toEqual({ locale: null, path: "/english" });
    expect(splitLocale("/")).toEqual({ locale: null, path: "/" });
  });

  it("names the page under app/[locale]", () => {
    expect(internalPath("zh-CN", "/")).toBe("/zh-CN");
    expect(internalPath("zh-CN", "/cases/X")).toBe("/zh-CN/cases/X");
    expect(internalPath("en", "/track")).toBe("/en/track");
  });
});

describe("routeLocale", () => {
  it("renders a plain public path as the Chinese page", () => {
    expect(routeLocale("/")).toEqual({ kind: "rewrite", locale: "zh-CN", to: "/zh-CN" });
    expect(routeLocale("/cases/XF1")).toEqual({ kind: "rewrite", locale: "zh-CN", to: "/zh-CN/cases/XF1" });
    expect(routeLocale("/no/such/page")).toEqual({ kind: "rewrite", locale: "zh-CN", to: "/zh-CN/no/such/page" });
  });

  it("serves English pages as asked", () => {
    expect(routeLocale("/en")).toEqual({ kind: "pass", locale: "en" });
    expect(routeLocale("/en/cases/XF1")).toEqual({ kind: "pass", locale: "en" });
  });

  it("gives each page one address: /zh-CN/… and a prefixed staff path go to the plain path", () => {
    expect(routeLocale("/zh-CN")).toEqual({ kind: "redirect", to: "/" });
    expect(routeLocale("/zh-CN/cases/XF1")).toEqual({ kind: "redirect", to: "/cases/XF1" });
    expect(routeLocale("/en/staff")).toEqual({ kind: "redirect", to: "/staff" });
    expect(routeLocale("/zh-CN/staff/cases/1")).toEqual({ kind: "redirect", to: "/staff/cases/1" });
  });

  it("leaves the staff area and the pass-through paths alone", () => {
    expect(routeLocale("/staff")).toEqual({ kind: "pass", locale: null });
    expect(routeLocale("/staff/login")).toEqual({ kind: "pass", locale: null });
    expect(routeLocale("/staffing")).toEqual({ kind: "rewrite", locale: "zh-CN", to: "/zh-CN/staffing" });
    expect(routeLocale("/_not-found-rewrite", ["/_not-found-rewrite"])).toEqual({ kind: "pass", locale: null });
  });
});

describe("languageAlternates", () => {
  it("names the page's own address and each language's, Chinese as the default", () => {
    expect(languageAlternates("en", "/cases/XF1")).toEqual({
      canonical: "/en/cases/XF1",
      languages: { "zh-CN": "/cases/XF1", en: "/en/cases/XF1", "x-default": "/cases/XF1" },
    });
    expect(languageAlternates("zh-CN", "/")).toEqual({
      canonical: "/",
      languages: { "zh-CN": "/", en: "/en", "x-default": "/" },
    });
  });
});
