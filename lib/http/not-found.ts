// How proxy.ts tells the not-found page what was not found, and in which language. Pure.

/** A path no route matches: a request rewritten to it is answered by app/global-not-found.tsx, status 404, with
 *  its content in the HTML (unlike a page calling notFound() in a production build). Two segments: any single
 *  one would be taken for app/[locale]. */
export const NOT_FOUND_PATH = "/_not-found/rewrite";

/** Set by proxy.ts on the rewritten request (and removed from every client request). */
export const NOT_FOUND_OF_HEADER = "x-not-found-of";

/** Set by proxy.ts on every page request (and removed from every client request): the language of the address
 *  asked for, which the global not-found page cannot read from a route. Cached pages never read it. */
export const PAGE_LOCALE_HEADER = "x-page-locale";

export type NotFoundOf = "page" | "case";

export function notFoundOf(value: string | null | undefined): NotFoundOf {
  return value === "case" ? "case" : "page";
}
