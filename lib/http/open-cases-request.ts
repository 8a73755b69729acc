import { now } from "@/lib/clock";
import { findOpenCases } from "@/lib/data/open-cases";
import { parseCaseListQuery } from "@/lib/domain/public-case-list";
import { openDataLocale, refusedParam } from "./open-data";

/**
 * What cases.json and cases.csv share: the language, the filters (lib/domain/public-case-list.ts) and the page of the
 * public record — or the refusal to send, in the language asked for.
 */
export async function openCasesFor(request: Request) {
  const url = new URL(request.url);
  const lang = openDataLocale(url);
  if ("refused" in lang) return lang;
  const parsed = parseCaseListQuery(url.searchParams);
  if (!parsed.ok) return { refused: refusedParam(lang.locale, parsed.refusal) } as const;
  return { list: await findOpenCases(parsed.filters, now(), lang.locale) } as const;
}
