// Lookup and formatting over one catalog, with no catalog of its own: client components reach the strings
// through this module and the provider in ./client, so a browser loads the current locale's catalog only
// (it arrives as a prop from the server). The catalogs themselves are imported by ./index, on the server.
import type { Messages } from "./messages/zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

type Leaves<T, P extends string = ""> = T extends string
  ? P
  : T extends readonly string[]
    ? never
    : { [K in keyof T & string]: Leaves<T[K], P extends "" ? K : `${P}.${K}`> }[keyof T & string];

/** Every key that leads to one string, e.g. "track.wrongPair". */
export type MessageKey = Leaves<Messages>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** One locale's catalog as it travels to the browser (the shape of zh-CN, any locale's strings). */
export type Catalog = unknown;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function lookupIn(catalog: Catalog, key: string): unknown {
  let node: unknown = catalog;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator over `catalog`, then `fallback`; a key found in neither shows itself, never "". */
export function catalogTranslator(catalog: Catalog, fallback?: Catalog): Translate {
  return (key, params) => {
    const found = lookupIn(catalog, key) ?? (fallback === undefined ? undefined : lookupIn(fallback, key));
    return typeof found === "string" ? interpolate(found, params) : key;
  };
}
