import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireViewerPage } from "@/lib/auth/viewer";
import { countQueueTabs, findQueue, findQueueFilterOptions } from "@/lib/data/queue";
import { DUE_SOON_DAYS } from "@/lib/domain/deadlines";
import { CHANNELS } from "@/lib/domain/petition-rules";
import { QUEUE_TABS } from "@/lib/domain/queue";
import { getT } from "@/lib/i18n/server";
import { deadlineStatusText } from "@/lib/i18n/deadline-text";
import { parseQueueParams, queueSearch, QUEUE_SEARCH_MAX } from "@/lib/validation/queue";
import { Notice } from "@/components/ui/card";
import { QueueTabs } from "@/components/queue/queue-tabs";
import { QueueFilterForm } from "@/components/queue/queue-filter-form";
import { QueueTable } from "@/components/queue/queue-table";
import { QueuePagination } from "@/components/queue/queue-pagination";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("queue.title"), robots: { index: false } };
}

/** 工作台: the viewer's cases by tab, filtered by a GET form, nearest deadline first. */
export default async function QueuePage({ searchParams }: Props) {
  const viewer = await requireViewerPage();
  if (viewer.role === "admin") redirect("/staff/admin"); // an admin manages; it handles no cases
  const { params, problems } = parseQueueParams(await searchParams);
  const [{ t }, counts, page, options] = await Promise.all([
    getT(),
    countQueueTabs(viewer, params),
    findQueue(viewer, params),
    findQueueFilterOptions(),
  ]);

  const filters = {
    categoryId: params.categoryId,
    channel: params.channel,
    placeId: params.placeId,
    receivedFrom: params.receivedFrom,
    receivedTo: params.receivedTo,
    q: params.q,
  };
  const href = (over: { tab?: typeof params.tab; page?: number }) =>
    `/staff${queueSearch({ ...filters, tab: over.tab ?? params.tab, page: over.page })}`;
  const tabLabel = t(`queue.tabs.${params.tab}`);
  const errorText = (field: "from" | "to" | "q") => {
    const p = problems.find((x) => x.field === field);
    return p ? t(p.key, { max: QUEUE_SEARCH_MAX }) : undefined;
  };

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("queue.title")}</h1>
        <p className="text-stone-700">
          {t(viewer.role === "supervisor" ? "queue.scopeSupervisor" : "queue.scopeHandler", { unit: viewer.unitName })}
        </p>
      </header>

      <QueueTabs
        label={t("queue.tabsLabel")}
        separator={t("queue.countSeparator")}
        tabs={QUEUE_TABS.map((tab) => ({
          key: tab,
          label: t(`queue.tabs.${tab}`),
          count: counts[tab],
          countText: t("queue.count", { count: counts[tab] }),
          href: href({ tab }),
          current: tab === params.tab,
        }))}
      />

      <p className="-mt-3 text-sm text-stone-700" data-testid="queue-tab-hint">
        {t(`queue.tabHints.${params.tab}`, { days: DUE_SOON_DAYS })}
      </p>

      {problems.length > 0 ? (
        <Notice tone="warning" role="status">
          {t("queue.ignored")} {problems.map((p) => t(p.key, { max: QUEUE_SEARCH_MAX })).join(" ")}
        </Notice>
      ) : null}

      <QueueFilterForm
        tab={params.tab}
        values={{
          category: params.categoryId,
          channel: params.channel,
          township: params.placeId,
          from: params.receivedFrom,
          to: params.receivedTo,
          q: params.q,
        }}
        options={{
          categories: options.categories.map((c) => ({ value: c.id, label: c.name })),
          channels: CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) })),
          townships: options.townships.map((u) => ({ value: u.id, label: u.name })),
        }}
        errors={{ from: errorText("from"), to: errorText("to"), q: errorText("q") }}
        resetHref={href({})}
        text={{
          legend: t("queue.filters"),
          category: t("queue.category"),
          channel: t("queue.channel"),
          township: t("queue.township"),
          from: t("queue.receivedFrom"),
          to: t("queue.receivedTo"),
          search: t("queue.search"),
          searchHint: t("queue.searchHint"),
          any: t("queue.any"),
          apply: t("queue.apply"),
          reset: t("queue.reset"),
        }}
      />

      <QueueTable
        rows={page.rows.map((r) => ({
          id: r.id,
          trackingNo: r.trackingNo,
          title: r.isRepeat ? `${t("reviewStaff.queueRepeat")} · ${r.title}` : r.title,
          category: r.categoryName,
          channel: t(`enums.channel.${r.channel}`),
          deadline: r.deadline,
          deadlineText: r.deadline ? deadlineStatusText(t, r.deadline) : t("deadline.notApplicable"),
          assignee: r.assigneeName,
          state: r.state,
          stateLabel: t(`enums.state.${r.state}`),
        }))}
        text={{
          caption: t("queue.caption", { tab: tabLabel, total: page.total, page: page.page, pages: page.pageCount }),
          empty: t("queue.empty"),
          unassigned: t("queue.unassigned"),
          columns: {
            trackingNo: t("queue.columns.trackingNo"),
            title: t("queue.columns.title"),
            category: t("queue.columns.category"),
            channel: t("queue.columns.channel"),
            deadline: t("queue.columns.deadline"),
            assignee: t("queue.columns.assignee"),
            state: t("queue.columns.state"),
          },
        }}
      />

      {page.pageCount > 1 ? (
        <QueuePagination
          label={t("queue.pagination")}
          previous={t("queue.previous")}
          next={t("queue.next")}
          status={t("queue.pageOf", { page: page.page, pages: page.pageCount })}
          previousHref={page.page > 1 ? href({ page: page.page - 1 }) : null}
          nextHref={page.page < page.pageCount ? href({ page: page.page + 1 }) : null}
        />
      ) : null}
    </div>
  );
}
