import { describe, expect, it } from "vitest";
import {
  CATEGORY_KINDS,
  CHANNELS,
  COLLECTIVE_VISIT_MIN_PERSONS,
  COUNTED_ONLY_KINDS,
  LIMITS,
  LISTED_KINDS,
  MAX_REPRESENTATIVES,
  OUTCOMES,
  charCount,
  isCollectiveVisit,
  isConfidentialKind,
  mayCarryPublicNotes,
  mayPublishContent,
  outcomesFor,
  showsPublishedText,
  type CategoryKind,
} from "./petition-rules";

describe("channels (条例第17、22条)", () => {
  it("are 网上, 来信, 来访, 来电, 传真 and 上级转办/交办", () => {
    expect([...CHANNELS].sort()).toEqual([
      "FAX",
      "HIGHER_ASSIGN",
      "HIGHER_TRANSFER",
      "LETTER",
      "ONLINE",
      "PHONE",
      "VISIT",
    ]);
  });
});

describe("outcomesFor (条例第29、32条)", () => {
  it("a suggestion is adopted, partly adopted or not adopted", () => {
    expect([...outcomesFor("SUGGESTION")]).toEqual(["ADOPT", "PARTIAL_ADOPT", "NOT_ADOPT"]);
  });

  it.each(["ACCUSATION", "APPEAL", "LEGAL"] as const)(
    "a %s request is supported, explained or not supported",
    (kind) => {
      expect([...outcomesFor(kind)]).toEqual(["SUPPORT", "EXPLAIN", "NOT_SUPPORT"]);
    },
  );

  it("covers every category kind, and together the kinds use every outcome", () => {
    expect([...CATEGORY_KINDS].sort()).toEqual(["ACCUSATION", "APPEAL", "LEGAL", "SUGGESTION"]);
    const used = new Set(CATEGORY_KINDS.flatMap((k) => [...outcomesFor(k)]));
    expect([...used].sort()).toEqual([...OUTCOMES].sort());
  });

  it("suggestion outcomes and request outcomes never mix", () => {
    const suggestion = new Set(outcomesFor("SUGGESTION"));
    for (const o of outcomesFor("APPEAL")) expect(suggestion.has(o)).toBe(false);
  });
});

describe("isCollectiveVisit (条例第20条)", () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [6, true],
    [200, true],
  ])("%i persons → collective %s", (n, collective) => {
    expect(isCollectiveVisit(n)).toBe(collective);
  });

  it("the boundary is 5 persons and a collective visit sends at most 5 representatives", () => {
    expect(COLLECTIVE_VISIT_MIN_PERSONS).toBe(5);
    expect(MAX_REPRESENTATIVES).toBe(5);
  });
});

describe("isConfidentialKind / mayPublishContent (条例第46条, spec §5)", () => {
  it("only accusations are confidential", () => {
    for (const k of CATEGORY_KINDS) expect(isConfidentialKind(k), k).toBe(k === "ACCUSATION");
  });

  it("an accusation's content is never publishable, even with consent", () => {
    expect(mayPublishContent("ACCUSATION", true)).toBe(false);
    expect(mayPublishContent("ACCUSATION", false)).toBe(false);
  });

  it("an accusation carries no public progress notes; every other kind may", () => {
    for (const k of CATEGORY_KINDS) expect(mayCarryPublicNotes(k), k).toBe(k !== "ACCUSATION");
  });

  it.each(["SUGGESTION", "APPEAL", "LEGAL"] as CategoryKind[])(
    "%s content is publishable only with consent",
    (kind) => {
      expect(mayPublishContent(kind, true)).toBe(true);
      expect(mayPublishContent(kind, false)).toBe(false);
    },
  );
});

describe("what the public sees of a case (spec §5)", () => {
  it("its published text: approved by staff, with consent, never an accusation's — every combination", () => {
    const at = new Date("2026-03-02T02:00:00Z");
    for (const kind of CATEGORY_KINDS)
      for (const consentPublic of [true, false])
        for (const publishedAt of [at, null])
          expect(
            showsPublishedText({ kind, consentPublic, publishedAt }),
            `${kind} ${consentPublic} ${publishedAt}`,
          ).toBe(kind !== "ACCUSATION" && consentPublic && publishedAt !== null);
  });

  it("is listed one by one for every kind but accusations, which are only counted", () => {
    expect([...LISTED_KINDS].sort()).toEqual(["APPEAL", "LEGAL", "SUGGESTION"]);
    expect(COUNTED_ONLY_KINDS).toEqual(["ACCUSATION"]);
    expect([...LISTED_KINDS, ...COUNTED_ONLY_KINDS].sort()).toEqual([...CATEGORY_KINDS].sort());
  });
});

describe("charCount", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["张三", 2],
    ["欧阳娜娜", 4],
    ["𠀋", 1], // U+2000B: two UTF-16 units, one character
    ["𠀋三𠀋", 3],
    ["😀", 1],
    ["信访 2026！", 8],
  ])("%j has %i characters", (text, n) => {
    expect(charCount(text)).toBe(n);
  });

  it("differs from .length for astral characters", () => {
    expect("𠀋𠀋".length).toBe(4);
    expect(charCount("𠀋𠀋")).toBe(2);
  });

  it("a limit counts a name of rare characters as a person does", () => {
    // Two astral characters are 4 UTF-16 units but only 2 characters: within name.min..name.max.
    const n = charCount("𠀋𠀋");
    expect(n >= LIMITS.name.min && n <= LIMITS.name.max).toBe(true);
  });
});

describe("LIMITS", () => {
  it("every minimum is at most its maximum", () => {
    for (const [k, { min, max }] of Object.entries(LIMITS)) {
      expect(min, k).toBeGreaterThanOrEqual(0);
      expect(min, k).toBeLessThanOrEqual(max);
    }
  });
});
