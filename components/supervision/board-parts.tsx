import Link from "next/link";
import { formatDate, type Locale, type Translate } from "@/lib/i18n";
import { deadlineStatusText } from "@/lib/i18n/deadline-text";
import type { BoardPage, BoardRow } from "@/lib/data/supervision-board";
import type { BoardList, BoardParams } from "@/lib/validation/supervision";
import { StateBadge } from "@/components/petition/state-badge";
import { ExtensionDecisionForms } from "@/components/staff/supervision-forms";

// The pieces of the supervision board (/staff/supervision): the lists with their counts (plain links), the GET
// form for unit, sort and order, and one list's table. Server-rendered; the board works without JavaScript (the
// extension decisions are the case page's forms, which post without it too).

export type BoardListLink = { key: BoardList; label: string; count: number; href: string; current: boolean };

export function BoardLists({
  groups,
  label,
  countText,
}: {
  groups: { title: string; lists: BoardListLink[]; alert: boolean }[];
  label: string;
  countText: (n: number) => string;
}) {
  return (
    <nav aria-label={label} className="space-y-3" data-testid="board-lists">
      {groups.map((g) => (
        <div key={g.title}>
          <h2 className="mb-1 text-sm font-semibold text-stone-700">{g.title}</h2>
          <ul className="flex flex-wrap gap-2">
            {g.lists.map((l) => (
              <li key={l.key}>
                <Link
                  href={l.href}
                  aria-current={l.current ? "page" : undefined}
                  data-list={l.key}
                  className={`flex items-baseline gap-2 rounded-md border px-3 py-2 font-medium underline-offset-4 hover:underline ${
                    l.current
                      ? "border-brand-700 bg-brand-50 text-brand-800 underline decoration-2"
                      : "border-stone-300 bg-white text-stone-800"
                  }`}
                >
                  <span>{l.label}</span>
                  <span className="sr-only">：</span>
                  <span
                    data-testid="list-count"
                    className={`rounded-full px-2 text-sm ${g.alert && l.count > 0 ? "bg-red-700 text-white" : "bg-stone-200 text-stone-900"}`}
                  >
                    {countText(l.count)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** Unit, sort and order: a GET form (the address says what is shown, so it can be shared and reloaded). */
export function BoardFilterForm({
  params,
  units,
  t,
}: {
  params: BoardParams;
  units: { id: string; name: string; depth: number }[];
  t: Translate;
}) {
  const select = "rounded-md border border-stone-400 bg-white px-2 py-1.5";
  return (
    <form
      method="get"
      action="/staff/supervision"
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="board-filters"
    >
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="mb-2 font-semibold">{t("supervision.board.filters")}</legend>
        <input type="hidden" name="list" value={params.list} />
        <label className="flex flex-col gap-1">
          <span className="text-sm">{t("supervision.board.unit")}</span>
          <select name="unit" defaultValue={params.unitId ?? ""} className={select}>
            <option value="">{t("supervision.board.anyUnit")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {`${"　".repeat(Math.max(0, u.depth))}${u.name}`}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm">{t("supervision.board.sort")}</span>
          <select name="sort" defaultValue={params.sort} className={select}>
            <option value="due">{t("supervision.board.sortDue")}</option>
            <option value="received">{t("supervision.board.sortReceived")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm">{t("supervision.board.dir")}</span>
          <select name="dir" defaultValue={params.dir} className={select}>
            <option value="asc">{t("supervision.board.asc")}</option>
            <option value="desc">{t("supervision.board.desc")}</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("supervision.board.apply")}
        </button>
      </fieldset>
    </form>
  );
}

function dueCell(r: BoardRow, t: Translate) {
  if (!r.dueAt) return <span>{t("deadline.notApplicable")}</span>;
  const late = r.status?.kind === "overdue";
  return (
    <span className={late ? "font-semibold text-red-800" : undefined}>
      {formatDate(r.dueAt)}
      {r.status ? ` · ${deadlineStatusText(t, r.status)}` : ""}
    </span>
  );
}

/** One list's page as a table; each row links to its case page. */
export function BoardTable({
  page,
  caption,
  t,
  locale,
}: {
  page: BoardPage;
  caption: string;
  t: Translate;
  locale: Locale;
}) {
  if (page.rows.length === 0)
    return (
      <p className="text-stone-600" data-testid="board-empty">
        {t("supervision.board.empty")}
      </p>
    );
  const c = (k: Parameters<typeof t>[0]) => t(k);
  const kind =
    page.list === "overdueOrders" || page.list === "openOrders"
      ? "order"
      : page.list === "extensions"
        ? "extension"
        : page.list === "charge"
          ? "charge"
          : "case";
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left" data-testid="board-table" data-list={page.list}>
        <caption className="mb-2 text-left text-stone-700">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-sm">
            <th scope="col" className="p-2">
              {c("supervision.board.columns.trackingNo")}
            </th>
            <th scope="col" className="p-2">
              {c("supervision.board.columns.title")}
            </th>
            <th scope="col" className="p-2">
              {c("supervision.board.columns.unit")}
            </th>
            {kind === "order" ? (
              <>
                <th scope="col" className="p-2">
                  {c("supervision.board.columns.measure")}
                </th>
                <th scope="col" className="p-2">
                  {c("supervision.board.columns.targetUnit")}
                </th>
                <th scope="col" className="p-2">
                  {c("supervision.board.columns.issuedAt")}
                </th>
              </>
            ) : null}
            {kind === "extension" ? (
              <th scope="col" className="p-2">
                {c("supervision.board.columns.extension")}
              </th>
            ) : null}
            {kind === "charge" ? (
              <th scope="col" className="p-2">
                {c("supervision.board.columns.leader")}
              </th>
            ) : null}
            <th scope="col" className="p-2">
              {c("supervision.board.columns.state")}
            </th>
            <th scope="col" className="p-2">
              {c("supervision.board.columns.due")}
            </th>
            <th scope="col" className="p-2">
              {c("supervision.board.columns.received")}
            </th>
            {kind === "extension" ? (
              <th scope="col" className="p-2">
                {c("supervision.board.columns.decide")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr
              key={r.order?.id ?? r.extension?.requestId ?? r.petitionId}
              className="border-b border-stone-200 align-top"
              data-testid="board-row"
              data-tracking-no={r.trackingNo}
            >
              <td className="p-2 font-mono">
                <Link href={`/staff/cases/${r.petitionId}`} className="text-blue-800 underline">
                  {r.trackingNo}
                </Link>
              </td>
              <td className="p-2 break-words">{r.title}</td>
              <td className="p-2">{r.unitName}</td>
              {r.order ? (
                <>
                  <td className="p-2">{t(`supervision.measure.${r.order.measure}`)}</td>
                  <td className="p-2">{r.order.targetUnitName}</td>
                  <td className="p-2">{formatDate(r.order.issuedAt)}</td>
                </>
              ) : null}
              {r.extension ? (
                <td className="p-2 text-sm">
                  <p>
                    {t("supervision.extension.request", {
                      date: formatDate(r.extension.requestedAt),
                      days: r.extension.days,
                    })}
                  </p>
                  <p className="whitespace-pre-wrap break-words text-stone-700">
                    {t("supervision.extension.reason", { reason: r.extension.reason })}
                  </p>
                  {r.extension.newHandleDueAt ? (
                    <p>
                      {t("supervision.extension.newDue", {
                        date: formatDate(r.extension.newHandleDueAt),
                        current: r.dueAt ? formatDate(r.dueAt) : "—",
                      })}
                    </p>
                  ) : null}
                </td>
              ) : null}
              {kind === "charge" ? <td className="p-2">{r.charge?.title ?? "—"}</td> : null}
              <td className="p-2">
                <StateBadge state={r.state} label={t(`enums.state.${r.state}`)} />
              </td>
              <td className="p-2">{dueCell(r, t)}</td>
              <td className="p-2">{formatDate(r.receivedAt)}</td>
              {r.extension ? (
                <td className="min-w-72 p-2">
                  <details>
                    <summary className="cursor-pointer font-medium text-blue-800 underline">
                      {t("supervision.board.decide")}
                    </summary>
                    <div className="mt-2">
                      <ExtensionDecisionForms
                        caseRef={{ locale, petitionId: r.petitionId, version: r.version }}
                        requestId={r.extension.requestId}
                        reason={r.extension.reason}
                        mayApprove={r.extension.mayApprove}
                        idSuffix={`-${r.petitionId}`}
                      />
                    </div>
                  </details>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
