"use client";
// The current locale's strings for client components. The root layout passes the one catalog of the
// viewer's locale, so the other language never ships to the browser (e2e/one-catalog.spec.ts checks).
// Never import ./index or ./messages/* from a client module: both catalogs would join the bundle
// (lib/i18n/client-bundle.test.ts checks).
import { createContext, useContext, useMemo } from "react";
import { catalogTranslator, type Catalog, type Locale, type Translate } from "./translate";

type Strings = { locale: Locale; t: Translate };

const MessagesContext = createContext<Strings | null>(null);

export function MessagesProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Catalog;
  children: React.ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: catalogTranslator(messages, undefined, locale) }), [locale, messages]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

function useStrings(): Strings {
  const value = useContext(MessagesContext);
  // A component outside the provider is a wiring mistake: say so, rather than show keys.
  if (!value) throw new Error("MessagesProvider missing above this client component");
  return value;
}

/** The translator of the viewer's locale. */
export function useT(): Translate {
  return useStrings().t;
}

export function useLocale(): Locale {
  return useStrings().locale;
}
