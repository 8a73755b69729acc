import "server-only";
import { catalogFor } from "./index";
import { catalogSections } from "./client-namespaces";
import { getT } from "./server";
import { MessagesProvider } from "./client";

/**
 * Gives the client components below it the viewer's catalog — one language only, and only the `sections` named
 * (default: all; the public pages pass PETITIONER_CLIENT_NAMESPACES, which keeps the staff area's strings out of
 * every public page). Placed in the layouts of the pages that have client forms (filing, tracking, staff), so pages
 * without one (home, the public case page) carry no catalog at all.
 */
export async function ClientMessages({
  sections,
  children,
}: {
  sections?: readonly string[];
  children: React.ReactNode;
}) {
  const { locale } = await getT();
  const catalog = catalogFor(locale);
  return (
    <MessagesProvider locale={locale} messages={sections ? catalogSections(catalog, sections) : catalog}>
      {children}
    </MessagesProvider>
  );
}
