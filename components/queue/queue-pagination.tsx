import Link from "next/link";

/** Previous / next links and where we are; an unavailable direction is plain text, not a dead link. */
export function QueuePagination({
  label,
  previous,
  next,
  status,
  previousHref,
  nextHref,
}: {
  label: string;
  previous: string;
  next: string;
  status: string;
  previousHref: string | null;
  nextHref: string | null;
}) {
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-blue-800 underline hover:bg-stone-100";
  const off = "rounded-md border border-stone-200 px-3 py-1.5 text-stone-500";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3" data-testid="queue-pagination">
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={link}>
          {previous}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {previous}
        </span>
      )}
      <span className="text-stone-700">{status}</span>
      {nextHref ? (
        <Link href={nextHref} rel="next" className={link}>
          {next}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {next}
        </span>
      )}
    </nav>
  );
}
