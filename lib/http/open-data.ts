// How the open data is served (app/api/open, app/api/open311): JSON for anyone, from any site (CORS), shareable for
// a minute like the cached public pages — the micro-cache in front of Next keeps it for a few seconds and drops it on
// every change (scripts/lib/page-cache.mjs), a CDN for at most `s-maxage` — and errors as GeoReport v2 has them
// (`[{ code, description }]`), described in the language asked for (`lang=zh-CN|en`, default Chinese).
import { attachmentDisposition, toCsv, type CsvCell } from "@/lib/domain/csv";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/translate";

export const OPEN_DATA_CACHE_CONTROL = "s-maxage=60, stale-while-revalidate=240";

const HEADERS = { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" } as const;

export function openJson(body: unknown): Response {
  return Response.json(body, { headers: { ...HEADERS, "Cache-Control": OPEN_DATA_CACHE_CONTROL } });
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

/** The `lang` parameter: a locale, the default when absent, null when it is something else. */
export function openDataLocale(url: URL): Locale | null {
  const lang = url.searchParams.get("lang");
  if (lang === null || lang === "") return DEFAULT_LOCALE;
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null;
}
