import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/i18n";
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
import Link from "next/link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("view.title"), robots: { index: false } };
}

/** The petitioner's view, opened by tracking number + query code (a signed cookie scoped to this case). */
export default async function PetitionerCasePage() {
  const caseId = await petitionerCaseId();
  if (!caseId) redirect("/track?expired=1");
  const [{ t }, c] = await Promise.all([getT(), findPetitionerCase(caseId)]);
  if (!c) redirect("/track?expired=1");
  const deadlines = await deadlinesOf(c, now());
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">{t("view.title")}</h1>
          <p className="font-mono text-lg" data-testid="tracking-no">
            {c.trackingNo}
          </p>
        </div>
        <form action={endTracking}>
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
          <Link href={`/cases/${c.trackingNo}`} className="text-blue-800 underline">
            {t("view.publicPage")}
          </Link>
        </p>
      </Card>
      {c.replyText ? (
        <Card title={t("view.reply")}>
          {c.outcome ? (
            <p className="mb-2">
              {t("view.outcome")}：<strong>{t(`enums.outcome.${c.outcome}`)}</strong>
            </p>
          ) : null}
          <p className="whitespace-pre-wrap break-words">{c.replyText}</p>
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
  );
}
