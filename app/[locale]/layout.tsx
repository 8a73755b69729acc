import type { Metadata } from "next";
import "../globals.css";
import { notFound } from "next/navigation";
import { locale as rootLocale } from "next/root-params";
import { isLocale } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { siteUrl } from "@/lib/http/site-url";

// The public site's root layout: every public page, in each language (app/[locale]; proxy.ts maps the plain
// Chinese paths onto /zh-CN/…). The language comes from the URL only, so each page is rendered once per language
// and served from the cache. The staff area has its own root layout (app/(staff)/layout.tsx).
//
// Nothing is rendered at build time (the build may have no database, or another one): each page is rendered on
// its first request and then served from the cache (an empty generateStaticParams), revalidated on change
// (lib/data/public-pages.ts) and after each page's `revalidate` seconds. Only zh-CN and en reach this segment:
// the proxy rewrites every other first segment under /zh-CN, where no route matches it.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return {
    metadataBase: siteUrl(),
    title: { default: t("home.title"), template: `%s · ${t("site.name")}` },
    description: t("site.tagline"),
  };
}

export default async function PublicRootLayout({ children }: { children: React.ReactNode }) {
  if (!isLocale(await rootLocale())) notFound(); // the proxy lets nothing else through; a bypassed one might
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {/* Each page draws the public frame itself (components/ui/public-frame.tsx): its language switch links to
            the same page in the other language, which a layout cannot know. */}
        {children}
      </body>
    </html>
  );
}
