import { revalidatePath } from "next/cache";
import { appSecret } from "@/lib/secret";
import { SIGNATURE_HEADER, readRevalidation } from "@/lib/http/revalidation-message";
import { localePath, splitLocale } from "@/lib/i18n/locale-path";
import { DEFAULT_LOCALE } from "@/lib/i18n/translate";
import { PAGE_FAMILIES } from "@/lib/http/public-pages";

// Drops stale public pages from this server's caches on behalf of a write that changed cases
// (lib/data/public-pages.ts): Next's own (revalidatePath on the page under app/[locale]) and the micro-cache in
// front of it (scripts/lib/page-cache.mjs, keyed by public address). Signed with the app secret; anything else 403.
export const dynamic = "force-dynamic";

type PageCache = { drop: (paths: string[]) => void };
const PAGE_CACHE_KEY = Symbol.for("sunshine.pageCache");

/** /zh-CN/cases/X → /cases/X; /en/cases/X stays. */
function publicAddress(page: string): string {
  const { locale, path } = splitLocale(page);
  return localePath(locale ?? DEFAULT_LOCALE, path);
}

export async function POST(request: Request) {
  const body = await request.text();
  const pages = readRevalidation(appSecret(), body, request.headers.get(SIGNATURE_HEADER), Date.now());
  if (pages === null) return Response.json({ error: "forbidden" }, { status: 403 });
  const routeOf = (page: string) => PAGE_FAMILIES[splitLocale(page).path];
  const lists = pages.filter((p) => routeOf(p) !== undefined);
  for (const page of pages) if (!lists.includes(page)) revalidatePath(page);
  // A family's page stands for every address of its route (Next's route pattern; both languages), once each.
  for (const route of new Set(lists.map((p) => routeOf(p)!))) revalidatePath(route, "page");
  // The micro-cache drops a family's pages by its address and every address under it ("/letters/*").
  const addresses = pages.map((p) => (lists.includes(p) ? `${publicAddress(p)}/*` : publicAddress(p)));
  (globalThis as { [PAGE_CACHE_KEY]?: PageCache | null })[PAGE_CACHE_KEY]?.drop(addresses);
  return Response.json({ revalidated: pages.length });
}
