import Link from "next/link";
import { formatDateTime, formatDate } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/client";
import { localePath } from "@/lib/i18n/locale-path";
import type { SubmitPetitionResult } from "@/lib/actions/submit-petition";
import { Notice } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";

/** The receipt: tracking number and query code, shown once, laid out to print. */
export function Receipt({ result }: { result: SubmitPetitionResult }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section
      aria-labelledby="receipt-title"
      className="space-y-5 rounded-lg border-2 border-brand-700 bg-white p-6 print:border-black"
      data-testid="receipt"
    >
      <h2 id="receipt-title" className="text-2xl font-bold" tabIndex={-1}>
        {t("receipt.title")}
      </h2>
      <p>{t("receipt.lead")}</p>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-stone-600">{t("receipt.trackingNo")}</dt>
          <dd className="font-mono text-3xl font-bold tracking-wider" data-testid="tracking-no">
            {result.trackingNo}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("receipt.queryCode")}</dt>
          <dd className="font-mono text-3xl font-bold tracking-wider" data-testid="query-code">
            {result.queryCode}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("receipt.receivedAt")}</dt>
          <dd>{formatDateTime(new Date(result.receivedAt))}</dd>
        </div>
      </dl>
      <Notice tone="warning" role="alert">
        <strong>{t("receipt.warning")}</strong>
      </Notice>
      <p className="text-sm text-stone-700">
        {result.acceptDueAt
          ? t("receipt.sentToDiscipline", { date: formatDate(new Date(result.acceptDueAt)) })
          : t("receipt.routeDue", { date: formatDate(new Date(result.routeDueAt)) })}
      </p>
      <div className="no-print flex flex-wrap gap-3">
        <PrintButton label={t("receipt.print")} />
        <Link
          href={localePath(locale, "/track")}
          className="rounded-md border border-stone-400 px-4 py-2 hover:bg-stone-100"
        >
          {t("receipt.trackNow")}
        </Link>
        <Link
          href={localePath(locale, `/cases/${result.trackingNo}`)}
          className="rounded-md border border-stone-400 px-4 py-2 hover:bg-stone-100"
        >
          {t("receipt.publicPage")}
        </Link>
      </div>
    </section>
  );
}
