import type { AfterAnswerView } from "@/lib/data/review-view";
import { formatDate, type Translate } from "@/lib/i18n";
import { explainDeadline } from "@/lib/i18n/deadline-text";
import { Notice } from "@/components/ui/card";

// The chain after the answer as the petitioner sees it (/track/case): every step with its date, body, outcome and
// text, the deadlines of the answers, the request windows with how each was computed, the evaluation, and the
// FINAL notice. Texts are rendered as text (React escapes them). Never used on a public page.

function Step({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <li className="rounded border border-stone-200 p-3" data-testid={testId}>
      <h3 className="font-semibold">{title}</h3>
      <div className="mt-1 space-y-1">{children}</div>
    </li>
  );
}

function Outcome({ t, outcome }: { t: Translate; outcome: AfterAnswerView["outcome"] }) {
  return outcome ? (
    <p>
      {t("afterAnswer.outcome")}：<strong>{t(`enums.outcome.${outcome}`)}</strong>
    </p>
  ) : null;
}

function Text({ text }: { text: string | null }) {
  return text ? <p className="whitespace-pre-wrap break-words">{text}</p> : null;
}

export function ReviewChain({ c, t }: { c: AfterAnswerView; t: Translate }) {
  if (!c.repliedAt) return null;
  return (
    <div className="space-y-4">
      <ol className="space-y-3" data-testid="review-chain">
        <Step title={t("afterAnswer.repliedOn", { date: formatDate(c.repliedAt) })} testId="chain-reply">
          <Outcome t={t} outcome={c.outcome} />
          <Text text={c.replyText} />
        </Step>
        {c.reviewRequestedAt ? (
          <Step
            title={t("afterAnswer.reviewRequested", {
              date: formatDate(c.reviewRequestedAt),
              unit: c.reviewUnitName ?? "—",
            })}
            testId="chain-review-request"
          >
            {c.reviewReasons ? (
              <>
                <p className="text-sm text-stone-600">{t("afterAnswer.yourReviewReasons")}</p>
                <Text text={c.reviewReasons} />
              </>
            ) : null}
            {!c.reviewedAt && c.reviewDueAt ? (
              <p className="text-sm">{t("afterAnswer.reviewPending", { date: formatDate(c.reviewDueAt) })}</p>
            ) : null}
          </Step>
        ) : null}
        {c.reviewedAt ? (
          <Step
            title={t("afterAnswer.reviewAnswered", { date: formatDate(c.reviewedAt) })}
            testId="chain-review-answer"
          >
            <Outcome t={t} outcome={c.reviewOutcome} />
            <Text text={c.reviewText} />
          </Step>
        ) : null}
        {c.recheckRequestedAt ? (
          <Step
            title={t("afterAnswer.recheckRequested", {
              date: formatDate(c.recheckRequestedAt),
              unit: c.recheckUnitName ?? "—",
            })}
            testId="chain-recheck-request"
          >
            {c.recheckReasons ? (
              <>
                <p className="text-sm text-stone-600">{t("afterAnswer.yourRecheckReasons")}</p>
                <Text text={c.recheckReasons} />
              </>
            ) : null}
            {!c.finalAt && c.recheckDueAt ? (
              <p className="text-sm">{t("afterAnswer.recheckPending", { date: formatDate(c.recheckDueAt) })}</p>
            ) : null}
          </Step>
        ) : null}
        {c.finalAt ? (
          <Step title={t("afterAnswer.recheckAnswered", { date: formatDate(c.finalAt) })} testId="chain-recheck-answer">
            <Outcome t={t} outcome={c.recheckOutcome} />
            <Text text={c.recheckText} />
          </Step>
        ) : null}
      </ol>
      {c.state === "FINAL" ? (
        <Notice tone="info">
          <span data-testid="final-notice">{t("afterAnswer.final")}</span>
        </Notice>
      ) : null}
      {!c.reviewable && (c.categoryKind === "LEGAL" || c.categoryKind === "ACCUSATION") ? (
        <p className="text-sm text-stone-700" data-testid="not-reviewable">
          {t(`afterAnswer.notReviewable.${c.categoryKind}`)}
        </p>
      ) : null}
      {c.windows.length > 0 ? (
        <div>
          <h3 className="mb-2 font-semibold">{t("afterAnswer.windowsTitle")}</h3>
          <ul className="space-y-2" data-testid="request-windows">
            {c.windows.map((w) => (
              <li
                key={w.kind}
                className="rounded border border-stone-200 p-3"
                data-window={w.kind}
                data-status={w.status}
              >
                <p className={w.status === "open" ? "font-medium" : undefined}>
                  {t(`afterAnswer.window.${w.kind}.${w.status}`, { date: formatDate(w.endsAt) })}
                </p>
                <p className="mt-1 text-sm text-stone-600">{explainDeadline(t, w.explanation)}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The evaluation as it stands: given (with both ratings), open until a date, or its window closed. */
export function EvaluationStatus({ c, t }: { c: AfterAnswerView; t: Translate }) {
  const endsAt = c.evaluationWindowEndsAt ? formatDate(c.evaluationWindowEndsAt) : "—";
  switch (c.evaluation) {
    case "none":
      return null;
    case "done":
      return (
        <p data-testid="evaluation-status">
          {t("afterAnswer.evaluation.given", {
            date: c.evaluatedAt ? formatDate(c.evaluatedAt) : "—",
            unit: c.unitSatisfaction ? t(`enums.satisfaction.${c.unitSatisfaction}`) : "—",
            bureau: c.bureauSatisfaction ? t(`enums.satisfaction.${c.bureauSatisfaction}`) : "—",
          })}
        </p>
      );
    case "closed":
      return <p data-testid="evaluation-status">{t("afterAnswer.evaluation.closed", { date: endsAt })}</p>;
    case "open":
      return null; // the form says until when
  }
}
