// Which cached public pages a committed change makes stale (issue 9). Pure: lib/data/public-pages.ts collects
// what a transaction touched and asks this for the pages; app/api/internal/revalidate checks what it is sent here.
import { LOCALES } from "@/lib/i18n/translate";
import { internalPath, splitLocale } from "@/lib/i18n/locale-path";
import { parseTrackingNo } from "@/lib/domain/tracking";

export type PublicChange = {
  /** Cases whose public record (state, timeline, reply, deadlines, chain head…) changed. */
  trackingNos: readonly string[];
  /** The home page's figures changed, or a published case (the home page lists the latest) did. */
  home: boolean;
};

/** The pages under app/[locale] that show these changes, in every language, each once, in a stable order. */
export function stalePages(change: PublicChange): string[] {
  const pages = new Set<string>();
  for (const trackingNo of [...change.trackingNos].sort())
    for (const locale of LOCALES) pages.add(internalPath(locale, `/cases/${trackingNo}`));
  const add = (...paths: string[]) => {
    for (const page of paths) for (const locale of LOCALES) pages.add(internalPath(locale, page));
  };
  const anyCase = change.trackingNos.length > 0;
  // The figures changed: the home page's, every page of the statistics and the report.
  if (change.home) add("/", STATS, REPORT);
  // Any change to any case may change any page of the public case list (its order, counts, states, on time).
  if (anyCase) add(LETTERS);
  // The unit scorecards follow the figures and every case (a supervision order, an answer, a deadline).
  if (change.home || anyCase) add(UNITS);
  return [...pages];
}

/** The public case list: this path stands for all of its pages (every filter, every page) in a language. */
export const LETTERS = "/letters";
/** The statistics and the report: each path stands for every choice of period and unit in a language. */
export const STATS = "/stats";
export const REPORT = "/report";
/** The unit scorecards: every period and unit in a language. */
export const UNITS = "/units";

/**
 * The pages that stand for a family of addresses (every filter, page or choice under them), with the route
 * under app/ that Next's revalidatePath names for all of them.
 */
export const PAGE_FAMILIES: Readonly<Record<string, string>> = {
  [LETTERS]: "/[locale]/letters/[[...filter]]",
  [STATS]: "/[locale]/stats/[[...choice]]",
  [REPORT]: "/[locale]/report/[[...choice]]",
  [UNITS]: "/[locale]/units/[[...choice]]",
};
const isFamily = (page: string) => Object.hasOwn(PAGE_FAMILIES, page);

/** A page the revalidation route accepts: the home page or a case page of a well-formed number, in a language. */
export function isRevalidatablePage(path: unknown): path is string {
  if (typeof path !== "string") return false;
  const { locale, path: page } = splitLocale(path);
  if (locale === null) return false;
  return (
    page === "/" ||
    isFamily(page) ||
    (page.startsWith("/cases/") && parseTrackingNo(page.slice("/cases/".length)) !== null)
  );
}

const CACHED_PAGES = ["/", "/file", "/track", "/track/expired", "/verify"];
const CASE_PAGE = /^\/cases\/[^/]+$/;

/**
 * Whether a page under app/[locale] (its internal path, e.g. /zh-CN/cases/XF…) is a cached page — the same for
 * everyone, so sent without a per-request nonce. Not the petitioner's view (/track/case) and not the staff area.
 */
export function isCachedPage(path: string): boolean {
  const { locale, path: page } = splitLocale(path);
  if (locale === null) return false;
  if (CACHED_PAGES.includes(page) || CASE_PAGE.test(page) || isFamily(page)) return true;
  // Under a family: every address but the choice form's redirect (/letters/go, /stats/go, /report/go).
  const family = Object.keys(PAGE_FAMILIES).find((f) => page.startsWith(`${f}/`));
  return family !== undefined && page !== `${family}/go`;
}
