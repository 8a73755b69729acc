import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { useT } from "@/lib/i18n/client";
import type { RegisterPetitionResult } from "@/lib/actions/register-petition";
import { PrintButton } from "@/components/ui/print-button";

/**
 * 受理凭证: what the bureau hands or posts to the petitioner after registering — the tracking number and
 * query code (shown this once), and how to follow the case. Laid out to print on its own.
 */
export function RegisterReceipt({ result, trackUrl }: { result: RegisterPetitionResult; trackUrl: string }) {
  const t = useT();
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex gap-3 border-b border-stone-200 py-2 print:border-stone-400">
      <dt className="w-28 shrink-0 text-stone-600">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section
      aria-labelledby="receipt-title"
      className="space-y-5 rounded-lg border-2 border-brand-700 bg-white p-6 print:border-0 print:p-0"
      data-testid="receipt"
    >
      <header className="space-y-1 text-center">
        <p className="text-lg">{result.unitName}</p>
        <h2 id="receipt-title" className="text-2xl font-bold tracking-widest" tabIndex={-1}>
          {t("register.receipt.title")}
        </h2>
      </header>
      <p>{t("register.receipt.lead")}</p>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-stone-600">{t("register.receipt.trackingNo")}</dt>
          <dd className="font-mono text-3xl font-bold tracking-wider" data-testid="tracking-no">
            {result.trackingNo}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("register.receipt.queryCode")}</dt>
          <dd className="font-mono text-3xl font-bold tracking-wider" data-testid="query-code">
            {result.queryCode}
          </dd>
        </div>
      </dl>
      <dl>
        {row(t("register.receipt.channel"), t(`enums.channel.${result.channel}`), "receipt-channel")}
        {result.channel === "VISIT"
          ? row(
              t("register.receipt.persons"),
              t(result.isCollective ? "register.receipt.collective" : "register.receipt.personsValue", {
                count: result.personCount,
              }),
              "receipt-persons",
            )
          : null}
        {row(t("register.receipt.receivedAt"), formatDateTime(new Date(result.receivedAt)), "receipt-received")}
        {row(t("register.receipt.registeredAt"), formatDateTime(new Date(result.registeredAt)))}
        {row(t("register.receipt.unit"), result.unitName)}
        {row(
          t("register.receipt.routeDue"),
          t("register.receipt.routeDueValue", { date: formatDate(new Date(result.routeDueAt)) }),
          "receipt-route-due",
        )}
      </dl>
      <div className="space-y-2 rounded-md border border-stone-300 p-4">
        <h3 className="font-semibold">{t("register.receipt.howToTitle")}</h3>
        <p data-testid="receipt-how-to">{t("register.receipt.howTo", { url: trackUrl })}</p>
        <p className="font-semibold">{t("register.receipt.warning")}</p>
      </div>
      <div className="no-print flex flex-wrap gap-3">
        <PrintButton label={t("register.receipt.print")} />
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: a fresh, empty form */}
        <a href="/staff/register" className="rounded-md border border-stone-400 px-4 py-2 hover:bg-stone-100">
          {t("register.receipt.another")}
        </a>
      </div>
    </section>
  );
}
