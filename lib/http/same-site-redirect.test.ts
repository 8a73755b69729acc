import { describe, expect, it } from "vitest";
import { redirectTo, safeSitePath } from "./same-site-redirect";

// What a browser does with a Location header: resolve it against the page the user is on.
const SITE = "https://xinfang.example.gov.cn/track";
const landsOn = (location: string) => new URL(location, SITE).origin;

describe("safeSitePath", () => {
  it.each([
    ["/track", "/track"],
    ["/staff?tab=overdue&page=2#list", "/staff?tab=overdue&page=2#list"],
    ["/cases/XF2026000123", "/cases/XF2026000123"],
    ["/a/../track", "/track"],
    ["/track?q=张三", "/track?q=%E5%BC%A0%E4%B8%89"], // fits in a header
    ["/cases/%E5%BC%A0", "/cases/%E5%BC%A0"],
  ])("keeps the path on this site %s", (raw, expected) => {
    expect(safeSitePath(raw)).toBe(expected);
    expect(landsOn(safeSitePath(raw))).toBe(new URL(SITE).origin);
  });

  it.each([
    ["backslash", "/\\evil.example"],
    ["backslash, as the locale link's back= decodes /%5C", decodeURIComponent("/%5Cevil.example/")],
    ["encoded backslash", "/%5Cevil.example"],
    ["tab, dropped by browsers", "/\t/evil.example"],
    ["newline, dropped by browsers", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["space", "/ /evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative, three slashes", "///evil.example"],
    ["absolute", "https://evil.example/staff"],
    ["scheme without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded slash after one slash", "/%2Fevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["malformed percent-encoding", "/cases/%E0%A4%A"],
    ["relative path", "track"],
    ["double backslash", "\\\\evil.example"],
    ["empty", ""],
    ["too long", `/${"a".repeat(3000)}`],
  ])("falls back for %s", (_what, raw) => {
    expect(safeSitePath(raw)).toBe("/");
    expect(safeSitePath(raw, "/staff")).toBe("/staff");
  });

  it("falls back for what is not a string", () => {
    for (const raw of [null, undefined, 42, ["/track"], { toString: () => "/track" }])
      expect(safeSitePath(raw)).toBe("/");
  });
});

describe("redirectTo", () => {
  it("answers with a relative Location, never an origin (not the address the server is bound to)", () => {
    const response = redirectTo("/track", 303);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/track");
    expect(landsOn(response.headers.get("location")!)).toBe(new URL(SITE).origin);
  });

  it("sends an unsafe target to the fallback", () => {
    expect(redirectTo("/\\evil.example/", 303).headers.get("location")).toBe("/");
    expect(redirectTo("//evil.example", 307, { fallback: "/staff" }).headers.get("location")).toBe("/staff");
  });

  it("is absolute on the given origin when asked (proxy.ts)", () => {
    expect(redirectTo("/staff/login", 307, { base: "http://0.0.0.0:3000/staff" }).headers.get("location")).toBe(
      "http://0.0.0.0:3000/staff/login",
    );
    expect(redirectTo("/\\evil.example", 307, { base: "http://0.0.0.0:3000/staff" }).headers.get("location")).toBe(
      "http://0.0.0.0:3000/",
    );
  });
});
