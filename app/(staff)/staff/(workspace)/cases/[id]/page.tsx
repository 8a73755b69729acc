import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/auth/viewer";
import { findStaffCase, type StaffCase } from "@/lib/data/staff-case";
import { getT } from "@/lib/i18n/server";
import { formatDate, formatDateTime, type Locale, type Translate } from "@/lib/i18n";
import { deadlineStatusText } from "@/lib/i18n/deadline-text";
import { now } from "@/lib/clock";
import { splitAwaited } from "@/lib/domain/offered-actions";
import { Card, Notice } from "@/components/ui/card";
import { StateBadge } from "@/components/petition/state-badge";
import { DeadlineList } from "@/components/petition/deadline-list";
import { StaffTimeline } from "@/components/staff/staff-timeline";
import { findStaffChain, type StaffChainView } from "@/lib/data/review-view";
import { RepeatNotice, ReviewSection } from "@/components/staff/review-section";
import { LinkRepeatForm, ReviewAnswerForm } from "@/components/staff/review-forms";
import { SupervisionSection } from "@/components/staff/supervision-section";
import { findCaseSupervision } from "@/lib/data/case-supervision";
import {
  AcceptForm,
  AssignForm,
  CaseTextForm,
  ExtensionForm,
  NotAcceptForm,
  PublishForm,
  ReplyForm,
  ReturnForm,
  RouteForm,
} from "@/components/staff/case-action-forms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("staff.title"), robots: { index: false } };
}

/**
 * 工作人员办件页, a work screen: the actions the case waits for first, the others folded; the petitioner's
 * personal data folded until asked for. It offers exactly the actions the domain allows now (findStaffCase).
 */
