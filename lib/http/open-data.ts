// How the open data is served (app/api/open, app/api/open311): JSON for anyone, from any site (CORS), shareable for
// a minute like the cached public pages — the micro-cache in front of Next keeps it for a few seconds and drops it on
// every change (scripts/lib/page-cache.mjs), a CDN for at most `s-maxage` — and errors as GeoReport v2 has them
// (`[{ code, description }]`), described in the language asked for (`lang=zh-CN|en`, default Chinese).
import { attachmentDisposition, toCsv, type CsvCell } from "@/lib/domain/csv";
import type { QueryRefusal } from "@/lib/domain/open311";
import type { ListRefusal } from "@/lib/domain/public-case-list";
import type { StatsRefusal } from "@/lib/domain/statistics";
import { translator } from "@/lib/i18n";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/translate";

export const OPEN_DATA_CACHE_CONTROL = "s-maxage=60, stale-while-revalidate=240";

const HEADERS = { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" } as const;

export function openJson(body: unknown, cacheControl = OPEN_DATA_CACHE_CONTROL): Response {
  return Response.json(body, { headers: { ...HEADERS, "Cache-Control": cacheControl } });
}

/**
 * JSON that a monitor must see as it is now (the checkpoints, the log, the chains): anyone may read it, nobody keeps
 * it (no micro-cache, no CDN copy) — a proof against an older checkpoint than the latest would only confuse.
 */
export function openJsonFresh(body: unknown): Response {
  return openJson(body, "no-cache");
}

/** A CSV download (RFC 4180, UTF-8 with its byte-order mark for spreadsheets), shareable like the JSON. */
export function openCsv(records: readonly (readonly CsvCell[])[], filename: string): Response {
  return new Response(toCsv(records), {
    headers: {
      ...HEADERS,
      "Cache-Control": OPEN_DATA_CACHE_CONTROL,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(filename, filename),
    },
  });
}

/** A refusal: never cached, so the answer to a corrected query is not held back. */
export function openError(status: 400 | 404, description: string): Response {
  return Response.json([{ code: status, description }], {
    status,
    headers: { ...HEADERS, "Cache-Control": "no-store" },
  });
}

/** The `lang` parameter as a locale (the default when absent), or the refusal to send, in the default language. */
export function openDataLocale(url: URL): { locale: Locale } | { refused: Response } {
  const lang = url.searchParams.get("lang");
  if (lang === null || lang === "") return { locale: DEFAULT_LOCALE };
  if ((LOCALES as readonly string[]).includes(lang)) return { locale: lang as Locale };
  return { refused: openError(400, translator(DEFAULT_LOCALE)("openData.errors.badLang")) };
}

/** A parameter the query's rules refused (lib/domain/open311.ts, public-case-list.ts, statistics.ts), said in `locale`. */
export function refusedParam(locale: Locale, refusal: QueryRefusal | ListRefusal | StatsRefusal): Response {
  return openError(400, translator(locale)(`openData.errors.${refusal.key}`, { ...refusal }));
}
