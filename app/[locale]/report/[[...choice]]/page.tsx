import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/components/ui/public-frame";
import { PrintButton } from "@/components/ui/print-button";
import { StatsChoiceForm } from "@/components/stats/stats-choice-form";
import { statsMetadata, statsPageData, type StatsPageProps } from "@/components/stats/stats-page-data";
import { formatDateTime } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { localePath } from "@/lib/i18n/locale-path";
import { periodText, reportParagraphs } from "@/lib/i18n/statistics-text";

// 年度报告 (issue 10): a year's or a quarter's figures as the prose of a county's petition-work summary — the data
// section of the bureau's own report — printable (the print stylesheet leaves out the site's frame and the form).
// The same figures as the statistics page and stats.json (lib/i18n/statistics-text.ts). A cached public page.
export const revalidate = 60;

export function generateStaticParams(): { choice: string[] }[] {
  return [];
}

export function generateMetadata(props: StatsPageProps): Promise<Metadata> {
  return statsMetadata("/report", props);
}

export default async function ReportPage({ params }: StatsPageProps) {
  const page = await statsPageData((await params).choice);
  if (page === null) notFound();
  const { t, locale } = await getT();
  const { data } = page;
  const period = periodText(t, data.query);
  return (
    <PublicFrame path={page.path("/report")}>
      <div className="space-y-6">
        <StatsChoiceForm
          t={t}
          locale={locale}
          base="/report"
          query={data.query}
          years={page.years}
          units={page.units}
        />
        <article className="space-y-4 rounded-lg border border-stone-200 bg-white p-6 print:border-0 print:p-0">
          <h1 className="text-2xl font-bold" data-testid="report-title">
            {t("report.title", { scope: data.scopeName, period })}
          </h1>
          <p className="no-print text-sm text-stone-600">{t("report.intro")}</p>
          <div className="space-y-3 text-lg leading-relaxed" data-testid="report-text">
            {reportParagraphs(t, data.scopeName, data.query, data.statistics).map((p) => (
              <p key={p} className={locale === "zh-CN" ? "indent-8" : undefined}>
                {p}
              </p>
            ))}
          </div>
          <p className="text-sm text-stone-600">{t("report.asOf", { at: formatDateTime(page.at) })}</p>
        </article>
        <div className="no-print flex flex-wrap items-center gap-4">
          <PrintButton label={t("report.print")} />
          <Link href={localePath(locale, page.path("/stats"))} className="text-brand-800 underline">
            {t("report.charts")}
          </Link>
        </div>
      </div>
    </PublicFrame>
  );
}
