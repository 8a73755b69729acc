import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import Link from "next/link";
import { languageAlternates, localePath } from "@/lib/i18n/locale-path";
import { PublicFrame } from "@/components/ui/public-frame";
import { formatDate, formatDateTime } from "@/lib/i18n";
import { now } from "@/lib/clock";
import { findPublicCase } from "@/lib/data/public-cases";
import { deadlinesOf } from "@/lib/data/case-view";
import { trackingNoOfSegment } from "@/lib/http/request-path";
import { isConfidentialKind } from "@/lib/domain/petition-rules";
import { chargeStatus } from "@/lib/domain/charge-rule";
import { Card } from "@/components/ui/card";
import { StateBadge } from "@/components/petition/state-badge";
import { Timeline } from "@/components/petition/timeline";
import { DeadlineList } from "@/components/petition/deadline-list";

// A cached public page (issue 9): rendered once per language, revalidated when what it shows changes
// (lib/data/public-pages.ts), and after a minute at the latest.
export const revalidate = 60;

/** No case is rendered at build time; each on its first request, then from the cache. */
export function generateStaticParams(): { trackingNo: string }[] {
  return [];
}

type Props = { params: Promise<{ trackingNo: string }> };

// proxy.ts has already answered unknown and malformed numbers with the not-found page; this is the
// page's own check (decoding without throwing: a malformed segment must not answer 500).
async function load(raw: string) {
  const trackingNo = trackingNoOfSegment(raw);
  return trackingNo === null ? null : findPublicCase(trackingNo);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t, locale } = await getT();
  const { trackingNo } = await params;
  const known = trackingNoOfSegment(trackingNo);
  return known === null
    ? {}
    : {
        title: t("publicCase.title", { trackingNo: known }),
        alternates: languageAlternates(locale, `/cases/${known}`),
      };
}

/** The public case page: only what spec §5 allows, from an allow-listed query. */
export default async function PublicCasePage({ params }: Props) {
  const { trackingNo } = await params;
  const [{ t, locale }, c] = await Promise.all([getT(), load(trackingNo)]);
  if (!c) notFound();
  const deadlines = await deadlinesOf(c, now());
  const confidential = isConfidentialKind(c.category.kind);
  const charge = chargeStatus(c); // 领导包案: the office only, never a person
  return (
    <PublicFrame path={`/cases/${c.trackingNo}`}>
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold">{t("publicCase.title", { trackingNo: c.trackingNo })}</h1>
          {c.publicTitle ? <p className="text-xl">{c.publicTitle}</p> : null}
        </header>
        <Card title={t("publicCase.facts")}>
          <dl className="grid gap-4 sm:grid-cols-3">
            <div>
              <dt className="text-sm text-stone-600">{t("view.state")}</dt>
              <dd data-testid="state">
                <StateBadge state={c.state} label={t(`enums.state.${c.state}`)} />
              </dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("view.category")}</dt>
              <dd>
                {c.category.name}（{t(`enums.categoryKind.${c.category.kind}`)}）
              </dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("view.channel")}</dt>
              <dd>{t(`enums.channel.${c.channel}`)}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("publicCase.place")}</dt>
              <dd>{c.place.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("publicCase.handlingUnit")}</dt>
              <dd>{c.currentUnit.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("view.receivedAt")}</dt>
              <dd>{formatDateTime(c.receivedAt)}</dd>
            </div>
            {/* 评价 (条例第21条): both ratings are public (spec §5); the comment never is. */}
            <div>
              <dt className="text-sm text-stone-600">{t("afterAnswer.public.unitRating")}</dt>
              <dd data-testid="unit-rating">
                {c.unitSatisfaction ? t(`enums.satisfaction.${c.unitSatisfaction}`) : t("publicCase.notEvaluated")}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("afterAnswer.public.bureauRating")}</dt>
              <dd data-testid="bureau-rating">
                {c.bureauSatisfaction ? t(`enums.satisfaction.${c.bureauSatisfaction}`) : t("publicCase.notEvaluated")}
              </dd>
            </div>
            {charge && c.leaderTitle ? (
              <div>
                <dt className="text-sm text-stone-600">{t("supervision.public.chargeLabel")}</dt>
                <dd data-testid="leader-charge">
                  {t("supervision.public.charge", { title: c.leaderTitle })}
                  {charge === "inCharge" && c.leaderTargetAt
                    ? t("supervision.public.chargeTarget", { date: formatDate(c.leaderTargetAt) })
                    : charge === "resolved"
                      ? ` · ${t("supervision.public.chargeResolved")}`
                      : charge === "unresolved"
                        ? ` · ${t("supervision.public.chargeUnresolved")}`
                        : null}
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <Card title={t("publicCase.summary")}>
          {c.publicSummary ? (
            <div className="space-y-4">
              <p className="whitespace-pre-wrap break-words">{c.publicSummary}</p>
              {c.publicReply ? (
                <div>
                  <h3 className="mb-1 font-semibold">{t("publicCase.publicReply")}</h3>
                  <p className="whitespace-pre-wrap break-words">{c.publicReply}</p>
                </div>
              ) : null}
            </div>
          ) : (
            <p className="text-stone-600">
              {confidential ? t("publicCase.accusationHidden") : t("publicCase.contentHidden")}
            </p>
          )}
        </Card>
        <Card title={t("view.deadlines")}>
          <DeadlineList deadlines={deadlines} t={t} />
        </Card>
        <Card title={t("publicCase.timeline")}>
          <Timeline events={c.events} t={t} emptyText={t("view.noEvents")} />
        </Card>
        <Card title={t("publicCase.chain")}>
          <p className="text-sm text-stone-700">{t("publicCase.chainHead", { count: c.eventCount })}</p>
          <p className="mt-1 break-all font-mono text-sm" data-testid="head-hash">
            {c.headHash}
          </p>
          <p className="mt-2 text-sm text-stone-600">
            {t("publicCase.chainExplain")}{" "}
            <Link href={localePath(locale, "/verify")} className="text-brand-800 underline">
              {t("verify.howLink")}
            </Link>
          </p>
          {confidential ? null : (
            // An accusation's number is in no public log (lib/data/checkpoints.ts).
            <p className="mt-1 text-sm">
              <a href={`/api/open/chains/${c.trackingNo}.json`} className="text-brand-800 underline">
                {t("verify.caseLink")}
              </a>
            </p>
          )}
        </Card>
      </div>
    </PublicFrame>
  );
}
