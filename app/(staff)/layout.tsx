import type { Metadata } from "next";
import "../globals.css";
import { getT } from "@/lib/i18n/server";

// The staff area's root layout. Its pages are personal and never cached; their language is the staff member's
// choice (the cookie app/api/locale sets), not part of the URL.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("home.title"), template: `%s · ${t("site.name")}` } };
}

export default async function StaffRootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {/* Client components get the viewer's catalog from ClientMessages in app/(staff)/staff/layout.tsx. */}
        {children}
      </body>
    </html>
  );
}
