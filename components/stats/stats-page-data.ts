import "server-only";
import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { languageAlternates } from "@/lib/i18n/locale-path";
import { now } from "@/lib/clock";
import { readStatistics } from "@/lib/data/figures";
import { openUnits } from "@/lib/data/open-data";
import { civilYear } from "@/lib/domain/civil-date";
import { statsPath, statsQueryOfPath, type StatsQuery, type StatsBase } from "@/lib/domain/statistics";

/** How many years the choice offers: this one and the nine before. */
const YEARS_OFFERED = 10;

/** The choice an address names: none is the current year, county-wide; null when not the address of any. */
export function choiceOf(segments: string[] | undefined, at: Date): StatsQuery | null {
  if (!segments || segments.length === 0) return { year: civilYear(at), quarter: null, unitCode: null };
  try {
    return statsQueryOfPath(segments.map((s) => decodeURIComponent(s)));
  } catch {
    return null; // a segment that does not decode
  }
}

/** The years (this one and the nine before, and the one shown) and the units a choice form offers. */
export async function unitChoices(at: Date, query: StatsQuery) {
  const thisYear = civilYear(at);
  const units = await openUnits();
  return {
    years: [...new Set([...Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i), query.year])].sort(
      (a, b) => b - a,
    ),
    // A legal organ's figures are always empty (涉法涉诉 counts nowhere); villages are in their township's.
    units: units.filter((u) => u.kind !== "LEGAL" && u.kind !== "VILLAGE").map((u) => ({ code: u.code, name: u.name })),
  };
}

/** What the statistics page and the report show for an address: the figures, the years and units to choose from. */
export async function statsPageData(segments: string[] | undefined) {
  const at = now();
  const query = choiceOf(segments, at);
  if (query === null) return null;
  const [data, choices] = await Promise.all([readStatistics(query), unitChoices(at, query)]);
  if (data === null) return null;
  return {
    at,
    data,
    path: (base: StatsBase) => (segments && segments.length > 0 ? statsPath(base, query) : base),
    ...choices,
  };
}

export type StatsPageProps = { params: Promise<{ choice?: string[] }> };

/** The title and language alternates of the statistics page or the report at an address; nothing for a 404. */
export async function statsMetadata(base: StatsBase, { params }: StatsPageProps): Promise<Metadata> {
  const { t, locale } = await getT();
  const segments = (await params).choice;
  const query = choiceOf(segments, now());
  if (query === null) return {};
  const path = segments?.length ? statsPath(base, query) : base;
  const title = { "/stats": t("stats.title"), "/report": t("nav.report"), "/units": t("units.title") }[base];
  return { title, alternates: languageAlternates(locale, path) };
}
