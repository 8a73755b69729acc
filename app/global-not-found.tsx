import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { NOT_FOUND_OF_HEADER, PAGE_LOCALE_HEADER, notFoundOf } from "@/lib/http/not-found";
import { PublicFrame } from "@/components/ui/public-frame";
import { NotFoundNotice } from "@/components/ui/not-found-notice";

// Every URL no route matches, and what proxy.ts rewrites here (malformed URLs, unknown case numbers): rendered
// into the HTML, so the 404 reads the same with JavaScript off. It stands outside both root layouts (public and
// staff), so it draws its own <html>; the proxy tells it the language of the address asked for.
async function language() {
  const value = (await headers()).get(PAGE_LOCALE_HEADER);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT(await language());
  return { title: `${t("errors.notFound")} · ${t("site.name")}` };
}

export default async function GlobalNotFound() {
  const [locale, requestHeaders] = await Promise.all([language(), headers()]);
  const of = notFoundOf(requestHeaders.get(NOT_FOUND_OF_HEADER));
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <PublicFrame path="/" locale={locale}>
          <NotFoundNotice of={of} locale={locale} />
        </PublicFrame>
      </body>
    </html>
  );
}
