/** A page's title and its lead paragraph, as every form and list page opens. */
export function PageHeader({ title, lead, className = "" }: { title: string; lead: string; className?: string }) {
  return (
    <header className={`space-y-2 ${className}`.trim()}>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="max-w-3xl text-stone-700">{lead}</p>
    </header>
  );
}
