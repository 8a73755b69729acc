import { now } from "@/lib/clock";
import { civilYear } from "@/lib/domain/civil-date";
import { parseStatsQuery, statsPath, type StatsBase } from "@/lib/domain/statistics";
import { isLocale } from "@/lib/i18n";
import { DEFAULT_LOCALE } from "@/lib/i18n/translate";
import { localePath } from "@/lib/i18n/locale-path";

/**
 * Where the statistics page's and the report's choice form goes (a GET form): the browser is sent on (303) to the one
 * address of what was chosen (lib/domain/statistics.ts statsPath), a cached page. A forged value leads back to the
 * current year.
 */
export async function statsGo(base: StatsBase, request: Request, params: Promise<{ locale: string }>) {
  const raw = (await params).locale;
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  const parsed = parseStatsQuery(new URL(request.url).searchParams, civilYear(now()));
  const to = localePath(locale, parsed.ok ? statsPath(base, parsed.query) : base);
  return new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "no-store" } });
}
