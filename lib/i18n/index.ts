// Message lookup and formatting. zh-CN is the default and the source of truth; en is second.
import zhCN, { type Messages } from "./messages/zh-CN";
import en from "./messages/en";
import { toCivilDate, SHANGHAI_OFFSET_MS } from "@/lib/domain/civil-date";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

const CATALOGS: Record<Locale, unknown> = { "zh-CN": zhCN, en };

type Leaves<T, P extends string = ""> = T extends string
  ? P
  : T extends readonly string[]
    ? never
    : { [K in keyof T & string]: Leaves<T[K], P extends "" ? K : `${P}.${K}`> }[keyof T & string];

/** Every key that leads to one string, e.g. "track.wrongPair". */
export type MessageKey = Leaves<Messages>;
export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function lookup(locale: Locale, key: string): unknown {
  let node: unknown = CATALOGS[locale];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => {
    const found = lookup(locale, key) ?? lookup(DEFAULT_LOCALE, key);
    return typeof found === "string" ? interpolate(found, params) : key;
  };
}

/** A list of strings (e.g. steps) from the catalog. */
export function messageList(locale: Locale, key: string): readonly string[] {
  const found = lookup(locale, key);
  return Array.isArray(found) ? (found as string[]) : [];
}

/** Checks a dynamic key (built from an enum value) against the catalog before use. */
export function hasMessage(key: string): key is MessageKey {
  return typeof lookup(DEFAULT_LOCALE, key) === "string";
}

/** 2026-03-02 */
export function formatDate(instant: Date): string {
  return toCivilDate(instant);
}

/** 2026-03-02 14:05 (Asia/Shanghai) */
export function formatDateTime(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}
