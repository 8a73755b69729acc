import { now } from "@/lib/clock";
import { findServiceRequests } from "@/lib/data/open-data";
import { parseRequestsQuery } from "@/lib/domain/open311";
import { translator } from "@/lib/i18n";
import { DEFAULT_LOCALE } from "@/lib/i18n/translate";
import { openDataLocale, openError, openJson } from "@/lib/http/open-data";

// Open311 GeoReport v2: the service requests (cases' public records) received in a window, newest first, a page at
// a time (lib/domain/open311.ts: parameters and mapping).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const locale = openDataLocale(url);
  if (locale === null) return openError(400, translator(DEFAULT_LOCALE)("openData.errors.badLang"));
  const parsed = parseRequestsQuery(url.searchParams, now());
  if (!parsed.ok)
    return openError(400, translator(locale)(`openData.errors.${parsed.refusal.key}`, { ...parsed.refusal }));
  return openJson(await findServiceRequests(parsed.query, locale));
}
