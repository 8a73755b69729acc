import Link from "next/link";

/** One cell as the page shows it: the figure, and for a rate what it is made of ("7/8"). */
export type ScorecardCell = { text: string; detail?: string; detailLabel?: string; label?: string };
export type ScorecardTableRow = { key: string; unit: string; cells: readonly ScorecardCell[]; href?: string };
export type ScorecardTableColumn = {
  key: string;
  label: string;
  /** The column's sort link (none: the table is not sortable), and whether the table is sorted by it now. */
  href?: string;
  sortLabel?: string;
  sorted: "ascending" | "descending" | null;
  sortedText: string;
};

/**
 * 单位考评: one row per unit, the total in the footer. Column headers are links that sort the table on the
 * server (aria-sort says which one is current); numbers right-aligned, "—" where a rate has no denominator.
 */
export function ScorecardTable({
  columns,
  rows,
  total,
  caption,
}: {
  /** The unit column first, then the figures in the order of each row's cells. */
  columns: readonly ScorecardTableColumn[];
  rows: readonly ScorecardTableRow[];
  /** The total row (合计); none for a table of one unit. */
  total?: ScorecardTableRow;
  caption: string;
}) {
  const th = "border-b-2 border-stone-300 px-2 py-2 align-bottom font-semibold";
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-sm" data-testid="scorecard-table">
        <caption className="px-3 py-2 text-left text-base text-stone-700">{caption}</caption>
        <thead className="bg-stone-50">
          <tr>
            {columns.map((c, i) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sorted ?? undefined}
                className={`${th} ${i === 0 ? "text-left" : "text-right"}`}
                data-column={c.key}
              >
                {c.href ? (
                  <Link href={c.href} className="text-blue-900 underline-offset-4 hover:underline" title={c.sortLabel}>
                    {c.label}
                    {c.sorted ? <span className="sr-only">{c.sortedText}</span> : null}
                    {c.sorted ? (
                      <span aria-hidden="true" className="ml-0.5">
                        {c.sorted === "ascending" ? "▲" : "▼"}
                      </span>
                    ) : null}
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.key} row={r} />
          ))}
        </tbody>
        {total ? (
          <tfoot className="bg-stone-50 font-semibold">
            <Row row={total} />
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function Row({ row }: { row: ScorecardTableRow }) {
  return (
    <tr className="border-b border-stone-200" data-unit={row.key}>
      <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
        {row.href ? (
          <Link href={row.href} className="text-blue-900 underline">
            {row.unit}
          </Link>
        ) : (
          row.unit
        )}
      </th>
      {row.cells.map((c, i) => (
        <td key={i} className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap">
          {c.label ? (
            <>
              <span aria-hidden="true">{c.text}</span>
              <span className="sr-only">{c.label}</span>
            </>
          ) : (
            c.text
          )}
          {c.detail ? (
            <span className="block text-xs font-normal text-stone-600">
              <span aria-hidden="true">{c.detail}</span>
              {c.detailLabel ? <span className="sr-only">{c.detailLabel}</span> : null}
            </span>
          ) : null}
        </td>
      ))}
    </tr>
  );
}
