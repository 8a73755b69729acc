/**
 * The catalog's sections the petitioner's client forms read — /file, /track and the petitioner's own view of a case:
 * their own strings and the messages a petitioner's action answers with. Only these reach the browser on public pages
 * (lib/i18n/client-messages.tsx); the staff area gets the whole catalog. lib/i18n/client-namespaces.test.ts finds
 * every key those forms and actions name and fails on one outside this list.
 */
export const PETITIONER_CLIENT_NAMESPACES = [
  "afterAnswer",
  "deadline",
  "enums",
  "errors",
  "file",
  "filingLimit",
  "formInput",
  "receipt",
  "rules",
  "track",
  "view",
] as const;

/** A catalog cut down to some of its top-level sections. */
export function catalogSections(catalog: unknown, sections: readonly string[]): Record<string, unknown> {
  const whole = catalog as Record<string, unknown>;
  return Object.fromEntries(sections.filter((s) => s in whole).map((s) => [s, whole[s]]));
}
