import { describe, expect, it } from "vitest";
import { loginPathFor, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/staff/cases/abc")).toBe("/staff/cases/abc");
    expect(safeCallbackPath("/staff?tab=overdue&page=2#list")).toBe("/staff?tab=overdue&page=2#list");
    expect(safeCallbackPath("/cases/XF2026000123")).toBe("/cases/XF2026000123");
  });

  it("falls back to the workspace for anything that could leave the site", () => {
    for (const raw of [
      "https://evil.example/staff",
      "//evil.example/staff",
      "/\\evil.example",
      "/%5Cevil.example",
      "/%2F%2Fevil.example",
      "https:evil.example",
      "/\n/evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "staff/cases",
      "/\tevil",
      "",
      null,
      undefined,
      `/${"a".repeat(3000)}`,
    ]) {
      expect(safeCallbackPath(raw), String(raw)).toBe("/staff");
    }
  });

  it("never sends a signed-in user back to the sign-in page", () => {
    expect(safeCallbackPath("/staff/login")).toBe("/staff");
    expect(safeCallbackPath("/staff/login?callbackUrl=/staff/admin")).toBe("/staff");
  });

  it("normalises dot segments before deciding", () => {
    expect(safeCallbackPath("/staff/../staff/login")).toBe("/staff");
    expect(safeCallbackPath("/a/../staff/admin")).toBe("/staff/admin");
  });
});

describe("loginPathFor", () => {
  it("asks to come back to the page that needed a session", () => {
    expect(loginPathFor("/staff/cases/abc?x=1")).toBe("/staff/login?callbackUrl=%2Fstaff%2Fcases%2Fabc%3Fx%3D1");
  });

  it("needs no callback for the workspace itself", () => {
    expect(loginPathFor("/staff")).toBe("/staff/login");
  });
});
