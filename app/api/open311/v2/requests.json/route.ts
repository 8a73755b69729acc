import { now } from "@/lib/clock";
import { findServiceRequests } from "@/lib/data/open-data";
import { parseRequestsQuery } from "@/lib/domain/open311";
import { openDataLocale, openJson, refusedParam } from "@/lib/http/open-data";

// Open311 GeoReport v2: the service requests (cases' public records) received in a window, newest first, a page at
// a time (lib/domain/open311.ts: parameters and mapping).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const lang = openDataLocale(url);
  if ("refused" in lang) return lang.refused;
  const parsed = parseRequestsQuery(url.searchParams, now());
  if (!parsed.ok) return refusedParam(lang.locale, parsed.refusal);
  return openJson(await findServiceRequests(parsed.query, lang.locale));
}
