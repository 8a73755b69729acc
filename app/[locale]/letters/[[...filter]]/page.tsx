import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { languageAlternates, localePath } from "@/lib/i18n/locale-path";
import { formatDate } from "@/lib/i18n";
import { now } from "@/lib/clock";
import { PublicFrame } from "@/components/ui/public-frame";
import { StateBadge } from "@/components/petition/state-badge";
import { findOpenCases } from "@/lib/data/open-cases";
import { openCategories, openUnits } from "@/lib/data/open-data";
import { civilYear } from "@/lib/domain/civil-date";
import { CHANNELS } from "@/lib/domain/petition-rules";
import { STATES } from "@/lib/domain/petition-states";
import { filtersOfListPath, listPath, MAX_QUERY_LENGTH, TIMELINESS } from "@/lib/domain/public-case-list";

// 公开信件 (issue 10): the public record of every case, filtered and a page at a time. A cached public page: its
// filters are in its path (lib/domain/public-case-list.ts listPath), rendered once per address and language, dropped
// on every change to a case (lib/http/public-pages.ts), and after a minute at the latest.
export const revalidate = 60;

export function generateStaticParams(): { filter: string[] }[] {
  return [];
}

type Props = { params: Promise<{ filter?: string[] }> };

function filtersOf(segments: string[] | undefined) {
  try {
    return filtersOfListPath((segments ?? []).map((s) => decodeURIComponent(s)));
  } catch {
    return null; // a segment that does not decode
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t, locale } = await getT();
  const filters = filtersOf((await params).filter);
  return filters === null
    ? {}
    : { title: t("letters.title"), alternates: languageAlternates(locale, listPath(filters)) };
}

const selectClass = "mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5";

export default async function LettersPage({ params }: Props) {
  const filters = filtersOf((await params).filter);
  if (filters === null) notFound();
  const at = now();
  const { t, locale } = await getT();
  const [list, categories, units] = await Promise.all([
    findOpenCases(filters, at, locale),
    openCategories(),
    openUnits(),
  ]);
  // A page reached by `after` (the next-page links) has no counts: only "next" and "first page" then.
  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / list.page_size));
  const path = listPath(filters);
  const thisYear = civilYear(at);
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  const choose = (name: string, label: string, value: string | number | null, options: [string, string][]) => (
    <label className="block text-sm">
      <span className="text-stone-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{t("letters.any")}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const pageLink = (page: number) => localePath(locale, listPath({ ...filters, page, after: null }));
  const nextLink = (after: string) => localePath(locale, listPath({ ...filters, page: 1, after }));
  return (
    <PublicFrame path={path}>
      <div className="space-y-6">
        <PageHeader title={t("letters.title")} lead={t("letters.intro")} />
        <form
          method="get"
          action={localePath(locale, "/letters/go")}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 className="text-lg font-semibold">{t("letters.filters")}</h2>
          <label className="block text-sm">
            <span className="text-stone-700">{t("letters.q")}</span>
            <input
              name="q"
              type="search"
              defaultValue={filters.query ?? ""}
              maxLength={MAX_QUERY_LENGTH}
              placeholder={t("letters.qHint")}
              className={selectClass}
            />
          </label>
          <div className="grid gap-3 sm:grid-cols-2 md:grid-cols-4">
            {choose(
              "year",
              t("letters.year"),
              filters.year,
              years.map((y) => [String(y), String(y)]),
            )}
            {choose(
              "category",
              t("letters.category"),
              filters.categoryCode,
              categories.filter((c) => c.kind !== "ACCUSATION").map((c) => [c.code, c.name]),
            )}
            {choose(
              "channel",
              t("letters.channel"),
              filters.channel,
              CHANNELS.map((c) => [c, t(`enums.channel.${c}`)]),
            )}
            {choose(
              "township",
              t("letters.township"),
              filters.townshipCode,
              units.filter((u) => u.kind === "TOWNSHIP").map((u) => [u.code, u.name]),
            )}
            {choose(
              "unit",
              t("letters.unit"),
              filters.unitCode,
              units.filter((u) => u.kind !== "VILLAGE").map((u) => [u.code, u.name]),
            )}
            {choose(
              "state",
              t("letters.state"),
              filters.state,
              STATES.map((s) => [s, t(`enums.state.${s}`)]),
            )}
            {choose(
              "timeliness",
              t("letters.timeliness"),
              filters.timeliness,
              TIMELINESS.map((v) => [v, t(`letters.${v}`)]),
            )}
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              {t("letters.submit")}
            </button>
            <Link href={localePath(locale, "/letters")} className="text-brand-800 underline">
              {t("letters.reset")}
            </Link>
          </div>
        </form>
        {list.total !== null ? (
          <p data-testid="letters-total">
            {t("letters.total", { n: list.total })}
            {list.accusations ? (
              <span className="block text-sm text-stone-600">{t("letters.accusations", { n: list.accusations })}</span>
            ) : null}
          </p>
        ) : null}
        {list.cases.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4">{t("letters.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm" data-testid="letters">
              <caption className="sr-only">
                {pages === null ? t("letters.title") : t("letters.caption", { page: list.page, pages })}
              </caption>
              <thead>
                <tr className="border-b border-stone-300">
                  {[
                    t("letters.trackingNo"),
                    t("letters.received"),
                    t("letters.titleColumn"),
                    t("letters.category"),
                    t("letters.township"),
                    t("letters.unit"),
                    t("letters.state"),
                    t("letters.timeliness"),
                  ].map((h) => (
                    <th key={h} scope="col" className="px-2 py-2 font-semibold">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.cases.map((c) => (
                  <tr key={c.tracking_no} className="border-b border-stone-100">
                    <td className="px-2 py-2 font-mono">
                      <Link href={localePath(locale, c.url)} className="text-brand-800 underline">
                        {c.tracking_no}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-2 py-2">{formatDate(new Date(c.received_at))}</td>
                    <td className="px-2 py-2">
                      {c.public_title ?? <span className="text-stone-500">{t("letters.notPublished")}</span>}
                    </td>
                    <td className="px-2 py-2">{c.category_name}</td>
                    <td className="px-2 py-2">{c.township_name}</td>
                    <td className="px-2 py-2">{c.unit_name}</td>
                    <td className="whitespace-nowrap px-2 py-2">
                      <StateBadge state={c.state} label={c.state_name} />
                    </td>
                    <td className="px-2 py-2">
                      {c.on_time ? t("letters.onTime") : <strong>{t("letters.late")}</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages === null || pages > 1 ? (
          <nav aria-label={t("letters.pages")} className="flex items-center gap-4">
            {filters.after !== null ? (
              <Link href={pageLink(1)} className="text-brand-800 underline">
                {t("letters.first")}
              </Link>
            ) : list.page > 1 ? (
              <Link href={pageLink(list.page - 1)} rel="prev" className="text-brand-800 underline">
                {t("letters.prev")}
              </Link>
            ) : null}
            {pages !== null ? (
              <span>
                {list.page} / {pages}
              </span>
            ) : null}
            {list.next_after !== null ? (
              // The next page by keyset (the cases after this page's last): as fast at the end of the list as here.
              <Link href={nextLink(list.next_after)} rel="next" className="text-brand-800 underline">
                {t("letters.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </PublicFrame>
  );
}
