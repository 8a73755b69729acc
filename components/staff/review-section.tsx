import Link from "next/link";
import type { StaffChainView } from "@/lib/data/review-view";
import { formatDate, type Translate } from "@/lib/i18n";
import { Card, Notice } from "@/components/ui/card";

// The staff case page's view of the chain after the answer: the 复查/复核 requests with the petitioner's reasons,
// the bodies' answers (outcome and text), the evaluation with its staff-only comment, and the 重复信访 link.

function Block({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="rounded border border-stone-200 p-3" data-testid={testId}>
      <h3 className="font-medium">{title}</h3>
      <div className="mt-1 space-y-1">{children}</div>
    </div>
  );
}

const text = (v: string | null) => (v ? <p className="whitespace-pre-wrap break-words">{v}</p> : null);

export function ReviewSection({ c, t }: { c: StaffChainView; t: Translate }) {
  if (!c.repliedAt) return null;
  const outcome = (o: StaffChainView["outcome"]) =>
    o ? (
      <p>
        <strong>{t(`enums.outcome.${o}`)}</strong>
      </p>
    ) : null;
  return (
    <Card title={t("reviewStaff.sectionTitle")}>
      <div className="space-y-3" data-testid="review-section">
        {c.reviewRequestedAt ? (
          <Block
            title={t("reviewStaff.reviewRequested", {
              date: formatDate(c.reviewRequestedAt),
              unit: c.reviewUnitName ?? "—",
            })}
            testId="staff-review-request"
          >
            {c.reviewReasons ? <p className="text-sm text-stone-600">{t("reviewStaff.reasons")}</p> : null}
            {text(c.reviewReasons)}
          </Block>
        ) : null}
        {c.reviewedAt ? (
          <Block title={t("reviewStaff.reviewAnswer", { date: formatDate(c.reviewedAt) })} testId="staff-review-answer">
            {outcome(c.reviewOutcome)}
            {text(c.reviewText)}
          </Block>
        ) : null}
        {c.recheckRequestedAt ? (
          <Block
            title={t("reviewStaff.recheckRequested", {
              date: formatDate(c.recheckRequestedAt),
              unit: c.recheckUnitName ?? "—",
            })}
            testId="staff-recheck-request"
          >
            {c.recheckReasons ? <p className="text-sm text-stone-600">{t("reviewStaff.reasons")}</p> : null}
            {text(c.recheckReasons)}
          </Block>
        ) : null}
        {c.finalAt ? (
          <Block title={t("reviewStaff.recheckAnswer", { date: formatDate(c.finalAt) })} testId="staff-recheck-answer">
            {outcome(c.recheckOutcome)}
            {text(c.recheckText)}
          </Block>
        ) : null}
        <div data-testid="staff-evaluation">
          {c.evaluation === "done" && c.evaluatedAt ? (
            <p>
              {t("reviewStaff.evaluation", {
                date: formatDate(c.evaluatedAt),
                unit: c.unitSatisfaction ? t(`enums.satisfaction.${c.unitSatisfaction}`) : "—",
                bureau: c.bureauSatisfaction ? t(`enums.satisfaction.${c.bureauSatisfaction}`) : "—",
              })}
            </p>
          ) : c.evaluation === "closed" && c.evaluationWindowEndsAt ? (
            <p>{t("reviewStaff.evaluationClosed", { date: formatDate(c.evaluationWindowEndsAt) })}</p>
          ) : (
            <p className="text-stone-600">
              {t("reviewStaff.notEvaluated")}
              {c.evaluationWindowEndsAt
                ? ` ${t("reviewStaff.evaluationOpen", { date: formatDate(c.evaluationWindowEndsAt) })}`
                : null}
            </p>
          )}
          {c.evaluationComment ? (
            <div className="mt-2" data-testid="evaluation-comment">
              <p className="text-sm text-stone-600">{t("reviewStaff.comment")}</p>
              {text(c.evaluationComment)}
            </div>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

/** 重复信访: the FINAL case this petition repeats (INTERNAL: staff only), linked to its staff page when in scope. */
export function RepeatNotice({ c, t }: { c: StaffChainView; t: Translate }) {
  if (!c.repeatOf) return null;
  const href = c.repeatOf.visible ? `/staff/cases/${c.repeatOf.id}` : `/cases/${c.repeatOf.trackingNo}`;
  return (
    <Notice tone="warning">
      <span data-testid="repeat-of">
        <Link href={href} className="font-semibold underline">
          {t("reviewStaff.repeatOf", { trackingNo: c.repeatOf.trackingNo })}
        </Link>
      </span>
    </Notice>
  );
}
