import { describe, expect, it } from "vitest";
import { classifyRequestPath, decodePath, trackingNoOfSegment } from "./request-path";

describe("decodePath", () => {
  it("decodes, and says null for malformed percent-encoding instead of throwing", () => {
    expect(decodePath("/cases/XF2026%20900001")).toBe("/cases/XF2026 900001");
    for (const raw of ["/cases/%E0%A4%A", "/track/%ZZ", "%", "/%C0%AF"]) expect(decodePath(raw), raw).toBeNull();
  });
});

describe("trackingNoOfSegment", () => {
  it("reads the number as a person types it", () => {
    expect(trackingNoOfSegment("XF2026900001")).toBe("XF2026900001");
    expect(trackingNoOfSegment("xf2026900001")).toBe("XF2026900001");
    expect(trackingNoOfSegment("XF2026%20900001")).toBe("XF2026900001");
  });

  it("is null for what cannot be a tracking number", () => {
    for (const raw of ["nonsense", "XF2026000000", "XF1999000001", "XF20269000011", "%E0%A4%A", ""])
      expect(trackingNoOfSegment(raw), raw).toBeNull();
  });
});

describe("classifyRequestPath", () => {
  it("finds malformed paths anywhere", () => {
    for (const p of ["/cases/%E0%A4%A", "/track/%ZZ", "/%ZZ", "/staff/cases/%E0", "/api/cases/%E0%A4%A/chain"]) {
      expect(classifyRequestPath(p), p).toEqual({ kind: "malformed" });
    }
  });

  it("names the tracking number of a public case page, or null", () => {
    expect(classifyRequestPath("/cases/XF2026900001")).toEqual({ kind: "publicCase", trackingNo: "XF2026900001" });
    expect(classifyRequestPath("/cases/XF2026900001/")).toEqual({ kind: "publicCase", trackingNo: "XF2026900001" });
    expect(classifyRequestPath("/cases/nonsense")).toEqual({ kind: "publicCase", trackingNo: null });
  });

  it("leaves every other path alone", () => {
    for (const p of ["/", "/track", "/track/case", "/cases", "/cases/XF2026900001/x", "/staff/cases/abc"]) {
      expect(classifyRequestPath(p), p).toEqual({ kind: "other" });
    }
  });
});
