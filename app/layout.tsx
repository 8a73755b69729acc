import type { Metadata } from "next";
import "./globals.css";
import { getT } from "@/lib/i18n/server";
import { catalogFor } from "@/lib/i18n";
import { MessagesProvider } from "@/lib/i18n/client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("home.title"), template: `%s · ${t("site.name")}` }, description: t("site.tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {/* The viewer's catalog only: the other language never reaches the browser. */}
        <MessagesProvider locale={locale} messages={catalogFor(locale)}>
          {children}
        </MessagesProvider>
      </body>
    </html>
  );
}
