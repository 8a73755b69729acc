// Which requests proxy.ts answers with the not-found page before any page runs. Pure.
import { normalizeTrackingNo, parseTrackingNo } from "@/lib/domain/tracking";

/** A path segment or path, percent-decoded; null when its percent-encoding is malformed ("%E0%A4%A",
 *  "%ZZ"): decodeURIComponent throws on it, and a page or route that decodes it would answer 500. */
export function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The tracking number a public case page's segment names, as the page reads it; null if none could. */
export function trackingNoOfSegment(segment: string): string | null {
  const decoded = decodePath(segment);
  if (decoded === null) return null;
  const trackingNo = normalizeTrackingNo(decoded);
  return parseTrackingNo(trackingNo) ? trackingNo : null;
}

const PUBLIC_CASE_PAGE = /^\/cases\/([^/]+)\/?$/;

export type RequestPath =
  | { kind: "malformed" } // no page can answer it
  | { kind: "publicCase"; trackingNo: string | null } // null: not a tracking number
  | { kind: "other" };

export function classifyRequestPath(pathname: string): RequestPath {
  if (decodePath(pathname) === null) return { kind: "malformed" };
  const segment = PUBLIC_CASE_PAGE.exec(pathname)?.[1];
  return segment === undefined ? { kind: "other" } : { kind: "publicCase", trackingNo: trackingNoOfSegment(segment) };
}