export default async function StaffCasePage({ params }: Props) {
  const viewer = await requireViewerPage(["handler", "supervisor"]);
  const { id } = await params;
  const at = now();
  const [{ t, locale }, c] = await Promise.all([getT(), findStaffCase(viewer, decodeURIComponent(id), at)]);
  // Outside the viewer's scope the case "does not exist": 404, never 403, so its existence is not revealed.
  if (!c) notFound();
  const chain = await findStaffChain(viewer, c.id, at); // 复查, 复核, 评价, 重复信访 (slice C)
  const supervision = await findCaseSupervision(viewer, c, at); // 督办, 延期审批, 领导包案 (slice B)
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff" className="text-blue-800 underline">
          {t("caseStaff.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("caseStaff.title", { trackingNo: c.trackingNo })}</h1>
        <p className="text-xl" data-testid="case-title">
          {c.title}
        </p>
      </header>
      <Facts c={c} t={t} />
      {chain ? <RepeatNotice c={chain} t={t} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Petitioner c={c} t={t} />
          <Card title={t("caseStaff.contentTitle")}>
            <p className="whitespace-pre-wrap break-words text-stone-800" data-testid="case-content">
              {c.content}
            </p>
          </Card>
          <Reply c={c} t={t} />
          {chain ? <ReviewSection c={chain} t={t} /> : null}
          <Card title={t("caseStaff.deadlinesTitle")}>
            <DeadlineList deadlines={c.deadlines} t={t} />
          </Card>
          <Extensions c={c} t={t} />
          <SupervisionSection
            s={supervision}
            t={t}
            locale={locale}
            petitionId={c.id}
            version={c.version}
            unitName={c.currentUnit.name}
            at={at}
          />
          <Card title={t("caseStaff.timelineTitle")}>
            <StaffTimeline events={c.events} t={t} />
          </Card>
        </div>
        {/* A work screen: on a narrow screen the actions come first; on a wide one beside the case. */}
        <aside className="order-first space-y-4 lg:order-last" aria-labelledby="actions-title">
          <h2 id="actions-title" className="text-lg font-semibold">
            {t("caseStaff.actionsTitle")}
          </h2>
          <Actions c={c} t={t} locale={locale} chain={chain} />
        </aside>
      </div>
    </div>
  );
}

function Item({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Facts({ c, t }: { c: StaffCase; t: Translate }) {
  const r = c.running;
  const late = r?.status.kind === "overdue";
  return (
    <Card>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Item label={t("caseStaff.state")} testId="state">
          <StateBadge state={c.state} label={t(`enums.state.${c.state}`)} />
        </Item>
        <Item label={t("caseStaff.channel")}>{t(`enums.channel.${c.channel}`)}</Item>
        <Item label={t("caseStaff.category")}>
          {c.category.name}（{t(`enums.categoryKind.${c.category.kind}`)}）
        </Item>
        <Item label={t("caseStaff.place")}>{c.place.name}</Item>
        <Item label={t("caseStaff.unit")} testId="current-unit">
          {c.currentUnit.name}
        </Item>
        <Item label={t("caseStaff.assignee")} testId="assignee">
          {c.assignee?.displayName ?? t("caseStaff.unassigned")}
        </Item>
        <Item label={t("caseStaff.receivedAt")}>{formatDateTime(c.receivedAt)}</Item>
        <Item label={t("caseStaff.running")} testId="running-deadline">
          {r ? (
            <span className={late ? "font-semibold text-red-800" : undefined}>
              {t("caseStaff.runningText", {
                deadline: t(`enums.deadline.${r.kind}`),
                date: formatDate(r.dueAt),
                status: deadlineStatusText(t, r.status),
              })}
            </span>
          ) : (
            t("caseStaff.noRunning")
          )}
        </Item>
        {c.accusedUnit ? <Item label={t("caseStaff.accusedUnit")}>{c.accusedUnit.name}</Item> : null}
        {c.sourceDocNo ? <Item label={t("caseStaff.sourceDocNo")}>{c.sourceDocNo}</Item> : null}
        {c.feedbackDueAt ? <Item label={t("caseStaff.feedbackDue")}>{formatDate(c.feedbackDueAt)}</Item> : null}
        {c.isRepeat ? <Item label={t("caseStaff.repeat")}>{t("caseStaff.repeatYes")}</Item> : null}
      </dl>
    </Card>
  );
}

function Petitioner({ c, t }: { c: StaffCase; t: Translate }) {
  const given = (v: string | null) => v ?? t("caseStaff.notGiven");
  return (
    <Card title={t("caseStaff.petitionerTitle")}>
      {/* Folded by default (<details>, no JavaScript needed): personal data only on screen when asked for. */}
      <details data-testid="petitioner-fold">
        <summary className="cursor-pointer font-medium text-blue-800 underline">
          {t("caseStaff.work.petitionerShow")}
        </summary>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2" data-testid="petitioner">
          <Item label={t("caseStaff.name")}>{c.petitionerName}</Item>
          <Item label={t("caseStaff.phone")}>{given(c.petitionerPhone)}</Item>
          <Item label={t("caseStaff.idNumber")}>{given(c.petitionerIdNumber)}</Item>
          <Item label={t("caseStaff.email")}>{given(c.petitionerEmail)}</Item>
          <Item label={t("caseStaff.address")}>{c.address}</Item>
          <Item label={t("caseStaff.persons")}>
            {c.isCollective
              ? t("caseStaff.collective", { count: c.personCount })
              : t("caseStaff.single", { count: c.personCount })}
          </Item>
          <Item label={t("caseStaff.consent")}>
            {c.consentPublic ? t("caseStaff.consentYes") : t("caseStaff.consentNo")}
          </Item>
        </dl>
        {c.representatives.length ? (
          <div className="mt-4">
            <h3 className="font-medium">{t("caseStaff.representatives", { count: c.representatives.length })}</h3>
            <ul className="mt-1 list-disc pl-6">
              {c.representatives.map((r) => (
                <li key={r.id}>{[r.name, r.phone, r.idNumber].filter(Boolean).join(" · ")}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </details>
    </Card>
  );
}

function Reply({ c, t }: { c: StaffCase; t: Translate }) {
  return (
    <Card title={t("caseStaff.replyTitle")}>
      {c.replyText ? (
        <div className="space-y-2" data-testid="reply">
          {c.outcome ? (
            <p>
              {t("caseStaff.outcome")}：<strong>{t(`enums.outcome.${c.outcome}`)}</strong>
            </p>
          ) : null}
          <p className="whitespace-pre-wrap break-words">{c.replyText}</p>
        </div>
      ) : (
        <p className="text-stone-600">{t("caseStaff.noReply")}</p>
      )}
      {c.publishedAt ? (
        <div className="mt-4 space-y-1 rounded border border-emerald-300 bg-emerald-50 p-3" data-testid="published">
          <p className="text-sm text-emerald-900">{t("caseStaff.publishedAt", { date: formatDate(c.publishedAt) })}</p>
          <p className="font-semibold">{c.publicTitle}</p>
          <p className="whitespace-pre-wrap break-words">{c.publicSummary}</p>
          {c.publicReply ? <p className="whitespace-pre-wrap break-words">{c.publicReply}</p> : null}
        </div>
      ) : null}
    </Card>
  );
}

function Extensions({ c, t }: { c: StaffCase; t: Translate }) {
  if (c.extensionRequests.length === 0) return null;
  return (
    <Card title={t("caseStaff.extensionsTitle")}>
      <ul className="space-y-2" data-testid="extension-requests">
        {c.extensionRequests.map((x) => (
          <li key={x.id} className="rounded border border-stone-200 p-3">
            <p>
              {t("caseStaff.extensionItem", { date: formatDate(x.requestedAt), days: x.days })} ·{" "}
              <strong>
                {x.decision ? t(`caseStaff.extensionDecision.${x.decision}`) : t("caseStaff.extensionDecision.pending")}
              </strong>
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-stone-700">
              {t("caseStaff.extensionReason", { reason: x.reason })}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/**
 * One form per action this viewer may take now (findStaffCase: authority from the case as stored and the
 * rules of lib/domain/offered-actions — the server checks both again): what the case waits for first, open;
 * the rest folded in a <details>, which opens without JavaScript.
 */
function Actions({
  c,
  t,
  locale,
  chain,
}: {
  c: StaffCase;
  t: Translate;
  locale: Locale;
  chain: StaffChainView | null;
}) {
  const caseRef = { locale, petitionId: c.id, version: c.version };
  const blocked = c.forms.extensionBlocked;
  // 条例第34条: once. No form bound to fail; the reason instead.
  const extensionNotice = blocked ? (
    <Card title={t("caseStaff.extension.title")}>
      <Notice tone="info">{t(blocked === "pending" ? "caseStaff.extension.pending" : "rules.extension.once")}</Notice>
    </Card>
  ) : null;
  if (c.actions.length === 0) {
    return (
      <>
        <p className="text-stone-600">{t("caseStaff.noActions")}</p>
        {extensionNotice}
      </>
    );
  }
  const routeNote =
    c.category.kind === "ACCUSATION"
      ? t("caseStaff.route.accusation")
      : c.category.kind === "LEGAL"
        ? t("caseStaff.route.legal")
        : undefined;
  const form = (a: StaffCase["actions"][number]) => {
    switch (a) {
      case "route":
        return <RouteForm key={a} caseRef={caseRef} groups={c.forms.routeTargets} note={routeNote} />;
      case "accept":
        return <AcceptForm key={a} caseRef={caseRef} />;
      case "return":
        return <ReturnForm key={a} caseRef={caseRef} dueDate={c.returnDueAt ? formatDate(c.returnDueAt) : "—"} />;
      case "notAccept":
        return <NotAcceptForm key={a} caseRef={caseRef} />;
      case "assign":
        return (
          <AssignForm key={a} caseRef={caseRef} handlers={c.forms.handlers} current={c.assignee?.displayName ?? null} />
        );
      case "reply":
        return <ReplyForm key={a} caseRef={caseRef} outcomes={c.forms.outcomes} />;
      case "publish":
        return c.forms.mayPublish ? (
          <PublishForm
            key={a}
            caseRef={caseRef}
            draft={c.forms.publishDraft}
            publishedOn={c.publishedAt ? formatDate(c.publishedAt) : null}
          />
        ) : (
          <Card key={a} title={t("caseStaff.publish.title")}>
            <p className="text-sm text-stone-700">{t("caseStaff.publish.notAllowed")}</p>
          </Card>
        );
      case "requestInfo":
      case "publicNote":
      case "internalNote":
        return <CaseTextForm key={a} caseRef={caseRef} kind={a} />;
      case "requestExtension":
        return <ExtensionForm key={a} caseRef={caseRef} />;
      case "reviewReply":
        return (
          <ReviewAnswerForm key={a} caseRef={caseRef} kind={a} outcomes={c.forms.outcomes} underReview={c.outcome} />
        );
      case "recheckReply":
        return (
          <ReviewAnswerForm
            key={a}
            caseRef={caseRef}
            kind={a}
            outcomes={c.forms.outcomes}
            underReview={chain?.reviewOutcome ?? c.outcome}
          />
        );
      case "linkRepeat":
        return <LinkRepeatForm key={a} caseRef={caseRef} />;
    }
  };
  // The order within each group: the decision first (受理 before 退回 before 不予受理), then the tools.
  const ORDER: StaffCase["actions"] = [
    "route",
    "accept",
    "return",
    "notAccept",
    "reply",
    "reviewReply",
    "recheckReply",
    "publish",
    "assign",
    "requestInfo",
    "publicNote",
    "internalNote",
    "requestExtension",
    "linkRepeat",
  ];
  const { awaited, other } = splitAwaited([...c.actions].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
  return (
    <>
      {awaited.length > 0 ? (
        <div className="space-y-4" data-testid="actions-awaited">
          <h3 className="font-medium text-stone-800">{t("caseStaff.work.awaited")}</h3>
          {awaited.map(form)}
        </div>
      ) : null}
      {extensionNotice}
      {other.length > 0 ? (
        // Open when nothing is awaited: then these are all there is to do.
        <details className="space-y-4" data-testid="actions-more" {...(awaited.length === 0 ? { open: true } : {})}>
          <summary className="cursor-pointer font-medium text-blue-800 underline">{t("caseStaff.work.more")}</summary>
          <div className="mt-4 space-y-4">{other.map(form)}</div>
        </details>
      ) : null}
    </>
  );
}
