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

/** A plural choice in ICU message syntax: `{count, plural, one {# day} other {# days}}` (`=0 {…}` exact forms too; `#`
 *  is the number; a branch may hold plain `{params}`). English needs it; Chinese has no plural forms. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

function choosePlural(locale: string, value: number, branches: string): string | null {
  const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1]!, m[2]!] as const));
  const chosen = forms.get(`=${value}`) ?? forms.get(new Intl.PluralRules(locale).select(value)) ?? forms.get("other");
  return chosen === undefined ? null : chosen.replace(/#/g, String(value));
}

function interpolate(template: string, params: Params | undefined, locale: string): string {
  if (!params) return template;
  const plain = template.replace(PLURAL, (m, name: string, branches: string) => {
    const value = params[name];
    return typeof value === "number" ? (choosePlural(locale, value, branches) ?? m) : m;
  });
  return plain.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The parameters a message takes: its `{name}` placeholders and its `{name, plural, …}` choices. */
export function messageParams(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLURAL)) names.add(m[1]!);
  for (const m of template.replace(PLURAL, (_, name: string, branches: string) => branches).matchAll(/\{(\w+)\}/g))
    names.add(m[1]!);
  return [...names].sort();
}

/** A translator over `catalog`, then `fallback`; a key found in neither shows itself, never "". Plural forms follow
 *  `locale`'s rules (Intl.PluralRules). */
export function catalogTranslator(catalog: Catalog, fallback?: Catalog, locale: string = DEFAULT_LOCALE): Translate {
  return (key, params) => {
    const found = lookupIn(catalog, key) ?? (fallback === undefined ? undefined : lookupIn(fallback, key));
    return typeof found === "string" ? interpolate(found, params, locale) : key;
  };
}
