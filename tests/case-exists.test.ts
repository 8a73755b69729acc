// proxy.ts answers a public case page for a number no case has with the not-found page (as HTML, without
// JavaScript); this is the lookup it relies on, on the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { caseExists } from "@/lib/data/case-exists";
import { fileOnline, makeReferenceData } from "./factories";

let trackingNo: string;
beforeAll(async () => {
  const ref = await makeReferenceData();
  const created = await fileOnline(ref, { consentPublic: false });
  trackingNo = created.trackingNo;
});

describe("caseExists", () => {
  it("finds a filed case by its tracking number", async () => {
    expect(await caseExists(trackingNo)).toBe(true);
  });

  it("finds no case for a well-formed number nobody was given", async () => {
    expect(await caseExists("XF2099999999")).toBe(false);
    expect(await caseExists(trackingNo.toLowerCase())).toBe(false); // the proxy normalises before asking
  });
});
