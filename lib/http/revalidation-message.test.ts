import { describe, expect, it } from "vitest";
import { MAX_AGE_MS, readRevalidation, signedRevalidation } from "./revalidation-message";

const SECRET = "test-secret-0123456789abcdef";
const NOW = 1_800_000_000_000;

describe("the signed revalidation message", () => {
  const pages = ["/zh-CN/cases/XF2026000001", "/en"];
  const { body, signature } = signedRevalidation(SECRET, { pages, at: NOW });

  it("is read back by a holder of the same secret", () => {
    expect(readRevalidation(SECRET, body, signature, NOW + 1000)).toEqual(pages);
  });

  it("is refused with another secret, a changed body, no signature or a forged one", () => {
    expect(readRevalidation("another-secret-0123456789", body, signature, NOW)).toBeNull();
    expect(readRevalidation(SECRET, body.replace("XF2026000001", "XF2026000002"), signature, NOW)).toBeNull();
    expect(readRevalidation(SECRET, body, null, NOW)).toBeNull();
    expect(readRevalidation(SECRET, body, "x".repeat(signature.length), NOW)).toBeNull();
  });

  it("is refused when too old or from too far ahead", () => {
    expect(readRevalidation(SECRET, body, signature, NOW + MAX_AGE_MS + 1)).toBeNull();
    expect(readRevalidation(SECRET, body, signature, NOW - MAX_AGE_MS - 1)).toBeNull();
  });

  it("names only pages the cache may drop, even when well signed", () => {
    for (const bad of [["/staff"], ["/cases/XF2026000001"], "not a list", [1]]) {
      const m = signedRevalidation(SECRET, { pages: bad as string[], at: NOW });
      expect(readRevalidation(SECRET, m.body, m.signature, NOW)).toBeNull();
    }
    const notJson = "{";
    expect(
      readRevalidation(SECRET, notJson, signedRevalidation(SECRET, { pages: [], at: NOW }).signature, NOW),
    ).toBeNull();
  });
});
