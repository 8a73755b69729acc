import "server-only";
import { catalogFor } from "./index";
import { getT } from "./server";
import { MessagesProvider } from "./client";

/**
 * Gives the client components below it the viewer's catalog — one language only. Placed in the layouts of the
 * pages that have client forms (filing, tracking, staff), so pages without one (home, the public case page)
 * carry no catalog at all.
 */
export async function ClientMessages({ children }: { children: React.ReactNode }) {
  const { locale } = await getT();
  return (
    <MessagesProvider locale={locale} messages={catalogFor(locale)}>
      {children}
    </MessagesProvider>
  );
}
