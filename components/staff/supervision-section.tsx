import { formatDate, formatDateTime, type Locale, type Translate } from "@/lib/i18n";
import { toCivilDate } from "@/lib/domain/civil-date";
import type { CaseOrder, CaseSupervision } from "@/lib/data/case-supervision";
import { Card } from "@/components/ui/card";
import {
  AnswerOrderForm,
  EndChargeForm,
  EscalateForm,
  ExtensionDecisionForms,
  SuperviseForm,
  TakeChargeForm,
} from "./supervision-forms";

// The 督办 part of the staff case page: every supervision order (measure, who issued it, when, due, status, message,
// answer), the 领导包案, the extension request waiting — and the forms this viewer is offered now
// (lib/data/case-supervision.ts decides, by the rules the data layer checks again).

const STATUS_TONE: Record<CaseOrder["status"], string> = {
  open: "bg-amber-50 text-amber-900 border-amber-300",
  overdue: "bg-red-50 text-red-900 border-red-300",
  answered: "bg-emerald-50 text-emerald-900 border-emerald-300",
  superseded: "bg-stone-100 text-stone-800 border-stone-300",
};

export function SupervisionSection({
  s,
  t,
  locale,
  petitionId,
  version,
  unitName,
  at,
}: {
  s: CaseSupervision;
  t: Translate;
  locale: Locale;
  petitionId: string;
  version: number;
  unitName: string;
  at: Date;
}) {
  const caseRef = { locale, petitionId, version };
  const offered = new Set(s.actions);
  const answerDate = s.answerDue.date;
  const nothing =
    s.orders.length === 0 &&
    !s.charge &&
    !offered.has("supervise") &&
    !offered.has("takeCharge") &&
    !s.pendingExtension;
  if (nothing) return null;
  const ext = s.pendingExtension;
  const decides = offered.has("approveExtension") || offered.has("rejectExtension");
  return (
    <Card title={t("supervision.section.title")}>
      <div className="space-y-6" data-testid="supervision-section">
        {s.charge ? (
          <p className="rounded border border-violet-300 bg-violet-50 p-3 text-violet-950" data-testid="charge">
            <strong>{t(`supervision.charge.status.${s.charge.status}`)}</strong> ·{" "}
            {s.charge.endedAt
              ? t("supervision.charge.ended", {
                  title: s.charge.title,
                  date: formatDate(s.charge.endedAt),
                  result: t(`supervision.charge.status.${s.charge.status}`),
                })
              : t("supervision.charge.current", {
                  title: s.charge.title,
                  start: s.charge.startAt ? formatDate(s.charge.startAt) : "—",
                  target: s.charge.targetAt ? formatDate(s.charge.targetAt) : "—",
                })}
          </p>
        ) : null}

        <div>
          <h3 className="mb-2 font-semibold">{t("supervision.section.ordersTitle")}</h3>
          {s.orders.length === 0 ? (
            <p className="text-stone-600">{t("supervision.section.noOrders")}</p>
          ) : (
            <ol className="space-y-3" data-testid="supervision-orders">
              {s.orders.map((o) => (
                <li
                  key={o.id}
                  className="space-y-2 rounded border border-stone-200 p-3"
                  data-testid="supervision-order"
                  data-order-id={o.id}
                  data-status={o.status}
                >
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <strong>{t(`supervision.measure.${o.measure}`)}</strong>
                    <span className={`rounded border px-2 py-0.5 text-sm ${STATUS_TONE[o.status]}`}>
                      {t(`supervision.section.statusLabel.${o.status}`)}
                    </span>
                    {o.escalatedFrom ? (
                      <span className="text-sm text-stone-700">
                        {t("supervision.section.escalatedFrom", {
                          measure: t(`supervision.measure.${o.escalatedFrom}`),
                        })}
                      </span>
                    ) : null}
                  </div>
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                    <div>
                      <dt className="inline text-stone-600">{t("supervision.section.issuedBy")}：</dt>
                      <dd className="inline">{o.issuedByName ?? t("supervision.section.automatic")}</dd>
                    </div>
                    <div>
                      <dt className="inline text-stone-600">{t("supervision.section.targetUnit")}：</dt>
                      <dd className="inline">{o.targetUnitName}</dd>
                    </div>
                    <div>
                      <dt className="inline text-stone-600">{t("supervision.section.issuedAt")}：</dt>
                      <dd className="inline">{formatDateTime(o.issuedAt)}</dd>
                    </div>
                    <div>
                      <dt className="inline text-stone-600">{t("supervision.section.dueAt")}：</dt>
                      <dd className="inline">{formatDate(o.answerDueAt)}</dd>
                    </div>
                  </dl>
                  <p className="whitespace-pre-wrap break-words text-sm">
                    <span className="text-stone-600">{t("supervision.section.message")}：</span>
                    {o.message}
                  </p>
                  {o.answeredAt ? (
                    <div className="rounded bg-stone-50 p-2 text-sm" data-testid="order-answer">
                      <p className="text-stone-600">
                        {t("supervision.section.answer")} ·{" "}
                        {t("supervision.section.answeredAt", { date: formatDateTime(o.answeredAt) })}
                        {o.answeredByName ? ` · ${o.answeredByName}` : ""}
                        {o.late ? (
                          <strong className="ml-2 text-red-800">{t("supervision.section.answeredLate")}</strong>
                        ) : null}
                      </p>
                      <p className="whitespace-pre-wrap break-words">{o.answerText}</p>
                    </div>
                  ) : null}
                  {o.mayAnswer ? (
                    <AnswerOrderForm
                      caseRef={caseRef}
                      orderId={o.id}
                      measure={o.measure}
                      dueDate={formatDate(o.answerDueAt)}
                    />
                  ) : null}
                  {o.escalateTo.length > 0 ? (
                    <details>
                      <summary className="cursor-pointer text-sm font-medium text-blue-800 underline">
                        {t("supervision.escalate.submit")}
                      </summary>
                      <div className="mt-2">
                        <EscalateForm
                          caseRef={caseRef}
                          orderId={o.id}
                          measure={o.measure}
                          to={o.escalateTo}
                          dueDate={answerDate}
                        />
                      </div>
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </div>

        {ext && decides ? (
          <div className="space-y-3" data-testid="extension-decision">
            <h3 className="font-semibold">{t("supervision.extension.title")}</h3>
            <p>{t("supervision.extension.request", { date: formatDate(ext.requestedAt), days: ext.days })}</p>
            <p className="whitespace-pre-wrap break-words text-sm text-stone-700">
              {t("supervision.extension.reason", { reason: ext.reason })}
            </p>
            {ext.newHandleDueAt && offered.has("approveExtension") ? (
              <p className="text-sm" data-testid="extension-new-due">
                {t("supervision.extension.newDue", {
                  date: formatDate(ext.newHandleDueAt),
                  current: s.currentHandleDueAt ? formatDate(s.currentHandleDueAt) : "—",
                })}
              </p>
            ) : null}
            <ExtensionDecisionForms
              caseRef={caseRef}
              requestId={ext.id}
              reason={ext.reason}
              mayApprove={offered.has("approveExtension")}
            />
          </div>
        ) : null}

        {offered.has("supervise") ? (
          <SuperviseForm
            caseRef={caseRef}
            dueText={t("supervision.issue.due", { unit: unitName, date: answerDate, days: s.answerDue.days })}
          />
        ) : null}
        {offered.has("takeCharge") ? <TakeChargeForm caseRef={caseRef} today={toCivilDate(at)} /> : null}
        {offered.has("endCharge") && s.charge ? (
          <EndChargeForm
            caseRef={caseRef}
            current={t("supervision.charge.current", {
              title: s.charge.title,
              start: s.charge.startAt ? formatDate(s.charge.startAt) : "—",
              target: s.charge.targetAt ? formatDate(s.charge.targetAt) : "—",
            })}
          />
        ) : null}
      </div>
    </Card>
  );
}
