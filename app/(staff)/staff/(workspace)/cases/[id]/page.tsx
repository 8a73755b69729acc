import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/auth/viewer";
import { findStaffCase, type StaffCase } from "@/lib/data/staff-case";
import { getT } from "@/lib/i18n/server";
import { formatDate, formatDateTime, type Locale, type Translate } from "@/lib/i18n";
import { deadlineStatusText } from "@/lib/i18n/deadline-text";
import { now } from "@/lib/clock";
import { Card, Notice } from "@/components/ui/card";
import { StateBadge } from "@/components/petition/state-badge";
import { DeadlineList } from "@/components/petition/deadline-list";
import { StaffTimeline } from "@/components/staff/staff-timeline";
import { AcceptForm, AssignForm, CaseTextForm, ExtensionForm, NotAcceptForm, PublishForm, ReplyForm, ReturnForm, RouteForm } from "@/components/staff/case-action-forms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("staff.title"), robots: { index: false } };
}

/** 工作人员办件页: all of one case, personal data included, and the actions this viewer may take now. */
export default async function StaffCasePage({ params }: Props) {
  const viewer = await requireViewerPage(["handler", "supervisor"]);
  const { id } = await params;
  const [{ t, locale }, c] = await Promise.all([getT(), findStaffCase(viewer, decodeURIComponent(id), now())]);
  // Outside the viewer's scope the case "does not exist": 404, never 403, so its existence is not revealed.
  if (!c) notFound();
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
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Petitioner c={c} t={t} />
          <Card title={t("caseStaff.contentTitle")}>
            <p className="whitespace-pre-wrap break-words text-stone-800" data-testid="case-content">
              {c.content}
            </p>
          </Card>
          <Reply c={c} t={t} />
          <Card title={t("caseStaff.deadlinesTitle")}>
            <DeadlineList deadlines={c.deadlines} t={t} />
          </Card>
          <Extensions c={c} t={t} />
          <Card title={t("caseStaff.timelineTitle")}>
            <StaffTimeline events={c.events} t={t} />
          </Card>
        </div>
        <aside className="space-y-4" aria-labelledby="actions-title">
          <h2 id="actions-title" className="text-lg font-semibold">
            {t("caseStaff.actionsTitle")}
          </h2>
          <Actions c={c} t={t} locale={locale} />
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
              {t("caseStaff.runningText", { deadline: t(`enums.deadline.${r.kind}`), date: formatDate(r.dueAt), status: deadlineStatusText(t, r.status) })}
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
      <dl className="grid gap-4 sm:grid-cols-2" data-testid="petitioner">
        <Item label={t("caseStaff.name")}>{c.petitionerName}</Item>
        <Item label={t("caseStaff.phone")}>{given(c.petitionerPhone)}</Item>
        <Item label={t("caseStaff.idNumber")}>{given(c.petitionerIdNumber)}</Item>
        <Item label={t("caseStaff.email")}>{given(c.petitionerEmail)}</Item>
        <Item label={t("caseStaff.address")}>{c.address}</Item>
        <Item label={t("caseStaff.persons")}>{c.isCollective ? t("caseStaff.collective", { count: c.personCount }) : t("caseStaff.single", { count: c.personCount })}</Item>
        <Item label={t("caseStaff.consent")}>{c.consentPublic ? t("caseStaff.consentYes") : t("caseStaff.consentNo")}</Item>
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
              <strong>{x.decision ? t(`caseStaff.extensionDecision.${x.decision}`) : t("caseStaff.extensionDecision.pending")}</strong>
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-stone-700">{t("caseStaff.extensionReason", { reason: x.reason })}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** One form per action this viewer may take now (authority from the case as stored; the server checks again). */
function Actions({ c, t, locale }: { c: StaffCase; t: Translate; locale: Locale }) {
  const caseRef = { locale, petitionId: c.id, version: c.version };
  const has = (a: StaffCase["actions"][number]) => c.actions.includes(a);
  // 条例第34条: once. The server refuses a second request too; the page does not offer a form bound to fail.
  const extensionPending = c.extensionRequests.some((x) => x.decision === null);
  const extensionBlocked = extensionPending || c.extensionDays > 0 || c.extensionRequests.some((x) => x.decision === "APPROVED");
  if (c.actions.length === 0) return <p className="text-stone-600">{t("caseStaff.noActions")}</p>;
  const routeNote = c.category.kind === "ACCUSATION" ? t("caseStaff.route.accusation") : c.category.kind === "LEGAL" ? t("caseStaff.route.legal") : undefined;
  return (
    <>
      {has("route") ? <RouteForm caseRef={caseRef} groups={c.forms.routeTargets} note={routeNote} /> : null}
      {has("accept") ? <AcceptForm caseRef={caseRef} /> : null}
      {has("return") ? <ReturnForm caseRef={caseRef} dueDate={c.returnDueAt ? formatDate(c.returnDueAt) : "—"} /> : null}
      {has("notAccept") ? <NotAcceptForm caseRef={caseRef} /> : null}
      {has("assign") ? <AssignForm caseRef={caseRef} handlers={c.forms.handlers} current={c.assignee?.displayName ?? null} /> : null}
      {has("reply") ? <ReplyForm caseRef={caseRef} outcomes={c.forms.outcomes} /> : null}
      {has("publish") ? (
        c.forms.mayPublish ? (
          <PublishForm caseRef={caseRef} draft={c.forms.publishDraft} publishedOn={c.publishedAt ? formatDate(c.publishedAt) : null} />
        ) : (
          <Card title={t("caseStaff.publish.title")}>
            <p className="text-sm text-stone-700">{t("caseStaff.publish.notAllowed")}</p>
          </Card>
        )
      ) : null}
      {has("requestInfo") ? <CaseTextForm caseRef={caseRef} kind="requestInfo" /> : null}
      {has("publicNote") ? <CaseTextForm caseRef={caseRef} kind="publicNote" /> : null}
      {has("internalNote") ? <CaseTextForm caseRef={caseRef} kind="internalNote" /> : null}
      {has("requestExtension") ? (
        extensionBlocked ? (
          <Card title={t("caseStaff.extension.title")}>
            <Notice tone="info">{t(extensionPending ? "caseStaff.extension.pending" : "rules.extension.once")}</Notice>
          </Card>
        ) : (
          <ExtensionForm caseRef={caseRef} />
        )
      ) : null}
    </>
  );
}
