import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canSupervise } from "@/lib/domain/authority";
import { requireViewerPage } from "@/lib/auth/viewer";
import { findBoard } from "@/lib/data/supervision-board";
import { DUE_SOON_DAYS } from "@/lib/domain/deadlines";
import { getT } from "@/lib/i18n/server";
import { BOARD_LISTS, boardSearch, parseBoardParams, type BoardList } from "@/lib/validation/supervision";
import { QueuePagination } from "@/components/queue/queue-pagination";
import { BoardFilterForm, BoardLists, BoardTable } from "@/components/supervision/board-parts";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("supervision.board.title"), robots: { index: false } };
}

const OVERDUE: readonly BoardList[] = BOARD_LISTS.filter((l) => l.startsWith("overdue"));
const OTHER: readonly BoardList[] = BOARD_LISTS.filter((l) => !l.startsWith("overdue"));

/** 督办: the supervisor's board for its subtree. Handlers (and admins) get the not-found page: there is no board for them. */
export default async function SupervisionBoardPage({ searchParams }: Props) {
  const viewer = await requireViewerPage();
  if (!canSupervise(viewer)) notFound();
  const params = parseBoardParams(await searchParams);
  const [{ t, locale }, board] = await Promise.all([getT(), findBoard(viewer, params)]);
  const filters = { unitId: board.unitId ?? undefined, sort: params.sort, dir: params.dir };
  const href = (over: { list?: BoardList; page?: number }) =>
    `/staff/supervision${boardSearch({ ...filters, list: over.list ?? params.list, page: over.page })}`;
  const link = (key: BoardList) => ({
    key,
    label: t(`supervision.board.lists.${key}`),
    count: board.counts[key],
    href: href({ list: key }),
    current: key === params.list,
  });
  const page = board.page;
  const listLabel = t(`supervision.board.lists.${params.list}`);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("supervision.board.title")}</h1>
        <p className="text-stone-700">{t("supervision.board.lead", { unit: viewer.unitName })}</p>
      </header>
      <BoardLists
        label={t("supervision.board.listsLabel")}
        countText={(count) => t("supervision.board.count", { count })}
        groups={[
          { title: t("supervision.board.overdueGroup"), lists: OVERDUE.map(link), alert: true },
          { title: t("supervision.board.otherGroup"), lists: OTHER.map(link), alert: false },
        ]}
      />
      <p className="text-sm text-stone-700" data-testid="board-hint">
        {t(`supervision.board.hints.${params.list}`, { days: DUE_SOON_DAYS })}
      </p>
      <BoardFilterForm params={{ ...params, unitId: board.unitId ?? undefined }} units={board.units} t={t} />
      <BoardTable
        page={page}
        t={t}
        locale={locale}
        caption={t("supervision.board.caption", {
          list: listLabel,
          total: page.total,
          page: page.page,
          pages: page.pageCount,
        })}
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
