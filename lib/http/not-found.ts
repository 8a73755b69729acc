// How proxy.ts tells the not-found page what was not found. Pure.

/** A path no route matches: a request rewritten to it is answered by app/not-found.tsx, status 404, with
 *  its content in the HTML (unlike a page calling notFound() in a production build). */
export const NOT_FOUND_PATH = "/_not-found-rewrite";

/** Set by proxy.ts on the rewritten request (and removed from every client request). */
export const NOT_FOUND_OF_HEADER = "x-not-found-of";

export type NotFoundOf = "page" | "case";

export function notFoundOf(value: string | null | undefined): NotFoundOf {
  return value === "case" ? "case" : "page";
}
