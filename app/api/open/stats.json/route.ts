import { readStatistics } from "@/lib/data/figures";
import { parseStatsQuery, statsJsonOf } from "@/lib/domain/statistics";
import { openDataLocale, openError, openJson, refusedParam } from "@/lib/http/open-data";
import { translator } from "@/lib/i18n";

// Open data: the statistics of a year or a quarter (spec §6), county-wide or for a unit and the units under it, with
// their 同比 changes — the figures the statistics page and the annual report show (docs/open-data.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const lang = openDataLocale(url);
  if ("refused" in lang) return lang.refused;
  const parsed = parseStatsQuery(url.searchParams, null);
  if (!parsed.ok) return refusedParam(lang.locale, parsed.refusal);
  const found = await readStatistics(parsed.query);
  if (!found)
    return openError(
      404,
      translator(lang.locale)("openData.errors.unknownUnit", { code: parsed.query.unitCode ?? "" }),
    );
  const { year, quarter, unitCode } = parsed.query;
  return openJson({ year, quarter, unit: unitCode, ...statsJsonOf(found.statistics) });
}
