import { isLocale } from "@/lib/i18n";
import { DEFAULT_LOCALE } from "@/lib/i18n/translate";
import { localePath } from "@/lib/i18n/locale-path";
import { LIST_PAGE_SIZE, listPath, parseCaseListQuery } from "@/lib/domain/public-case-list";

// Where the 公开信件 filter form goes (a GET form: no JavaScript needed): the browser is sent on to the one address of
// what was chosen (lib/domain/public-case-list.ts listPath), a cached page. What no form offers (a forged value)
// leads back to the unfiltered list. Empty fields are no filter.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const raw = (await params).locale;
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  const chosen = new URLSearchParams();
  for (const [key, value] of new URL(request.url).searchParams) if (value.trim() !== "") chosen.set(key, value);
  chosen.delete("page");
  chosen.set("page_size", String(LIST_PAGE_SIZE));
  const parsed = parseCaseListQuery(chosen);
  const to = localePath(locale, parsed.ok ? listPath(parsed.filters) : "/letters");
  return new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "no-store" } });
}
