import { now } from "@/lib/clock";
import { findOpenCases } from "@/lib/data/open-cases";
import { parseCaseListQuery } from "@/lib/domain/public-case-list";
import { translator } from "@/lib/i18n";
import { DEFAULT_LOCALE } from "@/lib/i18n/translate";
import { openDataLocale, openError } from "./open-data";

/**
 * What cases.json and cases.csv share: the language, the filters (lib/domain/public-case-list.ts) and the page of the
 * public record — or the refusal to send, in the language asked for.
 */
export async function openCasesFor(request: Request) {
  const url = new URL(request.url);
  const locale = openDataLocale(url);
  if (locale === null)
    return { refused: openError(400, translator(DEFAULT_LOCALE)("openData.errors.badLang")) } as const;
  const parsed = parseCaseListQuery(url.searchParams);
  if (!parsed.ok)
    return {
      refused: openError(400, translator(locale)(`openData.errors.${parsed.refusal.key}`, { ...parsed.refusal })),
    } as const;
  return { list: await findOpenCases(parsed.filters, now(), locale) } as const;
}
