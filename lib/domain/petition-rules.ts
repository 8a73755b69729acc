// Rules about a petition's content that the 条例 sets or that keep the portal usable.

export const CHANNELS = ["ONLINE", "LETTER", "VISIT", "PHONE", "FAX", "HIGHER_TRANSFER", "HIGHER_ASSIGN"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORY_KINDS = ["SUGGESTION", "ACCUSATION", "APPEAL", "LEGAL"] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const OUTCOMES = ["SUPPORT", "EXPLAIN", "NOT_SUPPORT", "ADOPT", "PARTIAL_ADOPT", "NOT_ADOPT"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** 条例第32条: suggestions are adopted or not; other requests are supported, explained or not supported (第29条). */
export function outcomesFor(kind: CategoryKind): readonly Outcome[] {
  return kind === "SUGGESTION" ? ["ADOPT", "PARTIAL_ADOPT", "NOT_ADOPT"] : ["SUPPORT", "EXPLAIN", "NOT_SUPPORT"];
}

/** 条例第20条: five or more persons make a collective visit, which sends at most five representatives. */
export const COLLECTIVE_VISIT_MIN_PERSONS = 5;
export const MAX_REPRESENTATIVES = 5;
export const MAX_VISIT_PERSONS = 10_000;

export function isCollectiveVisit(personCount: number): boolean {
  return personCount >= COLLECTIVE_VISIT_MIN_PERSONS;
}

/** Accusation content is never public and the accused unit never handles it (条例第46条). */
export function isConfidentialKind(kind: CategoryKind): boolean {
  return kind === "ACCUSATION";
}

/** Content may be published only with the petitioner's consent, and never for an accusation. */
export function mayPublishContent(kind: CategoryKind, consentPublic: boolean): boolean {
  return consentPublic && !isConfidentialKind(kind);
}

/**
 * Whether a case's published text (title, summary, reply) may be shown to the public now: staff approved it
 * (`publishedAt`), and the content may be published at all.
 */
export function showsPublishedText(c: {
  kind: CategoryKind;
  consentPublic: boolean;
  publishedAt: Date | null;
}): boolean {
  return c.publishedAt !== null && mayPublishContent(c.kind, c.consentPublic);
}

/**
 * The category kinds whose cases are listed publicly, one by one (公开信件, the open data, Open311): all but
 * accusations, which are only counted — their number and category alone would tell the accused unit that someone
 * complained (条例第46条).
 */
export const LISTED_KINDS: readonly CategoryKind[] = CATEGORY_KINDS.filter((k) => !isConfidentialKind(k));
/** The kinds only counted in public: accusations. */
export const COUNTED_ONLY_KINDS: readonly CategoryKind[] = CATEGORY_KINDS.filter(isConfidentialKind);

/**
 * 公开进展 notes are shown on the public page, so an accusation carries none: not its content, and not how
 * its handling goes either (spec §5; 条例第46条 keeps accusations confidential).
 */
export function mayCarryPublicNotes(kind: CategoryKind): boolean {
  return !isConfidentialKind(kind);
}

/** Form limits, in characters as a person counts them (code points). */
export const LIMITS = {
  title: { min: 4, max: 60 },
  content: { min: 20, max: 5000 },
  name: { min: 2, max: 30 },
  address: { min: 4, max: 120 },
  supplement: { min: 2, max: 3000 },
  withdrawReason: { min: 0, max: 500 },
  note: { min: 2, max: 2000 },
} as const;

export function charCount(text: string): number {
  return Array.from(text).length;
}

/** The proper channels a 不予受理 decision points the petitioner to (条例第31条). */
export const PROPER_CHANNELS = ["LITIGATION", "ARBITRATION", "ADMIN_REVIEW", "OTHER"] as const;
export type ProperChannel = (typeof PROPER_CHANNELS)[number];
