/** A figure as a card: its name, its value large, and beneath it what it is made of (a 同比, a rate's parts). */
export type FigureCard = { key: string; name: string; value: string | number; detail: string };

/** The statistics page's figures, a grid of cards, each named by `data-key` (its stats.json key). */
export function FigureCards({ cards, testId }: { cards: readonly FigureCard[]; testId: string }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid={testId}>
      {cards.map((c) => (
        <div key={c.key} className="rounded-lg border border-stone-200 bg-white p-3" data-key={c.key}>
          <dt className="text-sm text-stone-600">{c.name}</dt>
          <dd className="text-2xl font-bold tabular-nums">{c.value}</dd>
          <dd className="text-sm tabular-nums text-stone-600">{c.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
