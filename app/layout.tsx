import type { Metadata } from "next";
import "./globals.css";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("home.title"), template: `%s · ${t("site.name")}` }, description: t("site.tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {/* Client components get the viewer's catalog from ClientMessages in the layouts of the pages that have
            them (lib/i18n/client-messages.tsx): one language only, and none on pages without a client form. */}
        {children}
      </body>
    </html>
  );
}
