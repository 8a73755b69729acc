import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localePath } from "@/lib/i18n/locale-path";
import { LOCALE_FIELD } from "@/lib/i18n/form-locale";
import { PublicFrame } from "@/components/ui/public-frame";
import { formatDate, formatDateTime } from "@/lib/i18n";
import { now } from "@/lib/clock";
import { petitionerCaseId } from "@/lib/petitioner-session";
import { findPetitionerCase } from "@/lib/data/petitioner";
import { deadlinesOf } from "@/lib/data/case-view";
import { canTake } from "@/lib/domain/petition-states";
import { endTracking } from "@/lib/actions/end-tracking";
import { Card } from "@/components/ui/card";
import { StateBadge } from "@/components/petition/state-badge";
import { Timeline } from "@/components/petition/timeline";
import { DeadlineList } from "@/components/petition/deadline-list";
import { SupplementForm, WithdrawForm } from "@/components/petition/petitioner-forms";
import { findPetitionerChain } from "@/lib/data/review-view";
import { EvaluationStatus, ReviewChain } from "@/components/petition/review-chain";
import { EvaluateForm, RequestReviewForm } from "@/components/petition/after-answer-forms";
import Link from "next/link";

// Personal: rendered for each request (it reads the session cookie), sent `private, no-store`.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("view.title"), robots: { index: false } };
}

/** The petitioner's view, opened by tracking number + query code (a signed cookie scoped to this case). */
export default async function PetitionerCasePage() {
  const [{ t, locale }, caseId] = await Promise.all([getT(), petitionerCaseId()]);
  const expired = localePath(locale, "/track/expired");
  if (!caseId) redirect(expired);
  const c = await findPetitionerCase(caseId);
  if (!c) redirect(expired);
  const at = now();
  const [deadlines, chain] = await Promise.all([deadlinesOf(c, at), findPetitionerChain(c.id, at)]);
  return (
    <PublicFrame path="/track/case">
      <div className="space-y-6">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h1 className="text-3xl font-bold">{t("view.title")}</h1>
            <p className="font-mono text-lg" data-testid="tracking-no">
              {c.trackingNo}
            </p>
          </div>
          <form action={endTracking}>
            <input type="hidden" name={LOCALE_FIELD} value={locale} />
            <button type="submit" className="rounded-md border border-stone-400 px-3 py-1.5 hover:bg-stone-100">
              {t("track.signOut")}
            </button>
          </form>
        </header>
        <Card>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-stone-600">{t("view.state")}</dt>
              <dd data-testid="state">
                <StateBadge state={c.state} label={t(`enums.state.${c.state}`)} />
              </dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("view.unit")}</dt>
              <dd>{c.currentUnit.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("view.category")}</dt>
              <dd>{c.category.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("view.receivedAt")}</dt>
              <dd>
                {formatDateTime(c.receivedAt)} · {t(`enums.channel.${c.channel}`)}
              </dd>
            </div>
          </dl>
          <p className="mt-4">
            <Link href={localePath(locale, `/cases/${c.trackingNo}`)} className="text-blue-800 underline">
              {t("view.publicPage")}
            </Link>
          </p>
        </Card>
        {/* After the answer (条例第21、35、36条): every step of the chain, its windows, the evaluation and the forms
          the rules allow now — the same rules the data layer refuses by. */}
        {chain?.repliedAt ? (
          <Card title={t("afterAnswer.chainTitle")}>
            <ReviewChain c={chain} t={t} />
          </Card>
        ) : null}
        {chain && chain.evaluation !== "none" ? (
          <Card title={t("afterAnswer.evaluation.title")}>
            <EvaluationStatus c={chain} t={t} />
            {chain.offers.evaluate && chain.evaluationWindowEndsAt ? (
              <EvaluateForm
                version={c.version}
                hint={t("afterAnswer.evaluation.open", { date: formatDate(chain.evaluationWindowEndsAt) })}
              />
            ) : null}
          </Card>
        ) : null}
        {chain?.offers.requestReview ? (
          <Card title={t("afterAnswer.reviewForm.title")}>
            <RequestReviewForm version={c.version} kind="review" unitName={chain.offers.requestReview.unitName} />
          </Card>
        ) : null}
        {chain?.offers.requestRecheck ? (
          <Card title={t("afterAnswer.recheckForm.title")}>
            <RequestReviewForm version={c.version} kind="recheck" unitName={chain.offers.requestRecheck.unitName} />
          </Card>
        ) : null}
        <Card title={t("view.deadlines")}>
          <DeadlineList deadlines={deadlines} t={t} />
        </Card>
        <Card title={t("view.timeline")}>
          <Timeline events={c.events} t={t} emptyText={t("view.noEvents")} />
        </Card>
        <Card title={t("view.content")}>
          <h3 className="mb-2 font-semibold">{c.title}</h3>
          <p className="whitespace-pre-wrap break-words text-stone-800">{c.content}</p>
        </Card>
        {canTake(c.state, "supplement", "petitioner") ? (
          <Card title={t("view.supplementTitle")}>
            <SupplementForm version={c.version} />
          </Card>
        ) : null}
        {canTake(c.state, "withdraw", "petitioner") ? (
          <Card title={t("view.withdrawTitle")}>
            <WithdrawForm version={c.version} />
          </Card>
        ) : null}
      </div>
    </PublicFrame>
  );
}
