import Link from "next/link";

export type QueueTabLink = {
  key: string;
  label: string;
  count: number;
  countText: string;
  href: string;
  current: boolean;
};

/**
 * The queue's tabs as plain links (they work without JavaScript); the current one carries aria-current.
 * `separator` is read between a tab's name and its count ("已逾期，3 件"), not shown.
 */
export function QueueTabs({
  tabs,
  label,
  separator,
}: {
  tabs: readonly QueueTabLink[];
  label: string;
  separator: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2" data-testid="queue-tabs">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              data-tab={tab.key}
              className={`flex items-baseline gap-2 rounded-md border px-3 py-2 font-medium underline-offset-4 hover:underline ${
                tab.current
                  ? "border-brand-700 bg-brand-50 text-brand-800 underline decoration-2"
                  : "border-stone-300 bg-white text-stone-800"
              }`}
            >
              <span>{tab.label}</span>
              <span className="sr-only">{separator}</span>
              <span
                className={`rounded-full px-2 text-sm ${tab.key === "overdue" && tab.count > 0 ? "bg-red-700 text-white" : "bg-stone-200 text-stone-900"}`}
                data-testid="tab-count"
              >
                {tab.countText}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
