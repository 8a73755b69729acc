import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n/translate";
import { localePath } from "@/lib/i18n/locale-path";
import { QUARTERS, type StatsQuery, type StatsBase } from "@/lib/domain/statistics";

const selectClass = "mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5";

/**
 * The choice of year, quarter and unit of the statistics page and the report: a GET form (no JavaScript needed) to
 * `/stats/go` or `/report/go`, which sends the browser on to the cached page of what was chosen.
 */
export function StatsChoiceForm({
  t,
  locale,
  base,
  query,
  years,
  units,
}: {
  t: Translate;
  locale: Locale;
  base: StatsBase;
  query: StatsQuery;
  years: number[];
  units: { code: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action={localePath(locale, `${base}/go`)}
      className="no-print space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{t("stats.choose")}</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="text-stone-700">{t("stats.year")}</span>
          <select name="year" defaultValue={String(query.year)} className={selectClass}>
            {years.map((y) => (
              <option key={y} value={y}>
                {t("stats.periodYear", { year: y })}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-stone-700">{t("stats.quarter")}</span>
          <select
            name="quarter"
            defaultValue={query.quarter === null ? "" : String(query.quarter)}
            className={selectClass}
          >
            <option value="">{t("stats.wholeYear")}</option>
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                {t(`stats.quarterName.q${q}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-stone-700">{t("stats.unit")}</span>
          <select name="unit" defaultValue={query.unitCode ?? ""} className={selectClass}>
            <option value="">{t("stats.wholeCounty")}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("stats.submit")}
        </button>
        <Link href={localePath(locale, base)} className="text-brand-800 underline">
          {t("stats.wholeCounty")}
        </Link>
      </div>
    </form>
  );
}
