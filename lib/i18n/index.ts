// Message lookup and formatting. zh-CN is the default and the source of truth; en is second.
// This module holds both catalogs: server code only. Client components use ./client (useT), which
// receives the current locale's catalog from the root layout.
import zhCN from "./messages/zh-CN";
import en from "./messages/en";
import {
  DEFAULT_LOCALE,
  catalogTranslator,
  lookupIn,
  type Catalog,
  type Locale,
  type MessageKey,
  type Translate,
} from "./translate";

export * from "./translate";
export * from "./format";

const CATALOGS: Record<Locale, Catalog> = { "zh-CN": zhCN, en };

/** The one catalog a browser of this locale receives. */
export function catalogFor(locale: Locale): Catalog {
  return CATALOGS[locale];
}

export function translator(locale: Locale): Translate {
  return catalogTranslator(CATALOGS[locale], CATALOGS[DEFAULT_LOCALE], locale);
}

/** A list of strings (e.g. steps) from the catalog. */
export function messageList(locale: Locale, key: string): readonly string[] {
  const found = lookupIn(CATALOGS[locale], key);
  return Array.isArray(found) ? (found as string[]) : [];
}

/** Checks a dynamic key (built from an enum value) against the catalog before use. */
export function hasMessage(key: string): key is MessageKey {
  return typeof lookupIn(CATALOGS[DEFAULT_LOCALE], key) === "string";
}
