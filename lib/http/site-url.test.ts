import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_URL, siteUrl } from "./site-url";

describe("siteUrl", () => {
  it("takes SITE_URL's origin, and the default when it is missing or not an http(s) URL", () => {
    expect(siteUrl({ SITE_URL: "https://xf.example.gov.cn/some/path" }).href).toBe("https://xf.example.gov.cn/");
    expect(siteUrl({}).href).toBe(new URL(DEFAULT_SITE_URL).href);
    expect(siteUrl({ SITE_URL: "not a url" }).href).toBe(new URL(DEFAULT_SITE_URL).href);
    expect(siteUrl({ SITE_URL: "ftp://x.example" }).href).toBe(new URL(DEFAULT_SITE_URL).href);
  });
});
